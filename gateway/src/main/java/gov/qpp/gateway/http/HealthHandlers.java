package gov.qpp.gateway.http;

import gov.qpp.validators.catalog.MeasureCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** {@code /health}: the process answers. {@code /ready}: it can take submissions (database reachable, catalog loaded). */
public final class HealthHandlers {

  private final Pool pool;
  private final MeasureCatalog catalog;

  public HealthHandlers(Pool pool, MeasureCatalog catalog) {
    this.pool = pool;
    this.catalog = catalog;
  }

  public void health(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  public void ready(RoutingContext ctx) {
    JsonObject catalogState = new JsonObject().put("source", catalog.source())
        .put("years", new JsonArray(catalog.years().stream().toList()));
    pool.query("select 1").execute()
        .onSuccess(ok -> Responses.json(ctx, 200, new JsonObject().put("status", "READY")
            .put("database", "UP").put("catalog", catalogState)))
        .onFailure(error -> Responses.json(ctx, 503, new JsonObject().put("status", "NOT_READY")
            .put("database", "DOWN: " + error.getMessage()).put("catalog", catalogState)));
  }
}

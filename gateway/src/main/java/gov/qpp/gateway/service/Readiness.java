package gov.qpp.gateway.service;

import gov.qpp.validators.catalog.MeasureCatalog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** Whether the gateway can take submissions: the database answers and the catalog is loaded (with its source). */
public final class Readiness {

  /** The state and whether it is ready. */
  public record State(boolean ready, JsonObject body) {
  }

  private final Pool pool;
  private final MeasureCatalog catalog;

  public Readiness(Pool pool, MeasureCatalog catalog) {
    this.pool = pool;
    this.catalog = catalog;
  }

  public Future<State> check() {
    JsonObject catalogState = new JsonObject().put("source", catalog.source())
        .put("years", new JsonArray(catalog.years().stream().toList()));
    return pool.query("select 1").execute()
        .map(ok -> new State(true, new JsonObject().put("status", "READY").put("database", "UP")
            .put("catalog", catalogState)))
        .otherwise(error -> new State(false, new JsonObject().put("status", "NOT_READY")
            .put("database", "DOWN: " + error.getMessage()).put("catalog", catalogState)));
  }
}

package gov.qpp.gateway.api;

import gov.qpp.gateway.service.ReadService;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** What was stored: {@code GET /api/submissions/{id}} and {@code GET /api/low-volume}. */
final class ReadRoutes {

  private final ReadService reads;

  ReadRoutes(ReadService reads) {
    this.reads = reads;
  }

  void submission(RoutingContext ctx) {
    reads.submission(ctx.pathParam("id")).onSuccess(data -> Responses.json(ctx, 200, new JsonObject()
        .put("data", data))).onFailure(ctx::fail);
  }

  void lowVolume(RoutingContext ctx) {
    reads.lowVolume(ScoreRoutes.query(ctx)).onSuccess(data -> Responses.json(ctx, 200, new JsonObject()
        .put("data", data))).onFailure(ctx::fail);
  }
}

package gov.qpp.gateway.api;

import gov.qpp.gateway.http.BearerAuth;
import gov.qpp.gateway.http.ChunkedBody;
import gov.qpp.gateway.service.ClinicianQuery;
import gov.qpp.gateway.service.Refusal;
import gov.qpp.gateway.service.RescoreService;
import gov.qpp.gateway.service.ScoreService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Scores and what they mean: {@code GET /api/scores}, {@code GET /api/clinicians/{tin}/{npi}/feedback}, and the
 * batch re-score ({@code POST /api/rescore}, {@code GET /api/rescore/{id}}).
 */
final class ScoreRoutes {

  private final ScoreService scores;
  private final RescoreService rescores;

  ScoreRoutes(ScoreService scores, RescoreService rescores) {
    this.scores = scores;
    this.rescores = rescores;
  }

  void scores(RoutingContext ctx) {
    scores.scores(query(ctx)).onSuccess(data -> Responses.json(ctx, 200, new JsonObject().put("data", data)))
        .onFailure(ctx::fail);
  }

  void feedback(RoutingContext ctx) {
    scores.feedback(query(ctx)).onSuccess(data -> Responses.json(ctx, 200, new JsonObject().put("data", data)))
        .onFailure(ctx::fail);
  }

  /** {@code {"performanceYear", "scalingFactor"?, "exceptionalScaling"?}}: 202 with the job's id. */
  void startRescore(RoutingContext ctx) {
    rescores.start(jsonBody(ctx), BearerAuth.principal(ctx))
        .onSuccess(id -> Responses.json(ctx, 202, new JsonObject().put("data", new JsonObject()
            .put("id", id.toString()).put("state", "queued").put("progress", "/api/rescore/" + id))))
        .onFailure(ctx::fail);
  }

  void rescoreProgress(RoutingContext ctx) {
    rescores.progress(ctx.pathParam("id")).onSuccess(job -> Responses.json(ctx, 200, new JsonObject()
        .put("data", job))).onFailure(ctx::fail);
  }

  /** The tin, npi and year a read asks about, from the path or the query. */
  static ClinicianQuery query(RoutingContext ctx) {
    return ClinicianQuery.parse(param(ctx, "tin"), param(ctx, "npi"), ctx.request().getParam("year"));
  }

  private static String param(RoutingContext ctx, String name) {
    String fromPath = ctx.pathParam(name);
    return fromPath != null ? fromPath : ctx.queryParams().get(name);
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      Object parsed = Buffer.buffer(ChunkedBody.of(ctx).takeBytes()).toJsonValue();
      if (parsed instanceof JsonObject object) {
        return object;
      }
    } catch (RuntimeException notJson) {
      // answered below
    }
    throw Refusal.badRequest("$", "the body must be a JSON object such as {\"performanceYear\": 2025}");
  }
}

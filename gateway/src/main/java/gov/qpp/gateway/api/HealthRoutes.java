package gov.qpp.gateway.api;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.service.Readiness;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code /health}: the process answers. {@code /ready}: it can take submissions. {@code /metrics}: Prometheus text.
 * On the main port and on the management port alike.
 */
final class HealthRoutes {

  private HealthRoutes() {
  }

  static void add(Router router, Readiness readiness, GatewayMetrics metrics) {
    router.get("/health").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/ready").handler(ctx -> readiness.check()
        .onSuccess(state -> Responses.json(ctx, state.ready() ? 200 : 503, state.body()))
        .onFailure(ctx::fail));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render()));
  }
}

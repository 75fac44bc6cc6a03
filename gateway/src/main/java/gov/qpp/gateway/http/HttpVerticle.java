package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One HTTP server on its own event loop. The gateway deploys several on one port, so the connections (and the
 * socket reading of large uploads) spread over the event loops instead of queueing behind each other on one.
 */
public final class HttpVerticle extends VerticleBase {

  /**
   * A connection that sends nothing for this long is closed, and with it any body budget its upload holds: stalled
   * uploads cannot keep the budget (and every upload waiting for it) forever.
   */
  static final int IDLE_TIMEOUT_SECONDS = 60;

  private final Router router;
  private final int port;
  private final GatewayMetrics metrics;
  private HttpServer server;
  private EventLoopLag lag;

  public HttpVerticle(Router router, int port, GatewayMetrics metrics) {
    this.router = router;
    this.port = port;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    // HTTP/1.1 only: no h2c upgrade. Java's own HttpClient asks for one on every new connection, and Vert.x's h2c
    // upgrade beside response compression sometimes lost the answer (seen here: a GET hung until the idle timeout;
    // eclipse-vertx/vert.x#3988 is that class of bug). Refused, the client simply goes on in HTTP/1.1.
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
            .setHttp2ClearTextEnabled(false)
            .setIdleTimeout(IDLE_TIMEOUT_SECONDS))
        .requestHandler(router)
        .listen(port)
        .onSuccess(listening -> {
          server = listening;
          lag = new EventLoopLag(vertx, metrics);
          lag.start();
        });
  }

  @Override
  public Future<?> stop() {
    if (lag != null) {
      lag.stop();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  public int port() {
    return server == null ? -1 : server.actualPort();
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the HTTP event loop: a timer due every {@link #INTERVAL_MILLIS} that fires late means something held
 * the loop (blocking code, a long GC, a starved CPU). Late firings past {@link #REPORT_LAG_MILLIS} are logged.
 */
public final class EventLoopLag {

  static final long INTERVAL_MILLIS = 50;
  static final long REPORT_LAG_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(EventLoopLag.class);

  private final Vertx vertx;
  private final GatewayMetrics metrics;
  private long timer = -1;
  private long expected;

  public EventLoopLag(Vertx vertx, GatewayMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  /** Starts on the calling verticle's event loop. */
  public void start() {
    expected = System.nanoTime() + INTERVAL_MILLIS * 1_000_000;
    timer = vertx.setPeriodic(INTERVAL_MILLIS, tick -> {
      long now = System.nanoTime();
      long lagMillis = Math.max(0, (now - expected) / 1_000_000);
      expected = now + INTERVAL_MILLIS * 1_000_000;
      metrics.eventLoopLag(lagMillis);
      if (lagMillis > REPORT_LAG_MILLIS) {
        LOG.atWarn().addKeyValue("lagMillis", lagMillis).log("the HTTP event loop was held up");
      }
    });
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}

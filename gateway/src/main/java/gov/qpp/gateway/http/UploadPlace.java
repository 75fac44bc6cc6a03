package gov.qpp.gateway.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * A claims or zip upload's place in {@code claims.maxPending}, held until the request has ended <em>and</em> the
 * work it started (reading, evaluating, storing) is done: a client that hangs up does not free the place while a
 * worker is still busy with its file. Used on the request's event loop only.
 */
public final class UploadPlace {

  private static final String KEY = "qpp.uploadPlace";

  private final IntakeLimiter limiter;
  private boolean requestEnded;
  private int working;
  private boolean released;

  private UploadPlace(IntakeLimiter limiter) {
    this.limiter = limiter;
  }

  /** Takes a place (or throws the 503) for this request. */
  public static void take(RoutingContext ctx, IntakeLimiter limiter) {
    limiter.acquire();
    UploadPlace place = new UploadPlace(limiter);
    ctx.put(KEY, place);
    ctx.addEndHandler(done -> {
      place.requestEnded = true;
      place.releaseIfIdle();
    });
  }

  /** Keeps the request's place (if it has one) until {@code work} completes; returns {@code work}. */
  public static <T> Future<T> holdWhile(RoutingContext ctx, Future<T> work) {
    UploadPlace place = ctx.get(KEY);
    if (place == null) {
      return work;
    }
    place.working++;
    return work.andThen(done -> {
      place.working--;
      place.releaseIfIdle();
    });
  }

  private void releaseIfIdle() {
    if (requestEnded && working == 0 && !released) {
      released = true;
      limiter.release();
    }
  }
}

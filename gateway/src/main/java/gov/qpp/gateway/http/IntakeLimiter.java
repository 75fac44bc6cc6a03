package gov.qpp.gateway.http;

import gov.qpp.gateway.service.Refusal;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the documents in the gateway at once, from reading their body to storing them (intake.maxPending). Past
 * the bound the gateway answers 503 with Retry-After before reading the body, rather than buffering and queueing
 * work it cannot finish in time.
 */
public final class IntakeLimiter {

  /**
   * Admits a request before its body is read and frees its place when the request ends, however it ends
   * (answered, failed, or the client gone). A policy handler, so Vert.x runs it before the body handler.
   */
  public final SecurityPolicyHandler admit = this::admit;

  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  public IntakeLimiter(int maxPending) {
    this.maxPending = maxPending;
  }

  /** Takes a place or throws the 503 refusal; every successful call is paired with {@link #release()}. */
  public void acquire() {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      throw Refusal.busy(maxPending + " documents are in the gateway");
    }
  }

  private void admit(RoutingContext ctx) {
    acquire();
    ctx.addEndHandler(done -> release());
    ctx.next();
  }

  public void release() {
    pending.decrementAndGet();
  }

  public int pending() {
    return pending.get();
  }
}

package gov.qpp.gateway.http;

import gov.qpp.validators.problems.ProblemCode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the documents being parsed and validated at once (intake.maxPending). Past the bound the gateway
 * answers 503 with Retry-After at once rather than queueing work it cannot finish in time.
 */
public final class IntakeLimiter {

  static final int RETRY_AFTER_SECONDS = 2;

  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  public IntakeLimiter(int maxPending) {
    this.maxPending = maxPending;
  }

  /** Takes a place or throws the 503 refusal; every successful call is paired with {@link #release()}. */
  public void acquire() {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      throw new ApiException(503, "ServiceUnavailable", "the gateway is at capacity; retry shortly",
          java.util.List.of(gov.qpp.validators.problems.Problem.of(ProblemCode.GATEWAY_BUSY, "$",
              maxPending + " documents are being validated; retry after " + RETRY_AFTER_SECONDS + " s")),
          RETRY_AFTER_SECONDS);
    }
  }

  public void release() {
    pending.decrementAndGet();
  }

  public int pending() {
    return pending.get();
  }
}

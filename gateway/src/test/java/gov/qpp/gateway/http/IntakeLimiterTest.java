package gov.qpp.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntakeLimiterTest {

  @Test
  void refusesPastTheBoundWithRetryAfterAndRecovers() {
    IntakeLimiter limiter = new IntakeLimiter(2);
    limiter.acquire();
    limiter.acquire();
    ApiException busy = assertThrows(ApiException.class, limiter::acquire);
    assertEquals(503, busy.status());
    assertEquals(IntakeLimiter.RETRY_AFTER_SECONDS, busy.retryAfterSeconds());
    assertEquals("GATEWAY_BUSY", busy.problems().get(0).code().name());
    assertEquals(2, limiter.pending());
    limiter.release();
    limiter.acquire();
    assertEquals(2, limiter.pending());
  }
}

package gov.qpp.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.qpp.gateway.service.Refusal;
import org.junit.jupiter.api.Test;

class IntakeLimiterTest {

  @Test
  void refusesPastTheBoundWithRetryAfterAndRecovers() {
    IntakeLimiter limiter = new IntakeLimiter(2);
    limiter.acquire();
    limiter.acquire();
    Refusal busy = assertThrows(Refusal.class, limiter::acquire);
    assertEquals(503, busy.status());
    assertEquals(Refusal.RETRY_AFTER_SECONDS, busy.retryAfterSeconds());
    assertEquals("GATEWAY_BUSY", busy.problems().get(0).code().name());
    assertEquals(2, limiter.pending());
    limiter.release();
    limiter.acquire();
    assertEquals(2, limiter.pending());
  }
}

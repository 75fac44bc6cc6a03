package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedRateScheduleTest {

  @Test
  void requestsAreSpacedByOneOverTheRate() {
    FixedRateSchedule schedule = new FixedRateSchedule(1_000, 100, 0, 10);
    assertEquals(1_000, schedule.intendedStartNanos(0));
    assertEquals(1_000 + 10_000_000, schedule.intendedStartNanos(1));
    assertEquals(1_000 + 1_500_000_000L, schedule.intendedStartNanos(150));
  }

  @Test
  void periodsThatAreNotWholeNanosecondsDoNotDrift() {
    FixedRateSchedule schedule = new FixedRateSchedule(0, 3, 0, 600);
    assertEquals(333_333_333, schedule.intendedStartNanos(1));
    assertEquals(666_666_666, schedule.intendedStartNanos(2));
    // after 1800 requests at 3/s exactly 600 s have passed, not 1800 × 333,333,333 ns
    assertEquals(600_000_000_000L, schedule.intendedStartNanos(1_800));
  }

  @Test
  void warmupComesFirstAndCountsAreBounded() {
    FixedRateSchedule schedule = new FixedRateSchedule(0, 200, 5, 20);
    assertEquals(1_000, schedule.warmupRequests());
    assertEquals(4_000, schedule.measuredRequests());
    assertEquals(5_000, schedule.totalRequests());
    assertTrue(schedule.isWarmup(999));
    assertFalse(schedule.isWarmup(1_000));
    assertEquals(5_000_000_000L, schedule.measuredStartNanos());
  }

  @Test
  void rejectsNonPositiveRate() {
    assertThrows(IllegalArgumentException.class, () -> new FixedRateSchedule(0, 0, 0, 10));
  }
}

package gov.qpp.load;

/**
 * When each request of an open-model run is meant to start: request {@code i} at {@code start + i / rate}.
 * Computed from the index (not by adding a rounded period each time) so there is no drift, and the latency of a
 * late request is measured from here, not from when it was actually sent — that is what avoids coordinated
 * omission.
 */
public record FixedRateSchedule(long startNanos, int ratePerSecond, int warmupSeconds, int durationSeconds) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public FixedRateSchedule {
    if (ratePerSecond <= 0 || warmupSeconds < 0 || durationSeconds <= 0) {
      throw new IllegalArgumentException("rate and duration must be positive, warmup not negative");
    }
  }

  /** Intended start of request {@code index} (0-based), in {@link System#nanoTime()} terms. */
  public long intendedStartNanos(long index) {
    return startNanos + index * NANOS_PER_SECOND / ratePerSecond;
  }

  public long warmupRequests() {
    return (long) ratePerSecond * warmupSeconds;
  }

  public long measuredRequests() {
    return (long) ratePerSecond * durationSeconds;
  }

  /** Every request the run will ever schedule: the run is bounded by count as well as by time. */
  public long totalRequests() {
    return warmupRequests() + measuredRequests();
  }

  public boolean isWarmup(long index) {
    return index < warmupRequests();
  }

  /** Intended start of the first measured request. */
  public long measuredStartNanos() {
    return intendedStartNanos(warmupRequests());
  }
}

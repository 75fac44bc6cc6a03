package gov.qpp.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the measured phase produced: counts by outcome and latency histograms in microseconds, from each
 * request's intended start. Completions arrive on HTTP client threads, hence the synchronisation; at a few
 * thousand requests per second one lock is nowhere near a bottleneck.
 */
final class LoadResults {

  /** Three significant digits: 1 ms is told from 1.001 ms, 10 s from 10.01 s. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram allResponses = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram accepted = new Histogram(SIGNIFICANT_DIGITS);
  private long sent;
  private long created;
  private long invalid;
  private long busy;
  private long otherStatus;
  /** Which statuses "other" was made of: a 500 and a 401 call for very different fixes. */
  private final Map<Integer, Long> otherByStatus = new TreeMap<>();
  private long errors;
  private long droppedByDriver;
  private long lastCompletionNanos;

  synchronized void sent() {
    sent++;
  }

  synchronized void dropped() {
    droppedByDriver++;
  }

  synchronized void response(int status, long latencyNanos, long completedNanos) {
    long micros = Math.max(1, latencyNanos / 1_000);
    allResponses.recordValue(micros);
    switch (status) {
      case 201 -> {
        created++;
        accepted.recordValue(micros);
      }
      case 422 -> invalid++;
      case 503 -> busy++;
      default -> {
        otherStatus++;
        otherByStatus.merge(status, 1L, Long::sum);
      }
    }
    lastCompletionNanos = Math.max(lastCompletionNanos, completedNanos);
  }

  /** No HTTP status at all: timeout, refused or reset connection. */
  synchronized void error(long completedNanos) {
    errors++;
    lastCompletionNanos = Math.max(lastCompletionNanos, completedNanos);
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(sent, created, invalid, busy, otherStatus, Map.copyOf(otherByStatus), errors,
        droppedByDriver, lastCompletionNanos, allResponses.copy(), accepted.copy());
  }

  /** An immutable copy for reporting. */
  record Snapshot(long sent, long created, long invalid, long busy, long otherStatus, Map<Integer, Long> otherByStatus,
      long errors,
      long droppedByDriver, long lastCompletionNanos, Histogram allResponses, Histogram accepted) {

    long completed() {
      return created + invalid + busy + otherStatus + errors;
    }
  }
}

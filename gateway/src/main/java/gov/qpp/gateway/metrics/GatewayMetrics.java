package gov.qpp.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The few numbers an operator watches on deadline day, in the Prometheus text format at {@code /metrics}:
 * documents by format and outcome, problems by code, what is in flight, and the worst event-loop lag.
 * Counters are lock-free; the answer is written on request.
 */
public final class GatewayMetrics {

  private final Map<String, LongAdder> documents = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
  private final AtomicLong worstLagMillis = new AtomicLong();

  /** One document answered: its format (registry-json, qrda3) and outcome (accepted, rejected, valid, ...). */
  public void document(String format, String outcome) {
    documents.computeIfAbsent(format + "|" + outcome, key -> new LongAdder()).increment();
  }

  public void problem(String code) {
    problems.computeIfAbsent(code, key -> new LongAdder()).increment();
  }

  public void eventLoopLag(long millis) {
    worstLagMillis.accumulateAndGet(millis, Math::max);
  }

  /** A value read when metrics are asked for (pending intakes, pending scorings, ...). */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP qpp_documents_total Documents answered, by format and outcome.\n")
        .append("# TYPE qpp_documents_total counter\n");
    new TreeMap<>(documents).forEach((key, count) -> {
      String[] parts = key.split("\\|", 2);
      out.append("qpp_documents_total{format=\"").append(parts[0]).append("\",outcome=\"").append(parts[1])
          .append("\"} ").append(count.sum()).append('\n');
    });
    out.append("# HELP qpp_problems_total Problems reported, by stable problem code.\n")
        .append("# TYPE qpp_problems_total counter\n");
    new TreeMap<>(problems).forEach((code, count) ->
        out.append("qpp_problems_total{code=\"").append(code).append("\"} ").append(count.sum()).append('\n'));
    new TreeMap<>(gauges).forEach((name, value) -> out.append("# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(value.getAsLong()).append('\n'));
    out.append("# HELP qpp_event_loop_lag_max_milliseconds Worst HTTP event-loop lag seen since start.\n")
        .append("# TYPE qpp_event_loop_lag_max_milliseconds gauge\n")
        .append("qpp_event_loop_lag_max_milliseconds ").append(worstLagMillis.get()).append('\n');
    return out.toString();
  }
}

package gov.qpp.load;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The result of one run as plain text (for people) and JSON (for comparing runs). Latencies are from each
 * request's intended start, so queueing in the driver or the gateway is included, as a user would see it.
 */
record LoadReport(Instant finishedAt, Machine machine, String gateway, LoadOptions options,
    OpenModelDriver.Run run) {

  private static final double[] PERCENTILES = {50, 90, 99, 99.9};
  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * Seconds from the intended start of the first measured request to the last measured response, never less
   * than the scheduled duration: a gateway that falls behind is charged for the time it took to catch up.
   */
  double windowSeconds() {
    long last = run.results().lastCompletionNanos();
    double finished = last == 0 ? 0 : (last - run.schedule().measuredStartNanos()) / NANOS_PER_SECOND;
    return Math.max(options.durationSeconds(), finished);
  }

  double acceptedPerSecond() {
    return run.results().created() / windowSeconds();
  }

  String text() {
    LoadResults.Snapshot r = run.results();
    StringBuilder out = new StringBuilder();
    line(out, "registry JSON load", finishedAt.toString());
    line(out, "machine", machine.describe());
    line(out, "gateway", gateway);
    line(out, "offered rate", String.format(Locale.ROOT, "%d req/s for %d s after %d s warmup (%d measured requests)",
        options.rate(), options.durationSeconds(), options.warmupSeconds(), run.schedule().measuredRequests()));
    line(out, "achieved", String.format(Locale.ROOT, "%.1f accepted/s over %.1f s", acceptedPerSecond(),
        windowSeconds()));
    line(out, "requests", String.format(Locale.ROOT, "%d sent, %d dropped by driver (max in flight %d)", r.sent(),
        r.droppedByDriver(), options.maxInFlight()));
    line(out, "status", String.format(Locale.ROOT, "201=%d 422=%d 503=%d other=%d%s errors=%d", r.created(),
        r.invalid(), r.busy(), r.otherStatus(), otherText(r.otherByStatus()), r.errors()));
    line(out, "latency all (ms)", latencyText(r.allResponses()));
    line(out, "latency 201 (ms)", latencyText(r.accepted()));
    return out.toString();
  }

  JsonObject json() {
    LoadResults.Snapshot r = run.results();
    return new JsonObject()
        .put("finishedAt", finishedAt.toString())
        .put("machine", machine.toJson())
        .put("gateway", gateway)
        .put("offeredRatePerSecond", options.rate())
        .put("durationSeconds", options.durationSeconds())
        .put("warmupSeconds", options.warmupSeconds())
        .put("maxInFlight", options.maxInFlight())
        .put("seed", options.seed())
        .put("measuredRequests", run.schedule().measuredRequests())
        .put("windowSeconds", round(windowSeconds()))
        .put("acceptedPerSecond", round(acceptedPerSecond()))
        .put("sent", r.sent())
        .put("droppedByDriver", r.droppedByDriver())
        .put("status", new JsonObject().put("201", r.created()).put("422", r.invalid()).put("503", r.busy())
            .put("other", r.otherStatus()).put("errors", r.errors()))
        .put("otherByStatus", otherJson(r.otherByStatus()))
        .put("latencyMillis", new JsonObject()
            .put("all", latencyJson(r.allResponses()))
            .put("accepted", latencyJson(r.accepted())));
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-18s %s%n", label, value));
  }

  private static String otherText(Map<Integer, Long> byStatus) {
    if (byStatus.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (");
    new TreeMap<>(byStatus).forEach((status, count) -> text.append(text.length() > 2 ? ", " : "").append(status)
        .append(": ").append(count));
    return text.append(')').toString();
  }

  private static JsonObject otherJson(Map<Integer, Long> byStatus) {
    JsonObject json = new JsonObject();
    new TreeMap<>(byStatus).forEach((status, count) -> json.put(String.valueOf(status), count));
    return json;
  }

  private static String latencyText(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return "no responses";
    }
    StringBuilder text = new StringBuilder();
    for (double percentile : PERCENTILES) {
      text.append(String.format(Locale.ROOT, "p%s=%.1f ", label(percentile), millis(histogram, percentile)));
    }
    return text.append(String.format(Locale.ROOT, "max=%.1f (n=%d)", histogram.getMaxValue() / 1000.0,
        histogram.getTotalCount())).toString();
  }

  private static JsonObject latencyJson(Histogram histogram) {
    JsonObject json = new JsonObject().put("count", histogram.getTotalCount());
    if (histogram.getTotalCount() == 0) {
      return json;
    }
    for (double percentile : PERCENTILES) {
      json.put("p" + label(percentile), round(millis(histogram, percentile)));
    }
    return json.put("max", round(histogram.getMaxValue() / 1000.0));
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  private static String label(double percentile) {
    return percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}

package gov.qpp.validators.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quality measure's benchmark for one submission method. Years 2017-2022 publish {@code deciles}: the nine
 * lower bounds of deciles 2..10. Years 2023 on publish {@code percentiles} (1, 10, 20, ... 90, 99); the decile
 * bounds are then percentiles 10..90. For inverse measures the bounds descend (a lower rate is better).
 */
public record Benchmark(String measureId, String submissionMethod, int benchmarkYear, int performanceYear,
    boolean toppedOut, boolean toppedOutByProgram, Boolean inverse, List<Double> deciles,
    Map<Integer, Double> percentiles, Double averagePerformanceRate) {

  /**
   * Lower bounds of deciles 2 to 10, in the benchmark's own order (descending for inverse measures). A few
   * benchmarks (cost and administrative-claims measures) list ten values, the first being decile 1's start.
   */
  public double[] decileLowerBounds() {
    double[] bounds = new double[9];
    if (deciles != null) {
      int offset = deciles.size() - 9;
      for (int i = 0; i < 9; i++) {
        bounds[i] = deciles.get(offset + i);
      }
    } else {
      for (int i = 0; i < 9; i++) {
        bounds[i] = percentiles.get((i + 1) * 10);
      }
    }
    return bounds;
  }

  /** True when the benchmark uses the 2023+ percentile form. */
  public boolean isPercentileBased() {
    return deciles == null;
  }

  static Benchmark read(CatalogNode node) {
    List<Double> deciles = null;
    Map<Integer, Double> percentiles = null;
    if (node.has("deciles")) {
      deciles = CatalogNode.map(node.field("deciles").elements(), CatalogNode::number);
      if (deciles.size() != 9 && deciles.size() != 10) {
        throw node.field("deciles").fail("expected 9 (or 10) decile bounds, found " + deciles.size());
      }
    } else if (node.has("percentiles")) {
      CatalogNode field = node.field("percentiles");
      percentiles = new TreeMap<>();
      var names = field.node().fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        try {
          percentiles.put(Integer.parseInt(name), field.field(name).number());
        } catch (NumberFormatException e) {
          throw field.field(name).fail("expected a percentile number as key");
        }
      }
      for (int p = 10; p <= 90; p += 10) {
        if (!percentiles.containsKey(p)) {
          throw field.field(String.valueOf(p)).fail("expected percentile " + p);
        }
      }
      percentiles = Map.copyOf(percentiles);
    } else {
      throw node.field("deciles").fail("expected deciles or percentiles");
    }
    Boolean inverse = node.has("isInverse") ? node.optionalBoolean("isInverse", false) : null;
    Double average = node.has("averagePerformanceRate") ? node.field("averagePerformanceRate").number() : null;
    return new Benchmark(node.requiredText("measureId"), node.requiredText("submissionMethod"),
        node.requiredInt("benchmarkYear"), node.requiredInt("performanceYear"),
        node.optionalBoolean("isToppedOut", false), node.optionalBoolean("isToppedOutByProgram", false), inverse,
        deciles, percentiles, average);
  }
}

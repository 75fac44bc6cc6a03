package gov.qpp.scoring;

import gov.qpp.validators.catalog.Benchmark;
import java.util.List;
import java.util.Map;

/**
 * A cost measure's achievement points from its benchmark (MIPS-RULES.md §3.5): the quality decile scale of
 * {@link AchievementPoints}, always inverse (a lower cost earns more), with the bounds read the way the catalog
 * writes cost benchmarks:
 * <ul>
 *   <li>2018–2022 {@code deciles}: ten descending costs, the first where decile 1 starts (the highest cost), then
 *   the lower bounds of deciles 2..10;</li>
 *   <li>2023+ {@code percentiles}: ascending costs, so decile k is a cost at or below percentile (11 − k) × 10 —
 *   decile 10 at or below percentile 10 — and decile 1 counts from percentile 99. From 2024 the catalog's values
 *   are set from the median and standard deviation so that the median, the middle of decile 7's range, scores 7.5
 *   (the benchmark schema: "used in the same way for scoring").</li>
 * </ul>
 * 2017's arrays (nine bounds then a 0) are not read: cost weighs 0 that year.
 */
final class CostPoints {

  private CostPoints() {
  }

  static AchievementPoints.Result score(Benchmark benchmark, double cost) {
    return AchievementPoints.score(bounds(benchmark), decileOneStart(benchmark), cost, true);
  }

  /** Lower bounds of deciles 2..10, descending costs. */
  static double[] bounds(Benchmark benchmark) {
    if (!benchmark.isPercentileBased()) {
      return benchmark.decileLowerBounds(); // the last nine of the ten values
    }
    Map<Integer, Double> percentiles = benchmark.percentiles();
    double[] bounds = new double[9];
    for (int k = 2; k <= 10; k++) {
      bounds[k - 2] = percentiles.get((11 - k) * 10);
    }
    return bounds;
  }

  /**
   * Where decile 1's fraction starts: the first of ten deciles, or percentile 99; without either, the decile-2
   * bound (decile 1 then scores 1 flat). Open rule question, see docs/scoring.md.
   */
  static double decileOneStart(Benchmark benchmark) {
    List<Double> deciles = benchmark.deciles();
    if (deciles != null) {
      return deciles.get(0); // of nine values that is decile 2's bound: decile 1 then scores 1 flat
    }
    return benchmark.percentiles().getOrDefault(99, benchmark.percentiles().get(90));
  }
}

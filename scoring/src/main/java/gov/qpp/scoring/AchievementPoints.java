package gov.qpp.scoring;

import gov.qpp.validators.catalog.Benchmark;

/**
 * Measure achievement points from a benchmark (MIPS-RULES.md §3.2): the decile the rate falls in plus the
 * fraction of the way to the next decile's lower bound; decile 10 scores 10. Inverse measures (lower is better)
 * mirror it. Verified against the QPP docs' examples: 047 in 2022 → 5.3676, 110 in 2018 → 8.9585.
 */
public final class AchievementPoints {

  /** Decile and points before floors and caps. */
  public record Result(int decile, double points, double lowerBound, Double nextBound) {
  }

  private AchievementPoints() {
  }

  public static Result score(Benchmark benchmark, double rate, boolean inverse) {
    double[] bounds = benchmark.decileLowerBounds();
    if (inverse && benchmark.isPercentileBased() && bounds[0] < bounds[8]) {
      // 2023+ inverse benchmarks mostly list the rate distribution ascending (p10 the best tenth): decile 10 is
      // then a rate at or below p10, decile 2 at or below p90, and decile 1 counts from p99
      double[] descending = new double[9];
      for (int i = 0; i < 9; i++) {
        descending[i] = bounds[8 - i];
      }
      Double p99 = benchmark.percentiles().get(99);
      return score(descending, p99 == null ? 100.0 : p99, rate, true);
    }
    return score(bounds, decileOneStart(benchmark, inverse), rate, inverse);
  }

  /**
   * The same scale from explicit bounds, for benchmarks whose arrays read differently (cost measures).
   *
   * @param bounds bounds[k - 2] is decile k's lower bound, k = 2..10, descending when inverse
   * @param decileOneStart where decile 1's fraction starts counting (its points are 1 at and beyond it)
   */
  public static Result score(double[] bounds, double decileOneStart, double rate, boolean inverse) {
    if (bounds.length != 9) {
      throw new IllegalArgumentException("expected the 9 lower bounds of deciles 2..10, got " + bounds.length);
    }
    int decile = 1;
    for (int k = 10; k >= 2; k--) {
      double bound = bounds[k - 2];
      if (inverse ? rate <= bound : rate >= bound) {
        decile = k;
        break;
      }
    }
    if (decile == 10) {
      return new Result(10, 10.0, bounds[8], null);
    }
    double lower = decile == 1 ? decileOneStart : bounds[decile - 2];
    double next = bounds[decile - 1];
    double span = inverse ? lower - next : next - lower;
    double progress = inverse ? lower - rate : rate - lower;
    double partial = span <= 0 ? 0 : Math.max(0, Math.min(progress / span, 0.9999));
    return new Result(decile, decile + partial, lower, next);
  }

  /**
   * Where decile 1 starts: percentile 1 when the benchmark publishes it (2023+), otherwise the end of the rate
   * scale (0, or 100 for inverse measures). Open rule question, see docs/scoring.md.
   */
  private static double decileOneStart(Benchmark benchmark, boolean inverse) {
    if (benchmark.percentiles() != null && benchmark.percentiles().containsKey(1)) {
      return benchmark.percentiles().get(1);
    }
    return inverse ? 100.0 : 0.0;
  }
}

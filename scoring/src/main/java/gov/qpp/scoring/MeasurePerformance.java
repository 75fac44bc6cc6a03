package gov.qpp.scoring;

import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.MeasureValue;
import java.util.List;

/**
 * The numbers a quality measure is scored on: performance rate (percent, rounded to two decimals as QPP reports
 * it), case count and data completeness; multi-rate measures combine their strata by the catalog's
 * overallAlgorithm (MIPS-RULES.md §2.4).
 */
record MeasurePerformance(Double performanceRate, long caseCount, Double reportingRate, String note) {

  static final String OVERALL = "overall";

  static MeasurePerformance of(QualityMeasure measure, MeasureValue value) {
    if (value instanceof MeasureValue.SinglePerformanceRate single) {
      MeasureValue.Rate rate = single.rate();
      boolean registry = measure.metricType().startsWith("registry");
      long cases = rate.eligiblePopulation() - (registry ? orZero(rate.eligiblePopulationExclusion()) : 0);
      Double performance = registry ? single.performanceRate() : rate.performanceRate();
      return new MeasurePerformance(round2(performance), cases, rate.reportingRate(), null);
    }
    if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      return multi(measure, multi);
    }
    return new MeasurePerformance(null, 0, null,
        "metric type " + measure.metricType() + " has no performance rate to score against a benchmark");
  }

  private static MeasurePerformance multi(QualityMeasure measure, MeasureValue.MultiPerformanceRate multi) {
    String algorithm = measure.overallAlgorithm() == null ? "weightedAverage" : measure.overallAlgorithm();
    List<MeasureValue.Rate> strata = multi.strata();
    List<MeasureValue.Rate> scored = strata.stream().filter(r -> !OVERALL.equalsIgnoreCase(r.stratum())).toList();
    Double reporting = reporting(strata);
    if (measure.metricType().startsWith("registry")) {
      long cases = strata.stream().mapToLong(MeasureValue.Rate::eligiblePopulation).max().orElse(0);
      return new MeasurePerformance(round2(multi.performanceRate()), cases, reporting, null);
    }
    switch (algorithm) {
      case "simpleAverage" -> {
        double sum = 0;
        int count = 0;
        for (MeasureValue.Rate rate : scored) {
          if (rate.performanceRate() != null) {
            sum += rate.performanceRate();
            count++;
          }
        }
        long cases = scored.stream().mapToLong(MeasureValue.Rate::eligiblePopulation).max().orElse(0);
        return new MeasurePerformance(count == 0 ? null : round2(sum / count), cases, reporting, null);
      }
      case "overallStratumOnly" -> {
        MeasureValue.Rate overall = strata.stream().filter(r -> OVERALL.equalsIgnoreCase(r.stratum()))
            .findFirst().orElse(null);
        if (overall == null) {
          return new MeasurePerformance(null, 0, reporting, "overallStratumOnly needs an 'overall' stratum");
        }
        return new MeasurePerformance(round2(overall.performanceRate()), overall.eligiblePopulation(),
            overall.reportingRate(), null);
      }
      default -> {
        long met = 0;
        long denominator = 0;
        long cases = 0;
        for (MeasureValue.Rate rate : scored) {
          met += rate.performanceMet();
          denominator += rate.performanceMet() + orZero(rate.performanceNotMet());
          cases += rate.eligiblePopulation();
        }
        String note = algorithm.equals("weightedAverage") ? null
            : "overallAlgorithm " + algorithm + " is scored as a weighted average for now";
        return new MeasurePerformance(denominator == 0 ? null : round2(100.0 * met / denominator), cases, reporting,
            note);
      }
    }
  }

  /** Data completeness over all strata: everything reported against everything eligible. */
  private static Double reporting(List<MeasureValue.Rate> strata) {
    long reported = 0;
    long eligible = 0;
    for (MeasureValue.Rate rate : strata) {
      if (OVERALL.equalsIgnoreCase(rate.stratum()) && strata.size() > 1) {
        continue;
      }
      Double stratumRate = rate.reportingRate();
      if (stratumRate != null) {
        reported += Math.round(stratumRate * rate.eligiblePopulation() / 100.0);
      }
      eligible += rate.eligiblePopulation();
    }
    return eligible == 0 ? null : 100.0 * reported / eligible;
  }

  static Double round2(Double value) {
    return value == null ? null : Math.round(value * 100.0) / 100.0;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}

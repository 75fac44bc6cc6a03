package gov.qpp.validators.model;

import java.util.List;

/** The value of one measurement, one record per metric type of the QPP Submissions API. */
public sealed interface MeasureValue {

  /** The metricType names (in the catalog's spelling) that this value shape can report. */
  List<String> metricTypes();

  /** IA activities and PI attestations. */
  record BooleanValue(boolean value) implements MeasureValue {
    public List<String> metricTypes() {
      return List.of("boolean");
    }
  }

  /** PI measures: numerator over denominator. */
  record Proportion(long numerator, long denominator) implements MeasureValue {
    public List<String> metricTypes() {
      return List.of("proportion");
    }
  }

  /** Quality measures (mostly QCDR) whose value is not a rate; no numerator ≤ denominator rule. */
  record NonProportion(double numerator, double denominator, boolean endToEndReported,
      Double numeratorExclusion, Double denominatorException, Long observationInstances) implements MeasureValue {
    public List<String> metricTypes() {
      return List.of("nonProportion");
    }
  }

  /** The population counts of one rate; optional counts are null when not reported. */
  record Rate(String stratum, long performanceMet, Long performanceNotMet, long eligiblePopulation,
      Long eligiblePopulationExclusion, Long eligiblePopulationException, Long numeratorExclusion) {

    /**
     * From an eCQM's population counts, as QRDA III and FHIR report them: eligiblePopulation = denominator,
     * performanceMet = numerator, performanceNotMet = the rest of the denominator after exclusions and exceptions
     * (negative when they do not fit, which the common counts rule refuses).
     */
    public static Rate ofPopulations(String stratum, long denominator, long numerator, Long exclusion,
        Long exception) {
      long notMet = denominator - numerator - orZero(exclusion) - orZero(exception);
      return new Rate(stratum, numerator, notMet, denominator, exclusion, exception, null);
    }

    /** Performance rate in percent: met / (met + notMet), null when nothing was met or not met. */
    public Double performanceRate() {
      long notMet = performanceNotMet == null ? 0 : performanceNotMet;
      long denominator = performanceMet + notMet;
      return denominator == 0 ? null : 100.0 * performanceMet / denominator;
    }

    /** Data completeness in percent: (met + notMet + exclusions + exceptions) / eligible population. */
    public Double reportingRate() {
      if (eligiblePopulation == 0) {
        return null;
      }
      long reported = performanceMet + orZero(performanceNotMet) + orZero(eligiblePopulationExclusion)
          + orZero(eligiblePopulationException);
      return 100.0 * reported / eligiblePopulation;
    }

    private static long orZero(Long value) {
      return value == null ? 0 : value;
    }
  }

  /** MIPS CQM and eCQM measures with one rate; performanceRate is set only for QCDR (registry) measures. */
  record SinglePerformanceRate(boolean endToEndReported, Rate rate, Double performanceRate) implements MeasureValue {
    public List<String> metricTypes() {
      return List.of("singlePerformanceRate", "registrySinglePerformanceRate");
    }
  }

  /** Measures with several strata; performanceRate is set only for QCDR (registry) measures. */
  record MultiPerformanceRate(boolean endToEndReported, List<Rate> strata, Double performanceRate)
      implements MeasureValue {
    public MultiPerformanceRate {
      strata = List.copyOf(strata);
    }

    public List<String> metricTypes() {
      return List.of("multiPerformanceRate", "registryMultiPerformanceRate");
    }
  }
}

package gov.qpp.validators.rules;

import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;

/**
 * Counts agree with each other: numerator ≤ denominator for proportions (§2.5 rule 2); performanceMet ≤
 * eligiblePopulation for rates (rule 3); performanceNotMet is not negative (derived formats compute it); and, as a
 * warning, the reported populations fit in the eligible one.
 */
final class CountsRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    MeasureValue value = check.measurement().value();
    if (value instanceof MeasureValue.Proportion proportion && proportion.numerator() > proportion.denominator()) {
      check.report(ProblemCode.NUMERATOR_EXCEEDS_DENOMINATOR, "value.numerator", "numerator "
          + proportion.numerator() + " is greater than denominator " + proportion.denominator());
    } else if (value instanceof MeasureValue.SinglePerformanceRate single) {
      checkRate(check, single.rate(), "value");
    } else if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      for (int i = 0; i < multi.strata().size(); i++) {
        checkRate(check, multi.strata().get(i), "value.strata[" + i + "]");
      }
    }
  }

  private static void checkRate(MeasurementCheck check, MeasureValue.Rate rate, String at) {
    String stratum = rate.stratum() == null ? "" : " (stratum " + rate.stratum() + ")";
    if (rate.performanceMet() > rate.eligiblePopulation()) {
      check.report(ProblemCode.PERFORMANCE_MET_EXCEEDS_ELIGIBLE_POPULATION, at + ".performanceMet", "performanceMet "
          + rate.performanceMet() + " is greater than eligiblePopulation " + rate.eligiblePopulation() + stratum);
      return;
    }
    if (rate.performanceNotMet() != null && rate.performanceNotMet() < 0) {
      // QRDA III and FHIR derive it (denominator - numerator - exclusions - exceptions); registry JSON states it
      check.report(ProblemCode.NEGATIVE_COUNT, at + ".performanceNotMet", "performanceNotMet would be "
          + rate.performanceNotMet() + ": performanceMet + exclusions + exceptions (" + (rate.performanceMet()
          + orZero(rate.eligiblePopulationExclusion()) + orZero(rate.eligiblePopulationException()))
          + ") exceed eligiblePopulation " + rate.eligiblePopulation() + stratum);
      return;
    }
    long reported = rate.performanceMet() + orZero(rate.performanceNotMet())
        + orZero(rate.eligiblePopulationExclusion()) + orZero(rate.eligiblePopulationException());
    if (reported > rate.eligiblePopulation()) {
      check.report(ProblemCode.POPULATION_SUM_EXCEEDS_ELIGIBLE_POPULATION, at, "performanceMet + performanceNotMet"
          + " + exclusions + exceptions = " + reported + " is greater than eligiblePopulation "
          + rate.eligiblePopulation() + stratum);
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}

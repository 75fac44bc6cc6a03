package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;

/** A MIPS CQM sent by registry reports eligiblePopulationExclusion as 0 or null (change-log 8/15/20). */
final class CqmExclusionRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    if (!(check.measure() instanceof QualityMeasure measure) || measure.registryMeasure()
        || check.set().category() != Category.QUALITY || !"registry".equals(check.set().submissionMethod())) {
      return;
    }
    MeasureValue value = check.measurement().value();
    if (value instanceof MeasureValue.SinglePerformanceRate single) {
      checkRate(check, single.rate(), "value.eligiblePopulationExclusion");
    } else if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      for (int i = 0; i < multi.strata().size(); i++) {
        checkRate(check, multi.strata().get(i), "value.strata[" + i + "].eligiblePopulationExclusion");
      }
    }
  }

  private static void checkRate(MeasurementCheck check, MeasureValue.Rate rate, String field) {
    Long exclusion = rate.eligiblePopulationExclusion();
    if (exclusion != null && exclusion != 0) {
      check.report(ProblemCode.CQM_EXCLUSION_NOT_ALLOWED, field, "eligiblePopulationExclusion is " + exclusion
          + "; MIPS CQMs count exclusions as performanceNotMet or leave them out, so it must be 0 or null");
    }
  }
}

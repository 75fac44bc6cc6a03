package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.Mvp;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.problems.ProblemCode;

/** The catalog allows the set's submission method and program for the quality measure. */
final class MeasureAllowedRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    if (!(check.measure() instanceof QualityMeasure measure)) {
      return;
    }
    String method = check.set().submissionMethod();
    if (!measure.submissionMethods().isEmpty() && !measure.submissionMethods().contains(method)) {
      check.report(ProblemCode.MEASURE_SUBMISSION_METHOD_NOT_ALLOWED, "measureId", "submission method '" + method
          + "' is not allowed for this measure in " + check.context().catalog().year() + "; the catalog allows "
          + measure.submissionMethods());
    }
    String program = check.set().programName();
    if (!measure.allowedPrograms().isEmpty() && !measure.allowedPrograms().contains(program)) {
      boolean inMvp = check.context().catalog().mvp(program).map(mvp -> listsMeasure(mvp, measure)).orElse(false);
      if (!inMvp) {
        check.report(ProblemCode.MEASURE_PROGRAM_NOT_ALLOWED, "measureId", "program '" + program
            + "' is not allowed for this measure; the catalog allows " + measure.allowedPrograms());
      }
    }
  }

  private static boolean listsMeasure(Mvp mvp, QualityMeasure measure) {
    return mvp.qualityMeasureIds().contains(measure.measureId())
        || mvp.foundationQualityMeasureIds().contains(measure.measureId());
  }
}

package gov.qpp.validators.rules;

import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.ProblemCode;
import java.time.LocalDate;

/** A measurement set's performance period is a real range inside its performance year. */
final class PeriodRule implements SubmissionRule {
  @Override
  public void check(RuleContext context) {
    int year = context.submission().performanceYear();
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      MeasurementSet set = sets.get(i);
      LocalDate start = set.performanceStart();
      LocalDate end = set.performanceEnd();
      if (start != null && end != null && start.isAfter(end)) {
        context.report(ProblemCode.PERIOD_INVALID, context.locator().set(i, "performanceStart"),
            "performanceStart " + start + " is after performanceEnd " + end);
      }
      checkInYear(context, i, "performanceStart", start, year);
      checkInYear(context, i, "performanceEnd", end, year);
    }
  }

  private static void checkInYear(RuleContext context, int setIndex, String field, LocalDate date, int year) {
    if (date != null && date.getYear() != year) {
      context.report(ProblemCode.PERIOD_OUTSIDE_YEAR, context.locator().set(setIndex, field),
          field + " " + date + " is outside performance year " + year);
    }
  }
}

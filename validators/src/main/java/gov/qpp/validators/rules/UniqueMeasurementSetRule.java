package gov.qpp.validators.rules;

import gov.qpp.validators.problems.ProblemCode;
import java.util.HashMap;
import java.util.Map;

/** A submission has at most one measurement set per (category, submissionMethod, programName). */
final class UniqueMeasurementSetRule implements SubmissionRule {
  @Override
  public void check(RuleContext context) {
    Map<String, Integer> seen = new HashMap<>();
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      Integer first = seen.putIfAbsent(sets.get(i).uniqueKey(), i);
      if (first != null) {
        context.report(ProblemCode.DUPLICATE_MEASUREMENT_SET, context.locator().set(i, null),
            "a measurement set for " + sets.get(i).uniqueKey() + " (category/submissionMethod/programName) already"
                + " appears at " + context.locator().set(first, null) + "; send one set per combination");
      }
    }
  }
}

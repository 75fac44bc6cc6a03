package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.ProblemCode;
import java.util.HashMap;
import java.util.Map;

/**
 * In a PI set an exclusion cannot be claimed together with the measure it excludes (8/15/20), and a substitute
 * measure cannot be reported together with the measure it replaces (8/15/21). MIPS-RULES.md §2.5 rule 7.
 */
final class PiExclusionRule implements SubmissionRule {
  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int s = 0; s < sets.size(); s++) {
      MeasurementSet set = sets.get(s);
      if (!set.category().isInteroperability()) {
        continue;
      }
      Map<String, Integer> positions = new HashMap<>();
      for (int m = 0; m < set.measurements().size(); m++) {
        positions.putIfAbsent(set.measurements().get(m).measureId(), m);
      }
      for (int m = 0; m < set.measurements().size(); m++) {
        Measurement base = set.measurements().get(m);
        if (!(context.catalog().measure(base.measureId()).orElse(null) instanceof PiMeasure measure)) {
          continue;
        }
        for (String exclusion : measure.exclusions()) {
          Integer at = positions.get(exclusion);
          if (at != null) {
            context.report(ProblemCode.PI_EXCLUSION_WITH_BASE_MEASURE, context.locator().measurement(s, at, "measureId"),
                "exclusion " + exclusion + " is claimed while its measure " + base.measureId() + " is reported at "
                    + context.locator().measurement(s, m, null) + "; report the measure or claim the exclusion, not both");
          }
        }
        for (String substitute : measure.substitutes()) {
          Integer at = positions.get(substitute);
          if (at != null) {
            context.report(ProblemCode.PI_SUBSTITUTE_WITH_ORIGINAL, context.locator().measurement(s, at, "measureId"),
                "substitute " + substitute + " is reported together with " + base.measureId() + ", the measure it"
                    + " replaces; report one of them");
          }
        }
      }
    }
  }
}

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

  /** The Submissions API refuses exclusion-with-measure from its 8/15/20 release, i.e. performance year 2020. */
  static final int EXCLUSION_RULE_FROM = 2020;
  /**
   * Substitutes-with-original from 8/15/21 (2021); before that, 2018 let clinicians combine the PI and the 2018
   * transition measures, which the catalog lists as substitutes of each other.
   */
  static final int SUBSTITUTE_RULE_FROM = 2021;

  @Override
  public void check(RuleContext context) {
    int year = context.submission().performanceYear();
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
        for (String exclusion : year >= EXCLUSION_RULE_FROM ? measure.exclusions() : java.util.List.<String>of()) {
          Integer at = positions.get(exclusion);
          if (at != null) {
            context.report(ProblemCode.PI_EXCLUSION_WITH_BASE_MEASURE, context.locator().measurement(s, at, "measureId"),
                "exclusion " + exclusion + " is claimed while its measure " + base.measureId() + " is reported at "
                    + context.locator().measurement(s, m, null) + "; report the measure or claim the exclusion, not both");
          }
        }
        for (String substitute : year >= SUBSTITUTE_RULE_FROM ? measure.substitutes() : java.util.List.<String>of()) {
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

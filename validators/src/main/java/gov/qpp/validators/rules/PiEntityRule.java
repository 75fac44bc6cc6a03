package gov.qpp.validators.rules;

import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.problems.ProblemCode;

/**
 * Promoting Interoperability is reported by individuals and groups, not by an APM entity under traditional MIPS
 * (§2.5 rule 7). Under the APM Performance Pathway (app1, appPlus) CMS's own APM entity samples report PI, and
 * CMS's conversion tool accepts them, so those sets are allowed.
 */
final class PiEntityRule implements SubmissionRule {

  private static final java.util.Set<String> APP_PROGRAMS = java.util.Set.of("app1", "appPlus");

  @Override
  public void check(RuleContext context) {
    if (context.submission().entityType() != EntityType.APM_ENTITY) {
      return;
    }
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      if (sets.get(i).category().isInteroperability() && !APP_PROGRAMS.contains(sets.get(i).programName())) {
        context.report(ProblemCode.PI_ENTITY_NOT_ALLOWED, context.locator().set(i, "category"),
            "Promoting Interoperability is reported by the individuals or groups of an APM entity, not by the"
                + " APM entity itself");
      }
    }
  }
}

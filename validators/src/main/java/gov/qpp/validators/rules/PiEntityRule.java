package gov.qpp.validators.rules;

import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.problems.ProblemCode;

/** Promoting Interoperability is reported by individuals and groups, never by an APM entity (§2.5 rule 7). */
final class PiEntityRule implements SubmissionRule {
  @Override
  public void check(RuleContext context) {
    if (context.submission().entityType() != EntityType.APM_ENTITY) {
      return;
    }
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      if (sets.get(i).category().isInteroperability()) {
        context.report(ProblemCode.PI_ENTITY_NOT_ALLOWED, context.locator().set(i, "category"),
            "Promoting Interoperability is reported by the individuals or groups of an APM entity, not by the"
                + " APM entity itself");
      }
    }
  }
}

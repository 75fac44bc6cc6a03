package gov.qpp.validators.rules;

import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.ProblemCode;
import java.util.List;
import java.util.Set;

/**
 * programName is a known program or one of the year's MVP ids, and the APM Performance Pathway takes no
 * virtual groups (MIPS-RULES.md §2.5 rule 9).
 */
final class ProgramRule implements SubmissionRule {

  /** A list, so the refusal names them in the same order every time (a Set.of's order changes per JVM run). */
  static final List<String> PROGRAMS = List.of("mips", "app1", "appPlus", "pcf", "cpcPlus", "ssp");
  private static final Set<String> APP_PROGRAMS = Set.of("app1", "appPlus");

  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      MeasurementSet set = sets.get(i);
      String program = set.programName();
      if (!PROGRAMS.contains(program) && context.catalog().mvp(program).isEmpty()) {
        context.report(ProblemCode.PROGRAM_UNKNOWN, context.locator().set(i, "programName"), "programName '"
            + program + "' is not one of " + PROGRAMS + " nor an MVP id of " + context.catalog().year());
      }
      if (APP_PROGRAMS.contains(program) && context.submission().entityType() == EntityType.VIRTUAL_GROUP) {
        context.report(ProblemCode.APP_ENTITY_NOT_ALLOWED, context.locator().set(i, "programName"),
            "the APM Performance Pathway (" + program + ") does not accept virtual groups");
      }
    }
  }
}

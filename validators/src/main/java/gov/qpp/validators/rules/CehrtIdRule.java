package gov.qpp.validators.rules;

import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.ProblemCode;
import java.util.regex.Pattern;

/**
 * PI sets (and eCQM quality sets from 2025) need a CEHRT id: 15 characters, {@code YYYYC} or {@code XX15C}
 * followed by ten letters or digits (MIPS-RULES.md §2.3).
 */
final class CehrtIdRule implements SubmissionRule {

  static final Pattern CEHRT_ID = Pattern.compile("([0-9]{4}|[A-Za-z0-9]{2}15)C[A-Za-z0-9]{10}");
  static final int ECQM_CEHRT_REQUIRED_FROM = 2025;

  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      MeasurementSet set = sets.get(i);
      String id = set.cehrtId();
      String location = context.locator().set(i, "cehrtId");
      if (id == null) {
        if (requiresCehrtId(set, context.submission().performanceYear())) {
          context.report(ProblemCode.CEHRT_ID_MISSING, location, "a " + set.category().apiName() + " set sent by "
              + set.submissionMethod() + " needs a cehrtId (the CMS EHR certification id of the software used)");
        }
      } else if (!CEHRT_ID.matcher(id).matches()) {
        context.report(ProblemCode.CEHRT_ID_FORMAT, location, "cehrtId '" + id + "' must be 15 characters:"
            + " 4 digits or 2 characters and '15', then 'C', then 10 letters or digits (e.g. 0015C01ABCDEFGH)");
      }
    }
  }

  private static boolean requiresCehrtId(MeasurementSet set, int year) {
    return set.category().isInteroperability()
        || set.category() == Category.QUALITY && "electronicHealthRecord".equals(set.submissionMethod())
        && year >= ECQM_CEHRT_REQUIRED_FROM;
  }
}

package gov.qpp.validators.rules;

import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import java.util.regex.Pattern;

/**
 * PI sets (from 2019, when ACI became PI) and eCQM quality sets (from 2025) need a CEHRT id: 15 letters or
 * digits whose third and fourth characters name the edition (14, 15) or whose first four are a year, as
 * {@code 0015C01ABCDEFGH} (2015 edition), {@code 0015E...} (2015 Cures Update) or {@code 2025C...}
 * (MIPS-RULES.md §2.3; CMS's own samples use all three).
 */
final class CehrtIdRule implements SubmissionRule {

  static final Pattern CEHRT_ID = Pattern.compile("([0-9]{4}|[A-Za-z0-9]{2}1[45])[A-Za-z0-9]{11}");
  static final int PI_CEHRT_REQUIRED_FROM = 2019;
  static final int ECQM_CEHRT_REQUIRED_FROM = 2025;

  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      MeasurementSet set = sets.get(i);
      String id = set.cehrtId();
      Location location = context.locator().set(i, "cehrtId");
      if (id == null) {
        if (requiresCehrtId(set, context.submission().performanceYear())) {
          context.report(ProblemCode.CEHRT_ID_MISSING, location, "a " + set.category().apiName() + " set sent by "
              + set.submissionMethod() + " needs a cehrtId (the CMS EHR certification id of the software used)");
        }
      } else if (!CEHRT_ID.matcher(id).matches()) {
        context.report(ProblemCode.CEHRT_ID_FORMAT, location, "cehrtId '" + id + "' must be 15 characters:"
            + " letters or digits, the 3rd and 4th the CEHRT edition (14 or 15) or the first four a year,"
            + " e.g. 0015C01ABCDEFGH");
      }
    }
  }

  private static boolean requiresCehrtId(MeasurementSet set, int year) {
    return set.category().isInteroperability() && year >= PI_CEHRT_REQUIRED_FROM
        || set.category() == Category.QUALITY && "electronicHealthRecord".equals(set.submissionMethod())
        && year >= ECQM_CEHRT_REQUIRED_FROM;
  }
}

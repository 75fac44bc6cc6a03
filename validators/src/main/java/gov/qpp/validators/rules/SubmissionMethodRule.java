package gov.qpp.validators.rules;

import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.ProblemCode;
import java.util.List;
import java.util.Map;

/** The submission methods the Submissions API allows per category (MIPS-RULES.md §2.3). */
final class SubmissionMethodRule implements SubmissionRule {

  static final Map<Category, List<String>> ALLOWED = Map.of(
      Category.QUALITY, List.of("registry", "electronicHealthRecord", "claims", "cmsWebInterface",
          "certifiedSurveyVendor", "administrativeClaims"),
      Category.IA, List.of("registry", "electronicHealthRecord", "cmsWebInterface"),
      Category.PI, List.of("registry", "electronicHealthRecord"),
      Category.ACI, List.of("registry", "electronicHealthRecord"));

  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int i = 0; i < sets.size(); i++) {
      MeasurementSet set = sets.get(i);
      List<String> allowed = ALLOWED.get(set.category());
      if (!allowed.contains(set.submissionMethod())) {
        context.report(ProblemCode.SUBMISSION_METHOD_NOT_ALLOWED_FOR_CATEGORY,
            context.locator().set(i, "submissionMethod"), "submissionMethod '" + set.submissionMethod()
                + "' cannot be used for category " + set.category().apiName() + "; allowed: " + allowed);
      }
    }
  }
}

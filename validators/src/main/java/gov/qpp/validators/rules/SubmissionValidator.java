package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problems;
import java.util.List;

/**
 * The format-independent rules: what every submission must satisfy against its year's measure catalog, whatever
 * format it arrived in. Each rule is one small class; this list is the whole rule set.
 */
public final class SubmissionValidator {

  private static final List<SubmissionRule> RULES = List.of(
      new PeriodRule(),
      new UniqueMeasurementSetRule(),
      new SubmissionMethodRule(),
      new ProgramRule(),
      new CehrtIdRule(),
      new PiEntityRule(),
      new PiExclusionRule(),
      new MeasuresRule(List.of(
          new MeasureAllowedRule(),
          new ValueTypeRule(),
          new CountsRule(),
          new CqmExclusionRule(),
          new PerformanceRateRule(),
          new StrataRule())));

  private SubmissionValidator() {
  }

  public static void validate(Submission submission, CatalogYear catalog, Locator locator, Problems problems) {
    RuleContext context = new RuleContext(submission, catalog, locator, problems);
    RULES.forEach(rule -> rule.check(context));
  }
}

package gov.qpp.validators.rules;

/** One rule over a whole submission (sets, periods, entity constraints). */
public interface SubmissionRule {
  void check(RuleContext context);
}

package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;

/** What a rule sees: the submission, its year's catalog, where things are, and where problems go. */
public record RuleContext(Submission submission, CatalogYear catalog, Locator locator, Problems problems) {

  public void report(ProblemCode code, Location location, String message) {
    problems.add(code, location, message);
  }
}

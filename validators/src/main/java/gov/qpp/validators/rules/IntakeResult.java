package gov.qpp.validators.rules;

import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import java.util.List;

/**
 * What a format adapter produces: the normalised submission (null when the document could not be read that
 * far) and every problem found. Accepted means a submission and no error.
 */
public record IntakeResult(Submission submission, List<Problem> problems) {

  public IntakeResult {
    problems = List.copyOf(problems);
  }

  public boolean accepted() {
    return submission != null && problems.stream().noneMatch(Problem::isError);
  }

  public List<Problem> warnings() {
    return problems.stream().filter(problem -> !problem.isError()).toList();
  }
}

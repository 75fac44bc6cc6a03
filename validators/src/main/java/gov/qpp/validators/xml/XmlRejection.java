package gov.qpp.validators.xml;

import gov.qpp.validators.problems.Problem;

/**
 * The input was refused before or while reading it as XML; {@link #problem()} says why. Carries no stack trace: it
 * reports bad input, not a bug, and is cheap to throw for every hostile request.
 */
public final class XmlRejection extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public XmlRejection(Problem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

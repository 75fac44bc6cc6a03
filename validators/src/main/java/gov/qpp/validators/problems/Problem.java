package gov.qpp.validators.problems;

import java.util.Objects;

/**
 * One thing wrong with a document: a stable code, how bad it is, a message a person can act on and where
 * in the document it is (a JSON path such as {@code $.measurementSets[0].measurements[2].value}).
 */
public record Problem(ProblemCode code, Severity severity, String message, String location) {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  public static Problem of(ProblemCode code, String location, String message) {
    return new Problem(code, code.severity(), message, location);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}

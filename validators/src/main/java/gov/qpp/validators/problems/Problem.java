package gov.qpp.validators.problems;

import java.util.Objects;

/**
 * One thing wrong with a document: a stable code, how bad it is, a message a person can act on and where
 * in the document it is (a JSON path such as {@code $.measurementSets[0].measurements[2].value}, an XPath with its
 * line and column, a line of a claims file): see {@link Location}.
 */
public record Problem(ProblemCode code, Severity severity, String message, Location location) {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  public static Problem of(ProblemCode code, Location location, String message) {
    return new Problem(code, code.severity(), message, location);
  }

  /** At a path alone (a JSON path, a FHIRPath, a header name). */
  public static Problem of(ProblemCode code, String path, String message) {
    return of(code, Location.of(path), message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}

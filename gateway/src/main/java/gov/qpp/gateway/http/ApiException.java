package gov.qpp.gateway.http;

import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.util.List;

/**
 * A request the gateway refuses, with its HTTP status and the problems that say why. Handlers fail the
 * routing context with it; {@link FailureHandler} turns it into the one error shape.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String type;
  private final List<Problem> problems;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String type, String message, List<Problem> problems, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.problems = List.copyOf(problems);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException of(int status, String type, ProblemCode code, String location, String message) {
    return new ApiException(status, type, message, List.of(Problem.of(code, location, message)), null);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public List<Problem> problems() {
    return problems;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

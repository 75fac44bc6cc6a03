package gov.qpp.gateway.service;

import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.util.List;

/**
 * A request the gateway refuses, with the QPP API's status and type for it and the problems that say why. Anything
 * below HTTP fails its future with one; the one failure handler turns it into the answer's dialect (QPP error body or
 * FHIR OperationOutcome) and logs it without a stack trace.
 */
public final class Refusal extends RuntimeException {

  /** Seconds a client is asked to wait after a 503 before trying again. */
  public static final int RETRY_AFTER_SECONDS = 2;

  private final int status;
  private final String type;
  private final List<Problem> problems;
  private final Integer retryAfterSeconds;

  public Refusal(int status, String type, String message, List<Problem> problems, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.problems = List.copyOf(problems);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** One problem, at one place. */
  public static Refusal of(int status, String type, ProblemCode code, String location, String message) {
    return new Refusal(status, type, message, List.of(Problem.of(code, location, message)), null);
  }

  public static Refusal badRequest(String parameter, String message) {
    return of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, parameter, message);
  }

  /** Unknown and malformed ids answer alike, so ids cannot be probed for existence by their shape. */
  public static Refusal notFound(String location, String message) {
    return of(404, "NotFound", ProblemCode.NOT_FOUND, location, message);
  }

  /** The one overload answer: 503 with Retry-After, saying what is full. */
  public static Refusal busy(String what) {
    return new Refusal(503, "ServiceUnavailable", "the gateway is at capacity; retry shortly",
        List.of(Problem.of(ProblemCode.GATEWAY_BUSY, "$", what + "; retry after " + RETRY_AFTER_SECONDS + " s")),
        RETRY_AFTER_SECONDS);
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

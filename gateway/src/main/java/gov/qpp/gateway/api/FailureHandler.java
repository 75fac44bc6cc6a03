package gov.qpp.gateway.api;

import gov.qpp.gateway.service.Refusal;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failed request becomes a response. Refusals ({@link Refusal}, and the 413 of the body
 * handler) answer in the QPP error shape (FHIR paths: an OperationOutcome) and are logged without stack traces; anything else is a gateway bug,
 * logged with its stack under a reference the client also gets.
 */
final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final int maxBodyBytes;

  public FailureHandler(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    answer(ctx, asRefusal(ctx));
  }

  /** Answers a refusal, or (when null) the unexpected failure of the context. */
  void answer(RoutingContext ctx, Refusal refusal) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (refusal != null) {
      LOG.atInfo().addKeyValue("status", refusal.status()).addKeyValue("type", refusal.type())
          .addKeyValue("path", ctx.normalizedPath()).addKeyValue("problems", refusal.problems().size())
          .log("request refused");
      if (refusal.retryAfterSeconds() != null) {
        ctx.response().putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
      }
      if (refusal.status() == 401) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"qpp-gateway\"");
      }
      if (isFhir(ctx)) {
        FhirAnswers.send(ctx, refusal.status(), FhirAnswers.outcome(refusal.problems().isEmpty()
            ? java.util.List.of(Problem.of(ProblemCode.INVALID_PARAMETER, "$", refusal.getMessage()))
            : refusal.problems()));
        return;
      }
      Responses.json(ctx, refusal.status(), ErrorBody.of(refusal.type(), refusal.getMessage(), refusal.problems()));
      return;
    }
    String reference = UUID.randomUUID().toString();
    LOG.atError().addKeyValue("reference", reference).addKeyValue("path", ctx.normalizedPath())
        .setCause(ctx.failure()).log("unexpected failure");
    String message = "the gateway failed unexpectedly; reference " + reference;
    if (isFhir(ctx)) {
      OperationOutcome outcome = new OperationOutcome();
      outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.FATAL)
          .setCode(OperationOutcome.IssueType.EXCEPTION).setDiagnostics(message);
      FhirAnswers.send(ctx, 500, outcome);
      return;
    }
    Responses.json(ctx, 500, ErrorBody.of("InternalError", message, java.util.List.of()));
  }

  /** FHIR clients get every refusal as an OperationOutcome. */
  private static boolean isFhir(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    return path.equals("/fhir") || path.startsWith("/fhir/");
  }

  private Refusal asRefusal(RoutingContext ctx) {
    if (ctx.failure() instanceof Refusal refusal) {
      return refusal;
    }
    if (ctx.failure() instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
      // the database pool's wait queue is full: overload, which the client should retry, not a gateway fault
      return Refusal.busy("the database is busy");
    }
    if (ctx.statusCode() == 413) {
      return Refusal.of(413, "PayloadTooLarge", ProblemCode.DOCUMENT_TOO_LARGE, "$",
          "the body is larger than the " + maxBodyBytes + " bytes this gateway accepts (http.maxBodyBytes)");
    }
    if (ctx.failure() == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      return new Refusal(ctx.statusCode(), "BadRequest", "the request was refused", java.util.List.of(), null);
    }
    return null;
  }
}

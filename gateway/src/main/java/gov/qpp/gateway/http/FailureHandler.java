package gov.qpp.gateway.http;

import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failed request becomes a response. Refusals ({@link ApiException}, and the 413 of the body
 * handler) answer in the QPP error shape and are logged without stack traces; anything else is a gateway bug,
 * logged with its stack under a reference the client also gets.
 */
public final class FailureHandler implements Handler<RoutingContext> {

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
  void answer(RoutingContext ctx, ApiException refusal) {
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
      Responses.json(ctx, refusal.status(), ErrorBody.of(refusal.type(), refusal.getMessage(), refusal.problems()));
      return;
    }
    String reference = UUID.randomUUID().toString();
    LOG.atError().addKeyValue("reference", reference).addKeyValue("path", ctx.normalizedPath())
        .setCause(ctx.failure()).log("unexpected failure");
    Responses.json(ctx, 500, ErrorBody.of("InternalError", "the gateway failed unexpectedly; reference " + reference,
        java.util.List.of()));
  }

  private ApiException asRefusal(RoutingContext ctx) {
    if (ctx.failure() instanceof ApiException refusal) {
      return refusal;
    }
    if (ctx.failure() instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
      // the database pool's wait queue is full: overload, which the client should retry, not a gateway fault
      return IntakeLimiter.busy("the database is busy");
    }
    if (ctx.statusCode() == 413) {
      return ApiException.of(413, "PayloadTooLarge", ProblemCode.DOCUMENT_TOO_LARGE, "$",
          "the body is larger than the " + maxBodyBytes + " bytes this gateway accepts (http.maxBodyBytes)");
    }
    if (ctx.failure() == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      return new ApiException(ctx.statusCode(), "BadRequest", "the request was refused", java.util.List.of(), null);
    }
    return null;
  }
}

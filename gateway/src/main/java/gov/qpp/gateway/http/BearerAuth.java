package gov.qpp.gateway.http;

import gov.qpp.gateway.service.Refusal;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authenticates before the body is read: {@code Authorization: Bearer <token>} against the bootstrap
 * administrator token (the security issue adds scoped tokens). The principal is stored for the handlers.
 * A security-policy handler, because Vert.x Web orders those before the body handler.
 */
public final class BearerAuth implements SecurityPolicyHandler {

  public static final String PRINCIPAL = "qpp.principal";
  static final String BOOTSTRAP_PRINCIPAL = "bootstrap-admin";

  private final byte[] token;

  public BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Who sent this request (set by the handler before any body is read). */
  public static String principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(Refusal.of(401, "AuthenticationError", ProblemCode.AUTHENTICATION_REQUIRED, "Authorization",
          "send 'Authorization: Bearer <token>'"));
      return;
    }
    byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, token)) {
      ctx.fail(Refusal.of(401, "AuthenticationError", ProblemCode.AUTHENTICATION_REQUIRED, "Authorization",
          "the bearer token is not valid"));
      return;
    }
    ctx.put(PRINCIPAL, BOOTSTRAP_PRINCIPAL);
    ctx.next();
  }
}

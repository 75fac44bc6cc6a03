package gov.qpp.gateway.http;

import gov.qpp.validators.problems.ProblemCode;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.Optional;
import java.util.function.Predicate;

/** Before a body is read: a Content-Type the endpoint reads, else 415 (a policy handler, so Vert.x runs it first). */
public final class ContentTypeCheck {

  private ContentTypeCheck() {
  }

  /** @param accepted whether the endpoint reads a Content-Type; @param names the types, as the refusal lists them */
  public static SecurityPolicyHandler require(Predicate<String> accepted, String names) {
    return ctx -> {
      String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
      if (!accepted.test(contentType)) {
        ctx.fail(ApiException.of(415, "UnsupportedMediaType", ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
            "Content-Type '" + contentType + "' is not accepted here; send " + names));
        return;
      }
      ctx.next();
    };
  }
}

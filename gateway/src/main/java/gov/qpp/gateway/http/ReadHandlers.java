package gov.qpp.gateway.http;

import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code GET /api/submissions/{id}}. */
public final class ReadHandlers {

  private final SubmissionStore submissions;

  public ReadHandlers(SubmissionStore submissions) {
    this.submissions = submissions;
  }

  public void submission(RoutingContext ctx) {
    String text = ctx.pathParam("id");
    submissions.find(parseId(text)).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(notFound(text));
        return;
      }
      var stored = found.get();
      Responses.json(ctx, 200, new JsonObject().put("data", new JsonObject()
          .put("id", stored.id().toString())
          .put("receivedAt", stored.receivedAt())
          .put("format", stored.format())
          .put("scoringStatus", stored.scoringStatus())
          .put("warnings", stored.warnings())
          .put("submission", stored.normalised())));
    }).onFailure(ctx::fail);
  }

  private static UUID parseId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw notFound(text);
    }
  }

  /** Unknown and malformed ids answer alike, so ids cannot be probed for existence by their shape. */
  private static ApiException notFound(String id) {
    return ApiException.of(404, "NotFound", ProblemCode.NOT_FOUND, "id", "no submission with id '"
        + Excerpt.of(id) + "'");
  }
}

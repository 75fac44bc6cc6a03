package gov.qpp.gateway.http;

import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code GET /api/submissions/{id}} and {@code GET /api/scores?tin=&npi=&year=}. */
public final class ReadHandlers {

  private final SubmissionStore submissions;
  private final ScoreStore scores;

  public ReadHandlers(SubmissionStore submissions, ScoreStore scores) {
    this.submissions = submissions;
    this.scores = scores;
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

  public void scores(RoutingContext ctx) {
    String tin = ctx.queryParams().get("tin");
    String npi = ctx.queryParams().get("npi");
    String yearText = ctx.queryParams().get("year");
    if (!Tin.isWellFormed(tin)) {
      throw invalid("tin", "tin is required: 9 digits");
    }
    if (npi != null && !Npi.isWellFormed(npi)) {
      throw invalid("npi", "npi must be 10 digits");
    }
    int year;
    try {
      year = Integer.parseInt(yearText == null ? "" : yearText);
    } catch (NumberFormatException e) {
      throw invalid("year", "year is required: a performance year such as 2024");
    }
    scores.current(tin, npi, year)
        .onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("data", new JsonObject().put("scores", list))))
        .onFailure(ctx::fail);
  }

  private static ApiException invalid(String parameter, String message) {
    return ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, parameter, message);
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

package gov.qpp.gateway.http;

import gov.qpp.gateway.scoring.ScoringVerticle;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.intake.IntakeResult;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.registry.QppJsonWriter;
import gov.qpp.validators.registry.RegistryJsonIntake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/submissions} and {@code POST /api/submissions/validate}: parse and validate off the event
 * loop (a bounded worker pool behind a bounded pending count), then store in one transaction and hand the id to
 * scoring, or answer 422 with every problem.
 */
public final class SubmissionHandlers {

  static final Set<String> JSON_TYPES = Set.of("application/json", "application/vnd.qpp.cms.gov.v1+json");
  static final String FORMAT_REGISTRY_JSON = "registry-json";

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandlers.class);

  private final Vertx vertx;
  private final RegistryJsonIntake intake;
  private final WorkerExecutor workers;
  private final IntakeLimiter limiter;
  private final SubmissionStore store;

  public SubmissionHandlers(Vertx vertx, RegistryJsonIntake intake, WorkerExecutor workers, IntakeLimiter limiter,
      SubmissionStore store) {
    this.vertx = vertx;
    this.intake = intake;
    this.workers = workers;
    this.limiter = limiter;
    this.store = store;
  }

  /** Before the body is read: only formats this endpoint takes (a policy handler, so Vert.x runs it before the body). */
  public final SecurityPolicyHandler requireJson = this::checkContentType;

  private void checkContentType(RoutingContext ctx) {
    String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!JSON_TYPES.contains(mediaType)) {
      ctx.fail(ApiException.of(415, "UnsupportedMediaType", ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
          "Content-Type '" + contentType + "' is not accepted here; send one of " + JSON_TYPES));
      return;
    }
    ctx.next();
  }

  public void submit(RoutingContext ctx) {
    validate(ctx).compose(result -> {
      if (!result.accepted()) {
        return Future.failedFuture(rejected(result));
      }
      var item = new SubmissionStore.NewSubmission(ctx.get(BearerAuth.PRINCIPAL), FORMAT_REGISTRY_JSON,
          ctx.request().getHeader("Content-Type"), ctx.body().buffer().getBytes(), result.submission(),
          result.warnings());
      return store.insert(item).map(id -> {
        vertx.eventBus().send(ScoringVerticle.ADDRESS, id.toString());
        LOG.atInfo().addKeyValue("submissionId", id.toString()).addKeyValue("format", FORMAT_REGISTRY_JSON)
            .addKeyValue("performanceYear", result.submission().performanceYear())
            .addKeyValue("sets", result.submission().measurementSets().size()).log("submission accepted");
        return new JsonObject().put("data", new JsonObject()
            .put("id", id.toString())
            .put("scoringStatus", "pending")
            .put("submission", new JsonObject(QppJsonWriter.submission(result.submission()).toString()))
            .put("warnings", ErrorBody.details(result.warnings())));
      });
    }).onSuccess(body -> {
      ctx.response().putHeader("Location", "/api/submissions/" + body.getJsonObject("data").getString("id"));
      Responses.json(ctx, 201, body);
    }).onFailure(ctx::fail);
  }

  public void validateOnly(RoutingContext ctx) {
    validate(ctx).onSuccess(result -> {
      if (!result.accepted()) {
        ctx.fail(rejected(result));
        return;
      }
      Responses.json(ctx, 200, new JsonObject().put("data", new JsonObject()
          .put("valid", true)
          .put("submission", new JsonObject(QppJsonWriter.submission(result.submission()).toString()))
          .put("warnings", ErrorBody.details(result.warnings()))));
    }).onFailure(ctx::fail);
  }

  private Future<IntakeResult> validate(RoutingContext ctx) {
    try {
      limiter.acquire();
    } catch (ApiException busy) {
      return Future.failedFuture(busy);
    }
    byte[] document = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    return workers.executeBlocking(() -> intake.intake(document), false)
        .onComplete(done -> limiter.release());
  }

  private static ApiException rejected(IntakeResult result) {
    List<Problem> problems = result.problems();
    long errors = problems.stream().filter(Problem::isError).count();
    return new ApiException(422, "ValidationError", "invalid submission: " + errors + " error"
        + (errors == 1 ? "" : "s") + " found; nothing was stored", problems, null);
  }

  static UUID parseId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.of(404, "NotFound", ProblemCode.NOT_FOUND, "id", "no submission with id '" + text + "'");
    }
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.scoring.ScoringVerticle;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeResult;
import gov.qpp.validators.intake.Intakes;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.registry.QppJsonWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/submissions} and {@code POST /api/submissions/validate}: parse and validate off the event
 * loop (a bounded worker pool behind a bounded pending count), then store in one transaction and hand the id to
 * scoring, or answer 422 with every problem.
 */
public final class SubmissionHandlers {


  private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandlers.class);

  private final Vertx vertx;
  private final Intakes intakes;
  private final WorkerExecutor workers;
  private final SubmissionStore store;
  private final GatewayMetrics metrics;

  public SubmissionHandlers(Vertx vertx, Intakes intakes, WorkerExecutor workers, SubmissionStore store,
      GatewayMetrics metrics) {
    this.vertx = vertx;
    this.intakes = intakes;
    this.workers = workers;
    this.store = store;
    this.metrics = metrics;
  }

  /** Before the body is read: only formats the gateway reads. */
  public final SecurityPolicyHandler requireKnownFormat = ContentTypeCheck.require(
      contentType -> Format.forContentType(contentType).isPresent()
          || gov.qpp.validators.claims.ClaimsFormat.forContentType(contentType).isPresent()
          || Qrda1Handlers.isZipType(contentType),
      "one of " + Format.acceptedMediaTypes() + ", application/x-ndjson (claims), text/csv (claims),"
          + " application/zip (QRDA I documents)");

  static Format format(RoutingContext ctx) {
    return Format.forContentType(ctx.request().getHeader("Content-Type")).orElseThrow();
  }

  public void submit(RoutingContext ctx) {
    validate(ctx).compose(parsed -> {
      IntakeResult result = parsed.result();
      count(ctx, result, result.accepted() ? "accepted" : "rejected");
      if (!result.accepted()) {
        return Future.failedFuture(rejected(result, format(ctx) == Format.FHIR));
      }
      return store(ctx, format(ctx), parsed).map(id -> new JsonObject().put("data", new JsonObject()
          .put("id", id.toString())
          .put("scoringStatus", "pending")
          .put("submission", parsed.normalised())
          .put("warnings", ErrorBody.details(result.warnings()))));
    }).onSuccess(body -> {
      ctx.response().putHeader("Location", "/api/submissions/" + body.getJsonObject("data").getString("id"));
      Responses.json(ctx, 201, body);
    }).onFailure(ctx::fail);
  }

  /** Stores an accepted document with its normalised form in one transaction, then hands its id to scoring. */
  public Future<UUID> store(RoutingContext ctx, Format format, Parsed parsed) {
    IntakeResult result = parsed.result();
    var item = new SubmissionStore.NewSubmission(ctx.get(BearerAuth.PRINCIPAL), format.id(),
        ctx.request().getHeader("Content-Type"), parsed.document(), result.submission(), parsed.normalised(),
        result.warnings());
    return store.insert(item).map(id -> {
      vertx.eventBus().send(ScoringVerticle.ADDRESS, id.toString());
      LOG.atInfo().addKeyValue("submissionId", id.toString()).addKeyValue("format", format.id())
          .addKeyValue("performanceYear", result.submission().performanceYear())
          .addKeyValue("sets", result.submission().measurementSets().size()).log("submission accepted");
      return id;
    });
  }

  public void validateOnly(RoutingContext ctx) {
    validate(ctx).onSuccess(parsed -> {
      IntakeResult result = parsed.result();
      count(ctx, result, result.accepted() ? "valid" : "invalid");
      if (!result.accepted()) {
        ctx.fail(rejected(result, format(ctx) == Format.FHIR));
        return;
      }
      Responses.json(ctx, 200, new JsonObject().put("data", new JsonObject()
          .put("valid", true)
          .put("submission", parsed.normalised())
          .put("warnings", ErrorBody.details(result.warnings()))));
    }).onFailure(ctx::fail);
  }

  private void count(RoutingContext ctx, IntakeResult result, String outcome) {
    count(format(ctx), result, outcome);
  }

  /** Documents by format and outcome, problems by code (Prometheus counters). */
  public void count(Format format, IntakeResult result, String outcome) {
    metrics.document(format.id(), outcome);
    result.problems().forEach(problem -> metrics.problem(problem.code().name()));
  }

  /**
   * A document as received, what its format's adapter made of it and, when it could be read, the submission as
   * QPP JSON (built on the worker once, for both the database and the answer).
   */
  public record Parsed(byte[] document, IntakeResult result, JsonObject normalised) {
  }

  /** Parses and validates the body on the intake workers (the request holds an intake place: {@link IntakeLimiter}). */
  Future<Parsed> validate(RoutingContext ctx) {
    Format format = format(ctx);
    ChunkedBody.Received body = ChunkedBody.of(ctx);
    return workers.executeBlocking(() -> {
      byte[] document = body.takeBytes(); // joined here: megabytes are not copied on the event loop
      return parsed(document, intakes.intake(format, document));
    }, false);
  }

  /** What an intake made of a document, with its QPP JSON built once (call on the worker). */
  public static Parsed parsed(byte[] document, IntakeResult result) {
    JsonObject normalised = result.submission() == null ? null
        : new JsonObject(QppJsonWriter.submission(result.submission()).toString());
    return new Parsed(document, result, normalised);
  }

  /** 400 when the bytes are not readable XML at all (attacks included), 422 when the content is wrong. */
  /**
   * 400 when the document cannot be read at all (XML that is not XML or carries a DOCTYPE; for FHIR also JSON that
   * is not JSON or past a limit, as FHIR servers answer), 422 when it was read and is wrong. Registry JSON keeps
   * the QPP API's 422 for its JSON problems.
   */
  public static ApiException rejected(IntakeResult result, boolean fhir) {
    List<Problem> problems = result.problems();
    long errors = problems.stream().filter(Problem::isError).count();
    String summary = errors + " error" + (errors == 1 ? "" : "s") + " found; nothing was stored";
    boolean unreadable = result.submission() == null && problems.stream().anyMatch(problem -> unreadable(problem,
        fhir));
    if (unreadable) {
      return new ApiException(400, "MalformedDocument", "the document cannot be read: " + summary, problems, null);
    }
    return new ApiException(422, "ValidationError", "invalid submission: " + summary, problems, null);
  }

  private static boolean unreadable(Problem problem, boolean fhir) {
    String code = problem.code().name();
    return code.startsWith("XML_") || fhir && (problem.code() == ProblemCode.FHIR_UNREADABLE
        || problem.code() == ProblemCode.JSON_SYNTAX || problem.code() == ProblemCode.JSON_LIMIT_EXCEEDED
        || problem.code() == ProblemCode.JSON_DUPLICATE_KEY);
  }
}

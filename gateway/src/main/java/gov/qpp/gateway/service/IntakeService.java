package gov.qpp.gateway.service;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.scoring.Rescorer;
import gov.qpp.gateway.scoring.ScoringVerticle;
import gov.qpp.gateway.storage.LowVolumeStore;
import gov.qpp.gateway.storage.UniqueViolation;
import gov.qpp.gateway.storage.UploadStore;
import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.eligibility.EligibilityRow;
import gov.qpp.validators.fhir.FhirBody;
import gov.qpp.validators.intake.Body;
import gov.qpp.validators.intake.Declared;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeOutcome;
import gov.qpp.validators.intake.Intakes;
import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake pipeline below HTTP, one for every format: read and check the upload on a worker (validators' one
 * contract), count it, refuse it (nothing stored), recognise a batch its submitter sent before, store what it brings
 * in one transaction, then hand its submissions to scoring. Routes differ only in the dialect they answer in.
 */
public final class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  /**
   * An upload: who sends it, its format (told by {@link gov.qpp.validators.intake.Accepts}), what the request
   * declares, and its body, taken on a worker (joining an in-memory body's chunks costs a copy of megabytes).
   */
  public record Upload(String submitter, Format format, Declared declared, Supplier<Body> body) {

    /**
     * What makes two uploads the same: their bytes and what the request declared about them (a claims file's year,
     * a FHIR endpoint's resource and measure), so that the same bytes sent to mean something else are not taken
     * for a repeat. The bytes' SHA-256 alone when the request declared nothing more.
     */
    public String identity(Body body) {
      if (declared.year() == null && declared.fhirBody() == FhirBody.ANY && declared.measure() == null) {
        return body.sha256();
      }
      String context = body.sha256() + "|" + declared.year() + "|" + declared.fhirBody() + "|" + declared.measure();
      return Body.of(context.getBytes(StandardCharsets.UTF_8)).sha256();
    }
  }

  /** What a route does with an upload; each counts its documents by its own outcome names. */
  public enum Mode {
    SUBMIT("accepted", "rejected"), VALIDATE("valid", "invalid"), CONVERT("converted", "rejected");

    private final String yes;
    private final String no;

    Mode(String yes, String no) {
      this.yes = yes;
      this.no = no;
    }
  }

  /**
   * An upload read: what its intake made of it, and for each submission it would store, the row (its QPP JSON
   * written once, for both the database and the answer). Built on the worker.
   */
  public record Read(IntakeOutcome outcome, Body body, List<UploadStore.NewSubmission> submissions) {

    /** The normalised submission of a document, as QPP JSON; null when none was read. */
    public JsonObject normalised() {
      return submissions.isEmpty() ? null : submissions.get(0).normalised();
    }
  }

  /**
   * What submitting came to: what was stored (the batch, if any, and each submission's id in the order of
   * {@link Read#submissions()}), or the batch already stored when its submitter sent the same bytes before
   * ({@code read} is then null: it was not read again). An eligibility file also says how re-scoring went.
   */
  public record Submitted(Format format, Read read, UUID batchId, List<UUID> submissionIds, boolean duplicate,
      Rescorer.Counts rescored, String rescoreError) {

    static Submitted duplicate(Format format, UUID batchId) {
      return new Submitted(format, null, batchId, List.of(), true, null, null);
    }
  }

  /** The two worker pools: documents (milliseconds each) and patient-level files (claims, QRDA I: seconds). */
  public record Workers(WorkerExecutor documents, WorkerExecutor patientLevel) {
  }

  private final Vertx vertx;
  private final Intakes intakes;
  private final Workers workers;
  private final UploadStore store;
  private final Rescorer rescorer;
  private final GatewayMetrics metrics;

  public IntakeService(Vertx vertx, Intakes intakes, Workers workers, UploadStore store, Rescorer rescorer,
      GatewayMetrics metrics) {
    this.vertx = vertx;
    this.intakes = intakes;
    this.workers = workers;
    this.store = store;
    this.rescorer = rescorer;
    this.metrics = metrics;
  }

  /** Reads and checks an upload; nothing is stored. Refused uploads succeed too: the outcome says why. */
  public Future<Read> read(Upload upload, Mode mode) {
    return workerFor(upload.format()).executeBlocking(() -> read(upload, upload.body().get()), false)
        .onSuccess(read -> count(read.outcome(), mode));
  }

  /**
   * Reads, checks and stores an upload in one transaction and hands its submissions to scoring; fails with the
   * outcome's {@link Refusal} when it is refused. What its submitter sent before (the same bytes: a document, a
   * claims file, QRDA I documents, an eligibility file) is recognised by its hash before it is read again, and
   * answered with what was stored the first time.
   */
  public Future<Submitted> submit(Upload upload) {
    UploadStore.Kind kind = kind(upload.format());
    return workerFor(upload.format()).executeBlocking(() -> hashed(upload.body().get()), false).compose(body ->
        existing(kind, upload, body).compose(found -> found.isPresent()
            ? Future.succeededFuture(Submitted.duplicate(upload.format(), found.get()))
            : workerFor(upload.format()).executeBlocking(() -> read(upload, body), false)
                .onSuccess(read -> count(read.outcome(), Mode.SUBMIT))
                .compose(read -> store(upload, read))
                // the same bytes sent twice at once: the second insert meets the unique key
                .recover(failure -> UniqueViolation.is(failure)
                    ? existing(kind, upload, body).map(again -> Submitted.duplicate(upload.format(),
                        again.orElseThrow()))
                    : Future.failedFuture(failure))));
  }

  /** The refusal an outcome calls for: 400 when the upload could not be read at all, else 422. */
  public static Refusal refusal(IntakeOutcome outcome) {
    return outcome.unreadable()
        ? new Refusal(400, "MalformedDocument", outcome.refusal(), outcome.problems(), null)
        : new Refusal(422, "ValidationError", outcome.refusal(), outcome.problems(), null);
  }

  /**
   * Reads a document and writes it, rolled back: nothing is stored nor counted, but the first client's insert finds
   * its statements prepared.
   */
  public Future<Void> rehearse(Upload upload) {
    return workerFor(upload.format()).executeBlocking(() -> read(upload, upload.body().get()), false)
        .compose(read -> read.submissions().isEmpty() ? Future.succeededFuture()
            : store.rehearse(read.submissions().get(0)));
  }

  private Read read(Upload upload, Body body) {
    IntakeOutcome outcome = intakes.read(upload.format(), body, upload.declared());
    return new Read(outcome, body, submissions(upload, outcome, body));
  }

  /** The rows of the submissions an accepted upload brings (a document's own, a claims file's valid sets). */
  private static List<UploadStore.NewSubmission> submissions(Upload upload, IntakeOutcome outcome, Body body) {
    String format = outcome.format().id();
    String contentType = upload.declared().contentType();
    List<UploadStore.NewSubmission> rows = new ArrayList<>();
    if (outcome instanceof IntakeOutcome.Document document && document.submission() != null) {
      rows.add(new UploadStore.NewSubmission(upload.submitter(), format, contentType,
          ((Body.InMemory) body).bytes(), upload.identity(body), document.submission(),
          QppJson.submission(document.submission()),
          QppJson.problems(document.warnings())));
    } else if (outcome instanceof IntakeOutcome.Claims claims && claims.accepted()) {
      for (ClaimsOutcome.Derived derived : claims.claims().validSubmissions()) {
        JsonObject json = QppJson.submission(derived.submission());
        rows.add(new UploadStore.NewSubmission(upload.submitter(), format, contentType,
            json.encode().getBytes(StandardCharsets.UTF_8), null, derived.submission(), json,
            QppJson.problems(derived.problems())));
      }
    }
    return rows;
  }

  private Future<Submitted> store(Upload upload, Read read) {
    IntakeOutcome outcome = read.outcome();
    if (!outcome.accepted()) {
      return Future.failedFuture(refusal(outcome));
    }
    String submitter = upload.submitter();
    Body body = read.body();
    Future<UploadStore.Stored> stored;
    if (outcome instanceof IntakeOutcome.Claims claims) {
      JsonObject summary = BatchSummary.claims(claims.claims());
      stored = store.claims(new UploadStore.ClaimsBatch(submitter, claims.format().id(), upload.identity(body), body.size(),
          claims.claims().performanceYear(), summary.getJsonObject("lines").copy().put("claims",
          summary.getJsonObject("claims")), summary.getJsonArray("problems")), read.submissions(),
          LowVolumeStore.rows(claims.volumes()));
    } else if (outcome instanceof IntakeOutcome.Qrda1 qrda1) {
      JsonObject summary = BatchSummary.qrda1(qrda1);
      stored = store.qrda1(new UploadStore.Qrda1Batch(submitter, qrda1.format().id(), upload.identity(body), body.size(),
          summary.getJsonObject("documents"), summary.getJsonObject("patientsPerMeasure"),
          new JsonObject().put("computed", summary.getJsonArray("results"))
              .put("notComputed", summary.getJsonObject("notComputed")), summary.getJsonArray("problems")),
          qrda1.documents().patients());
    } else if (outcome instanceof IntakeOutcome.Eligibility eligibility) {
      stored = store.eligibility(submitter, upload.identity(body), body.size(), eligibility.file().rows(),
          LowVolumeStore.rows(eligibility.volumes()));
    } else {
      stored = store.submission(read.submissions().get(0));
    }
    return stored.compose(done -> {
      done.submissionIds().forEach(id -> vertx.eventBus().send(ScoringVerticle.ADDRESS, id.toString()));
      log(outcome, done);
      Submitted submitted = new Submitted(outcome.format(), read, done.batchId(), done.submissionIds(), false, null,
          null);
      return outcome instanceof IntakeOutcome.Eligibility eligibility ? rescore(submitted, eligibility)
          : Future.succeededFuture(submitted);
    });
  }

  /**
   * After an eligibility file: every entity a row concerns (the clinician, or the group) is re-scored before the
   * answer, so the next read of a score reflects it. The rows are stored whatever happens now; a failure says so.
   */
  private Future<Submitted> rescore(Submitted submitted, IntakeOutcome.Eligibility eligibility) {
    Map<Integer, Map<String, EntityKey>> byYear = new TreeMap<>();
    for (EligibilityRow row : eligibility.file().rows()) {
      EntityKey entity = row.npi() == null ? EntityKey.group(row.tin()) : EntityKey.individual(row.tin(), row.npi());
      byYear.computeIfAbsent(row.performanceYear(), year -> new TreeMap<>()).put(entity.key(), entity);
    }
    Map<Integer, List<EntityKey>> entities = new TreeMap<>();
    byYear.forEach((year, keys) -> entities.put(year, List.copyOf(keys.values())));
    return rescorer.rescore(entities, "eligibility file")
        .map(counts -> new Submitted(submitted.format(), submitted.read(), null, List.of(), false, counts, null))
        .recover(error -> {
          LOG.atWarn().addKeyValue("error", String.valueOf(error.getMessage()))
              .log("eligibility stored, re-scoring failed");
          return Future.succeededFuture(new Submitted(submitted.format(), submitted.read(), null, List.of(), false, null,
              "the rows are stored, but re-scoring the entities they concern failed; a re-score of the year"
                  + " (POST /api/rescore) brings their scores up to date"));
        });
  }

  /** The body with its hash computed, here on the worker: hashing megabytes would hold the event loop. */
  private static Body hashed(Body body) {
    body.sha256();
    return body;
  }

  private Future<Optional<UUID>> existing(UploadStore.Kind kind, Upload upload, Body body) {
    return store.existing(kind, upload.submitter(), upload.identity(body));
  }

  /** Where what an upload of this format stores is recognised when it is sent again. */
  private static UploadStore.Kind kind(Format format) {
    return switch (format) {
      case CLAIMS_JSONL, CLAIMS_CSV -> UploadStore.Kind.CLAIMS;
      case QRDA1, QRDA1_ZIP -> UploadStore.Kind.QRDA1;
      case ELIGIBILITY -> UploadStore.Kind.ELIGIBILITY;
      case REGISTRY_JSON, QRDA3, FHIR -> UploadStore.Kind.DOCUMENT;
    };
  }

  private WorkerExecutor workerFor(Format format) {
    return format.patientLevel() ? workers.patientLevel() : workers.documents();
  }

  /** Documents by format and outcome, problems by code (Prometheus counters). */
  private void count(IntakeOutcome outcome, Mode mode) {
    metrics.document(mode == Mode.CONVERT ? "qrda3-conversion" : outcome.format().id(),
        outcome.accepted() ? mode.yes : mode.no);
    outcome.problems().forEach(problem -> metrics.problem(problem.code().name()));
  }

  private static void log(IntakeOutcome outcome, UploadStore.Stored stored) {
    var event = LOG.atInfo().addKeyValue("format", outcome.format().id());
    if (stored.batchId() != null) {
      event = event.addKeyValue("batchId", stored.batchId().toString());
    }
    if (outcome instanceof IntakeOutcome.Document document) {
      event = event.addKeyValue("submissionId", stored.submissionIds().get(0).toString())
          .addKeyValue("performanceYear", document.submission().performanceYear())
          .addKeyValue("sets", document.submission().measurementSets().size());
    } else {
      event = event.addKeyValue("submissions", stored.submissionIds().size())
          .addKeyValue("problems", outcome.problems().size());
    }
    event.log("upload accepted");
  }
}

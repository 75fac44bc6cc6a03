package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.scoring.ScoringVerticle;
import gov.qpp.gateway.storage.ClaimsStore;
import gov.qpp.gateway.storage.LowVolumeRows;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.scoring.LowVolume;
import gov.qpp.validators.claims.ClaimsFormat;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.claims.ClaimsReport;
import gov.qpp.validators.claims.ClaimsVolume;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.registry.QppJsonWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/submissions} and {@code /api/submissions/validate} for claims files (JSON Lines or CSV): the
 * spooled file is read on the claims workers, and what it came to (one measurement set per clinician and group,
 * everyone's low-volume volume) is stored in one transaction and handed to scoring.
 */
public final class ClaimsHandlers {

  /** Answers list at most this many computed submissions; the counts are always complete. */
  static final int MAX_LISTED_SUBMISSIONS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClaimsHandlers.class);

  private final Vertx vertx;
  private final ClaimsIntake intake;
  private final WorkerExecutor workers;
  private final ClaimsStore store;
  private final GatewayMetrics metrics;

  public ClaimsHandlers(Vertx vertx, ClaimsIntake intake, WorkerExecutor workers, ClaimsStore store,
      GatewayMetrics metrics) {
    this.vertx = vertx;
    this.intake = intake;
    this.workers = workers;
    this.store = store;
    this.metrics = metrics;
  }

  public static boolean isClaims(RoutingContext ctx) {
    return ClaimsFormat.forContentType(ctx.request().getHeader("Content-Type")).isPresent();
  }

  public void submit(RoutingContext ctx) {
    SpooledUpload.Spooled file = SpooledUpload.of(ctx);
    String submitter = ctx.get(BearerAuth.PRINCIPAL);
    Integer year = year(ctx);
    UploadPlace.holdWhile(ctx, store.existing(submitter, file.sha256()).compose(existing -> {
      if (existing.isPresent()) {
        return Future.succeededFuture(duplicate(existing.get()));
      }
      // the same file sent twice at once: the second insert meets the unique key and is answered as a duplicate
      return evaluate(ctx, file, year).compose(outcome -> store(ctx, file, submitter, outcome))
          .recover(failure -> UniqueViolation.is(failure)
              ? store.existing(submitter, file.sha256()).map(found -> duplicate(found.orElseThrow()))
              : Future.failedFuture(failure));
    })).onSuccess(answer -> Responses.json(ctx, answer.status(), answer.body())).onFailure(ctx::fail);
  }

  public void validateOnly(RoutingContext ctx) {
    SpooledUpload.Spooled file = SpooledUpload.of(ctx);
    UploadPlace.holdWhile(ctx, evaluate(ctx, file, year(ctx))).onSuccess(outcome -> {
      JsonObject data = summary(outcome).put("valid", true);
      JsonArray sets = new JsonArray();
      outcome.submissions().stream().limit(MAX_LISTED_SUBMISSIONS).forEach(derived -> sets.add(describe(derived,
          null).put("submission", new JsonObject(QppJsonWriter.submission(derived.submission()).toString()))));
      Responses.json(ctx, 200, new JsonObject().put("data", data.put("submissions", sets)));
    }).onFailure(ctx::fail);
  }

  private record Answer(int status, JsonObject body) {
  }

  private static Answer duplicate(java.util.UUID batch) {
    return new Answer(200, new JsonObject().put("data", new JsonObject().put("batchId", batch.toString())
        .put("duplicate", true)
        .put("message", "this file was already received as batch " + batch + "; nothing new was stored")));
  }

  private Future<ClaimsOutcome> evaluate(RoutingContext ctx, SpooledUpload.Spooled file, Integer year) {
    ClaimsFormat format = ClaimsFormat.forContentType(ctx.request().getHeader("Content-Type")).orElseThrow();
    return workers.executeBlocking(() -> {
      try (InputStream in = Files.newInputStream(file.path())) {
        return intake.intake(format, in, year);
      }
    }, false).compose(outcome -> {
      outcome.report().problems().forEach(problem -> metrics.problem(problem.code().name()));
      metrics.document(format.id(), outcome.accepted() ? "accepted" : "rejected");
      if (!outcome.accepted()) {
        return Future.failedFuture(refused(outcome.report()));
      }
      return Future.succeededFuture(outcome);
    });
  }

  private Future<Answer> store(RoutingContext ctx, SpooledUpload.Spooled file, String submitter,
      ClaimsOutcome outcome) {
    ClaimsFormat format = ClaimsFormat.forContentType(ctx.request().getHeader("Content-Type")).orElseThrow();
    String contentType = ctx.request().getHeader("Content-Type");
    return workers.executeBlocking(() -> {
      List<SubmissionStore.NewSubmission> items = new ArrayList<>();
      for (ClaimsOutcome.Derived derived : outcome.validSubmissions()) {
        String json = QppJsonWriter.submission(derived.submission()).toString(); // written once: stored and parsed
        items.add(new SubmissionStore.NewSubmission(submitter, format.id(), contentType,
            json.getBytes(StandardCharsets.UTF_8), derived.submission(), new JsonObject(json), derived.problems()));
      }
      return items;
    }, false).compose(items -> {
      JsonObject summary = summary(outcome);
      var batch = new ClaimsStore.NewBatch(submitter, format.id(), file.sha256(), file.size(),
          outcome.performanceYear(), summary.getJsonObject("lines").copy().put("claims",
              summary.getJsonObject("claims")), ErrorBody.details(outcome.report().problems()));
      return store.insert(batch, items, lowVolume(outcome)).map(stored -> {
        stored.submissionIds().forEach(id -> vertx.eventBus().send(ScoringVerticle.ADDRESS, id.toString()));
        LOG.atInfo().addKeyValue("claimsBatchId", stored.batchId().toString()).addKeyValue("format", format.id())
            .addKeyValue("performanceYear", outcome.performanceYear())
            .addKeyValue("linesRead", outcome.report().lines().read())
            .addKeyValue("linesRejected", outcome.report().lines().rejected())
            .addKeyValue("submissions", stored.submissionIds().size()).log("claims batch accepted");
        JsonArray listed = new JsonArray();
        List<ClaimsOutcome.Derived> valid = outcome.validSubmissions();
        for (int i = 0; i < valid.size() && i < MAX_LISTED_SUBMISSIONS; i++) {
          listed.add(describe(valid.get(i), stored.submissionIds().get(i).toString()));
        }
        JsonArray notStored = new JsonArray();
        outcome.submissions().stream().filter(derived -> !derived.valid()).limit(MAX_LISTED_SUBMISSIONS)
            .forEach(derived -> notStored.add(describe(derived, null)));
        return new Answer(201, new JsonObject().put("data", summary.put("batchId", stored.batchId().toString())
            .put("submissions", listed).put("notStored", notStored)));
      });
    });
  }

  /** The counts, the measures computed or not, and the problems: the same for submit and validate. */
  private static JsonObject summary(ClaimsOutcome outcome) {
    ClaimsReport report = outcome.report();
    JsonArray notComputed = new JsonArray();
    outcome.notComputed().forEach(measure -> notComputed.add(new JsonObject().put("measureId", measure.measureId())
        .put("reason", measure.reason())));
    long valid = outcome.validSubmissions().size();
    return new JsonObject()
        .put("performanceYear", outcome.performanceYear())
        .put("lines", tally(report.lines()))
        .put("claims", tally(report.claims()))
        .put("measurementSets", new JsonObject().put("computed", outcome.submissions().size()).put("valid", valid)
            .put("notValid", outcome.submissions().size() - valid)
            .put("listedUpTo", MAX_LISTED_SUBMISSIONS))
        .put("clinicians", outcome.volumes().stream().filter(volume -> !volume.clinician().isGroup()).count())
        .put("computedMeasures", new JsonArray(outcome.computedMeasures()))
        .put("notComputedMeasures", notComputed)
        .put("problems", ErrorBody.details(report.problems()));
  }

  private static JsonObject tally(ClaimsReport.Tally tally) {
    return new JsonObject().put("read", tally.read()).put("used", tally.used()).put("rejected", tally.rejected())
        .put("skipped", tally.skipped());
  }

  private static JsonObject describe(ClaimsOutcome.Derived derived, String id) {
    JsonArray measures = new JsonArray();
    derived.submission().measurementSets().get(0).measurements().forEach(m -> measures.add(m.measureId()));
    JsonObject entry = new JsonObject();
    if (id != null) {
      entry.put("id", id);
    }
    entry.put("entityType", derived.submission().entityType().apiName()).put("tin", derived.clinician().tin())
        .put("npi", derived.clinician().npi()).put("measures", measures);
    if (!derived.problems().isEmpty()) {
      entry.put("problems", ErrorBody.details(derived.problems()));
    }
    return entry;
  }

  /** Each clinician's and group's status against the year's thresholds, when the claims carried amounts. */
  static List<LowVolumeRows.Row> lowVolume(ClaimsOutcome outcome) {
    List<LowVolumeRows.Row> rows = new ArrayList<>();
    for (ClaimsVolume volume : outcome.volumes()) {
      LowVolume.Stored stored = volume.amountsGiven() ? LowVolume.stored(outcome.performanceYear(),
          new LowVolume.Volume(volume.allowedCharges(), volume.beneficiaries(), volume.coveredServices()))
          : new LowVolume.Stored(null, "not determined: no claim line carried an allowed amount or charge");
      rows.add(new LowVolumeRows.Row(volume.clinician().tin(),
          volume.clinician().isGroup() ? "" : volume.clinician().npi(), outcome.performanceYear(),
          volume.amountsGiven()
          ? volume.allowedCharges() : null, volume.beneficiaries(), volume.coveredServices(), stored.status(),
          stored.explanation()));
    }
    return rows;
  }

  /** {@code GET /api/low-volume?tin=&npi=&year=}: the newest low-volume row of a clinician (no npi: the group). */
  public void lowVolume(RoutingContext ctx) {
    ClinicianQuery query = ClinicianQuery.of(ctx);
    String tin = query.tin();
    String npi = query.npi();
    String yearText = String.valueOf(query.year());
    store.lowVolume(tin, npi == null ? "" : npi, Integer.parseInt(yearText)).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(ApiException.of(404, "NotFound", ProblemCode.NOT_FOUND, "$", "no low-volume data for TIN " + tin
            + (npi == null ? " (group)" : " NPI " + npi) + " in " + yearText));
        return;
      }
      Responses.json(ctx, 200, new JsonObject().put("data", found.get().put("tin", tin).put("npi", npi)
          .put("performanceYear", Integer.parseInt(yearText))));
    }).onFailure(ctx::fail);
  }

  private static Integer year(RoutingContext ctx) {
    String text = ctx.request().getParam("year");
    if (text == null) {
      return null;
    }
    if (!text.matches("20\\d\\d")) {
      throw ApiException.of(400, "InvalidParameter", ProblemCode.INVALID_PARAMETER, "year",
          "year is a performance year such as 2025, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  private static ApiException refused(ClaimsReport report) {
    List<Problem> problems = report.problems();
    return new ApiException(422, "ValidationError", "the claims file was refused: " + report.lines().read()
        + " lines read, " + report.lines().rejected() + " rejected; nothing was stored", problems, null);
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.storage.Qrda1Store;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.claims.MeasureCounts;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.qrda1.Qrda1Intake;
import gov.qpp.validators.qrda1.Qrda1Outcome;
import gov.qpp.validators.qrda1.Qrda1Results;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QRDA Category I through {@code POST /api/submissions} and {@code /validate}: one document (application/xml, told
 * from QRDA III by its templateId) or a zip of one document per patient (application/zip, spooled). Patients'
 * records are stored with the batch in one transaction; the measure results computed with the claims logic are
 * answered and stored with the batch, not scored (docs/qrda1.md).
 */
public final class Qrda1Handlers {

  private static final Logger LOG = LoggerFactory.getLogger(Qrda1Handlers.class);
  /** Read this far into an XML body to find the QRDA I templateId among the root's first children. */
  static final int SNIFF_BYTES = 8192;
  private static final java.util.Set<String> ZIP_TYPES = java.util.Set.of("application/zip",
      "application/x-zip-compressed");

  private final Qrda1Intake intake;
  private final ClaimsIntake claims;
  private final WorkerExecutor workers;
  private final Qrda1Store store;
  private final GatewayMetrics metrics;

  public Qrda1Handlers(Qrda1Intake intake, ClaimsIntake claims, WorkerExecutor workers, Qrda1Store store,
      GatewayMetrics metrics) {
    this.intake = intake;
    this.claims = claims;
    this.workers = workers;
    this.store = store;
    this.metrics = metrics;
  }

  public static boolean isZip(RoutingContext ctx) {
    return isZipType(ctx.request().getHeader("Content-Type"));
  }

  /** A Content-Type naming a zip archive. */
  public static boolean isZipType(String contentType) {
    return ZIP_TYPES.contains(String.valueOf(Format.mediaType(contentType)));
  }

  /** An XML body whose root carries the QRDA I framework templateId. */
  public static boolean isQrda1Document(RoutingContext ctx) {
    return SubmissionHandlers.format(ctx) == Format.QRDA3
        && Qrda1Intake.isQrda1(ChunkedBody.of(ctx).peek(SNIFF_BYTES));
  }

  /** What a batch came to, with its hash and size, once read on a worker. */
  private record Read(Qrda1Outcome outcome, Qrda1Results.Results results, String sha256, long size,
      String format) {
  }

  public void submit(RoutingContext ctx) {
    String submitter = ctx.get(BearerAuth.PRINCIPAL);
    UploadPlace.holdWhile(ctx, read(ctx).compose(read -> store.existing(submitter, read.sha256()).compose(existing -> {
      if (existing.isPresent()) {
        return Future.succeededFuture(duplicate(existing.get()));
      }
      JsonObject summary = summary(read);
      var batch = new Qrda1Store.NewBatch(submitter, read.format(), read.sha256(), read.size(),
          summary.getJsonObject("documents"), summary.getJsonObject("patientsPerMeasure"),
          new JsonObject().put("computed", summary.getJsonArray("results"))
              .put("notComputed", summary.getJsonObject("notComputed")), summary.getJsonArray("problems"));
      return store.insert(batch, read.outcome().patients()).map(id -> {
        LOG.atInfo().addKeyValue("qrda1BatchId", id.toString()).addKeyValue("format", read.format())
            .addKeyValue("documents", read.outcome().documentsRead())
            .addKeyValue("rejected", read.outcome().documentsRejected()).log("QRDA I batch accepted");
        return new JsonObject().put("data", summary.put("batchId", id.toString()));
      }).recover(failure -> UniqueViolation.is(failure) // the same upload sent twice at once
          ? store.existing(submitter, read.sha256()).map(found -> duplicate(found.orElseThrow()))
          : Future.failedFuture(failure));
    }))).onSuccess(body -> Responses.json(ctx, body.getJsonObject("data").containsKey("duplicate") ? 200 : 201,
        body)).onFailure(ctx::fail);
  }

  private static JsonObject duplicate(java.util.UUID batch) {
    return new JsonObject().put("data", new JsonObject().put("batchId", batch.toString()).put("duplicate", true)
        .put("message", "this upload was already received as batch " + batch + "; nothing new was stored"));
  }

  public void validateOnly(RoutingContext ctx) {
    UploadPlace.holdWhile(ctx, read(ctx)).onSuccess(read -> Responses.json(ctx, 200, new JsonObject().put("data", summary(read)
        .put("valid", true)))).onFailure(ctx::fail);
  }

  private Future<Read> read(RoutingContext ctx) {
    boolean zip = isZip(ctx);
    SpooledUpload.Spooled spooled = zip ? SpooledUpload.of(ctx) : null;
    ChunkedBody.Received body = zip ? null : ChunkedBody.of(ctx);
    return workers.executeBlocking(() -> {
      Qrda1Outcome outcome;
      String sha;
      long size;
      if (zip) {
        try (InputStream in = Files.newInputStream(spooled.path())) {
          outcome = intake.zip(in);
        }
        sha = spooled.sha256();
        size = spooled.size();
      } else {
        byte[] document = body.takeBytes();
        outcome = intake.document(document);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        size = document.length;
      }
      Qrda1Results.Results results = outcome.refused() ? new Qrda1Results.Results(List.of(), java.util.Map.of())
          : Qrda1Results.compute(claims, outcome.patients());
      return new Read(outcome, results, sha, size, zip ? "qrda1-zip" : "qrda1");
    }, false).compose(read -> {
      metrics.document(read.format(), read.outcome().refused() ? "rejected" : "accepted");
      read.outcome().problems().forEach(problem -> metrics.problem(problem.code().name()));
      if (read.outcome().refused()) {
        return Future.failedFuture(refused(read.outcome()));
      }
      return Future.succeededFuture(read);
    });
  }

  private static JsonObject summary(Read read) {
    Qrda1Outcome outcome = read.outcome();
    JsonArray results = new JsonArray();
    for (Qrda1Results.MeasureResult result : read.results().computed()) {
      JsonArray strata = new JsonArray();
      for (MeasureCounts counts : result.strata()) {
        strata.add(new JsonObject().put("stratum", counts.stratum()).put("performanceMet", counts.performanceMet())
            .put("performanceNotMet", counts.performanceNotMet())
            .put("eligiblePopulationExclusion", counts.exclusions())
            .put("eligiblePopulationException", counts.exceptions())
            .put("eligiblePopulation", counts.eligiblePopulation()));
      }
      results.add(new JsonObject().put("tin", result.clinician().tin()).put("npi", result.clinician().npi())
          .put("measureId", result.measureId()).put("strata", strata));
    }
    JsonObject perMeasure = new JsonObject();
    outcome.patientsPerMeasure().forEach(perMeasure::put);
    JsonObject notComputed = new JsonObject();
    read.results().notComputed().forEach(notComputed::put);
    return new JsonObject()
        .put("documents", new JsonObject().put("read", outcome.documentsRead())
            .put("accepted", outcome.patients().size()).put("rejected", outcome.documentsRejected()))
        .put("patientsPerMeasure", perMeasure)
        .put("results", results)
        .put("notComputed", notComputed)
        .put("problems", ErrorBody.details(outcome.problems()));
  }

  /** 400 when a single document cannot be read as XML at all, 422 otherwise. */
  private static ApiException refused(Qrda1Outcome outcome) {
    List<Problem> problems = outcome.problems();
    boolean unreadable = outcome.documentsRead() == 1 && problems.stream()
        .allMatch(problem -> !problem.isError() || problem.code().name().startsWith("XML_"));
    String message = "the QRDA I " + (outcome.documentsRead() == 1 ? "document" : "batch") + " was refused: "
        + outcome.documentsRejected() + " of " + outcome.documentsRead() + " documents rejected; nothing was stored";
    return new ApiException(unreadable ? 400 : 422, unreadable ? "MalformedDocument" : "ValidationError", message,
        problems, null);
  }
}

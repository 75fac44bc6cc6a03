package gov.qpp.gateway.api;

import gov.qpp.gateway.service.BatchSummary;
import gov.qpp.gateway.service.IntakeService;
import gov.qpp.gateway.service.QppJson;
import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * The QPP Submissions API dialect ({@code /api/submissions}, {@code /validate}, {@code /api/eligibility}): a document
 * answers with its normalised submission and warnings, a batch with what it came to, a refusal with every problem.
 */
final class QppAnswers implements Dialect {

  static final QppAnswers INSTANCE = new QppAnswers();

  private QppAnswers() {
  }

  @Override
  public void read(RoutingContext ctx, IntakeService.Read read) {
    IntakeOutcome outcome = read.outcome();
    if (!outcome.accepted()) {
      ctx.fail(IntakeService.refusal(outcome));
      return;
    }
    JsonObject data;
    if (outcome instanceof IntakeOutcome.Claims claims) {
      JsonArray sets = new JsonArray();
      claims.claims().submissions().stream().limit(BatchSummary.MAX_LISTED_SUBMISSIONS).forEach(derived ->
          sets.add(BatchSummary.describe(derived, null).put("submission", QppJson.submission(derived.submission()))));
      data = BatchSummary.claims(claims.claims()).put("valid", true).put("submissions", sets);
    } else if (outcome instanceof IntakeOutcome.Qrda1 qrda1) {
      data = BatchSummary.qrda1(qrda1).put("valid", true);
    } else {
      IntakeOutcome.Document document = (IntakeOutcome.Document) outcome;
      data = new JsonObject().put("valid", true).put("submission", read.normalised())
          .put("warnings", QppJson.problems(document.warnings()));
    }
    Responses.json(ctx, 200, new JsonObject().put("data", data));
  }

  @Override
  public void submitted(RoutingContext ctx, IntakeService.Submitted submitted) {
    if (submitted.duplicate()) {
      duplicate(ctx, submitted);
      return;
    }
    IntakeOutcome outcome = submitted.read().outcome();
    if (outcome instanceof IntakeOutcome.Claims claims) {
      Responses.json(ctx, 201, new JsonObject().put("data", BatchSummary.claims(claims.claims())
          .put("batchId", submitted.batchId().toString())
          .put("submissions", listed(claims.claims(), submitted.submissionIds()))
          .put("notStored", notStored(claims.claims()))));
    } else if (outcome instanceof IntakeOutcome.Qrda1 qrda1) {
      Responses.json(ctx, 201, new JsonObject().put("data", BatchSummary.qrda1(qrda1)
          .put("batchId", submitted.batchId().toString())));
    } else if (outcome instanceof IntakeOutcome.Eligibility eligibility) {
      JsonObject data = new JsonObject().put("rows", eligibility.file().rows().size());
      if (submitted.rescored() != null) {
        data.put("rescored", submitted.rescored().stored()).put("skipped", submitted.rescored().skipped())
            .put("failed", submitted.rescored().failed());
      } else {
        data.put("rescoreError", submitted.rescoreError());
      }
      Responses.json(ctx, 200, new JsonObject().put("data", data));
    } else {
      IntakeOutcome.Document document = (IntakeOutcome.Document) outcome;
      String id = submitted.submissionIds().get(0).toString();
      ctx.response().putHeader("Location", "/api/submissions/" + id);
      Responses.json(ctx, 201, new JsonObject().put("data", new JsonObject()
          .put("id", id)
          .put("scoringStatus", "pending")
          .put("submission", submitted.read().normalised())
          .put("warnings", QppJson.problems(document.warnings()))));
    }
  }

  /** What was sent before is answered with what was stored the first time: 200, nothing new stored. */
  private static void duplicate(RoutingContext ctx, IntakeService.Submitted submitted) {
    Format format = submitted.format();
    String id = submitted.batchId().toString();
    JsonObject data;
    if (format == Format.REGISTRY_JSON || format == Format.QRDA3 || format == Format.FHIR) {
      ctx.response().putHeader("Location", "/api/submissions/" + id);
      data = new JsonObject().put("id", id).put("duplicate", true).put("message", "this document was already"
          + " received as submission " + id + "; nothing new was stored");
    } else {
      String what = format == Format.QRDA1 || format == Format.QRDA1_ZIP ? "upload" : "file";
      data = new JsonObject().put("batchId", id).put("duplicate", true).put("message", "this " + what
          + " was already received as batch " + id + "; nothing new was stored");
    }
    Responses.json(ctx, 200, new JsonObject().put("data", data));
  }

  /** The stored submissions, with their ids, as many as answers list. */
  private static JsonArray listed(ClaimsOutcome outcome, List<UUID> ids) {
    JsonArray listed = new JsonArray();
    List<ClaimsOutcome.Derived> valid = outcome.validSubmissions();
    for (int i = 0; i < valid.size() && i < BatchSummary.MAX_LISTED_SUBMISSIONS; i++) {
      listed.add(BatchSummary.describe(valid.get(i), ids.get(i).toString()));
    }
    return listed;
  }

  /** The computed submissions that did not validate, and why. */
  private static JsonArray notStored(ClaimsOutcome outcome) {
    JsonArray notStored = new JsonArray();
    outcome.submissions().stream().filter(derived -> !derived.valid()).limit(BatchSummary.MAX_LISTED_SUBMISSIONS)
        .forEach(derived -> notStored.add(BatchSummary.describe(derived, null)));
    return notStored;
  }
}

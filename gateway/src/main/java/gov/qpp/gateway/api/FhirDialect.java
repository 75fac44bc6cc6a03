package gov.qpp.gateway.api;

import gov.qpp.gateway.service.IntakeService;
import gov.qpp.gateway.service.Refusal;
import gov.qpp.validators.fhir.FhirBody;
import gov.qpp.validators.fhir.FhirEncoding;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.intake.IntakeOutcome;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * FHIR's dialect, for one FHIR endpoint: what it stores is answered with an OperationOutcome (201, or 200 for
 * DEQM's $submit-data) or, for a transaction or batch, a response Bundle entry by entry; $validate answers 200 with
 * every issue whether valid or not (4xx only when the body cannot be read at all). Answers are encoded in the
 * encoding the client asked for, on the intake workers when they may be large.
 */
final class FhirDialect implements Dialect {

  private final FhirBody body;
  private final WorkerExecutor workers;

  FhirDialect(FhirBody body, WorkerExecutor workers) {
    this.body = body;
    this.workers = workers;
  }

  @Override
  public void read(RoutingContext ctx, IntakeService.Read read) {
    IntakeOutcome.Document document = (IntakeOutcome.Document) read.outcome();
    Refusal refusal = IntakeService.refusal(document);
    if (!document.accepted() && refusal.status() == 400) {
      ctx.fail(refusal); // $validate: 4xx only when the validation itself could not be done
      return;
    }
    OperationOutcome outcome = document.accepted()
        ? FhirAnswers.information("valid: " + document.fhir().reports() + " MeasureReport(s) would be accepted",
            document.problems())
        : FhirAnswers.outcome(document.problems());
    FhirAnswers.send(ctx, 200, outcome);
  }

  @Override
  public void submitted(RoutingContext ctx, IntakeService.Submitted submitted) {
    if (submitted.duplicate()) {
      String id = submitted.batchId().toString();
      ctx.response().putHeader("Location", "/api/submissions/" + id);
      FhirAnswers.send(ctx, 200, FhirAnswers.information("this document was already received as submission " + id
          + "; nothing new was stored", java.util.List.of()));
      return;
    }
    FhirEncoding answerIn = FhirAnswers.encoding(ctx); // read here: the context belongs to the event loop
    IntakeOutcome.Document document = (IntakeOutcome.Document) submitted.read().outcome();
    UUID id = submitted.submissionIds().get(0);
    workers.executeBlocking(() -> accepted(answerIn, document.fhir(), id), false)
        .onSuccess(answer -> {
          ctx.response().putHeader("Location", answer.location());
          FhirAnswers.send(ctx, answer.status(), answer.encoded());
        })
        .onFailure(ctx::fail);
  }

  /** An answer encoded on the intake workers: a transaction's has one entry per request entry. */
  private record Answer(int status, String location, FhirAnswers.Encoded encoded) {
  }

  private Answer accepted(FhirEncoding answerIn, FhirIntake.Outcome outcome, UUID id) {
    String location = "/api/submissions/" + id;
    String summary = "accepted as submission " + id + ": " + outcome.reports() + " MeasureReport(s)"
        + (outcome.patients() > 0 ? " about " + outcome.patients() + " patient(s)" : "") + ", "
        + outcome.result().submission().measurementSets().get(0).measurements().size()
        + " measure(s); scoring is pending (" + location + ")";
    OperationOutcome information = FhirAnswers.information(summary, outcome.result().warnings());
    boolean transaction = "transaction".equals(outcome.bundleType()) || "batch".equals(outcome.bundleType());
    if (body == FhirBody.BUNDLE && transaction) {
      return new Answer(200, location, FhirAnswers.encode(answerIn, transactionResponse(outcome, location,
          information)));
    }
    // DEQM: $submit-data answers 200 OK; a create answers 201
    return new Answer(body == FhirBody.SUBMIT_DATA ? 200 : 201, location, FhirAnswers.encode(answerIn, information));
  }

  /** One response entry per request entry, all succeeded (a transaction is stored whole or not at all). */
  private static Bundle transactionResponse(FhirIntake.Outcome outcome, String location,
      OperationOutcome information) {
    Bundle response = new Bundle().setType("batch".equals(outcome.bundleType())
        ? Bundle.BundleType.BATCHRESPONSE : Bundle.BundleType.TRANSACTIONRESPONSE);
    for (String type : outcome.entryTypes()) {
      Bundle.BundleEntryResponseComponent entry = response.addEntry().getResponse();
      if (type.equals("MeasureReport")) {
        entry.setStatus("201 Created").setLocation(location);
      } else {
        entry.setStatus("200 OK"); // stored with the submission as the report's context
      }
    }
    if (!response.getEntry().isEmpty()) {
      response.getEntryFirstRep().getResponse().setOutcome(information);
    }
    return response;
  }
}

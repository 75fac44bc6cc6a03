package gov.qpp.gateway.fhir;

import gov.qpp.gateway.http.ApiException;
import gov.qpp.gateway.http.ChunkedBody;
import gov.qpp.gateway.http.ContentTypeCheck;
import gov.qpp.gateway.http.SubmissionHandlers;
import gov.qpp.validators.fhir.FhirBody;
import gov.qpp.validators.fhir.FhirEncoding;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeResult;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The FHIR endpoints: each reads its body off the event loop through {@link FhirIntake}, stores what it accepts
 * exactly as {@code /api/submissions} does (same table, same scoring), and answers in FHIR's shapes: 201 with an
 * OperationOutcome, a transaction-response Bundle, or 422/400 with an OperationOutcome listing every problem.
 */
public final class FhirHandlers {

  private final FhirIntake intake;
  private final WorkerExecutor workers;
  private final SubmissionHandlers submissions;
  private final CapabilityStatement capabilities;

  public FhirHandlers(FhirIntake intake, WorkerExecutor workers, SubmissionHandlers submissions,
      CapabilityStatement capabilities) {
    this.intake = intake;
    this.workers = workers;
    this.submissions = submissions;
    this.capabilities = capabilities;
  }

  /** Before the body is read: a FHIR media type. */
  public final SecurityPolicyHandler requireFhirContentType = ContentTypeCheck.require(
      contentType -> FhirEncoding.forMediaType(contentType).isPresent(),
      "application/fhir+json or application/fhir+xml");

  public void metadata(RoutingContext ctx) {
    FhirAnswers.send(ctx, 200, capabilities);
  }

  /** {@code POST /fhir/MeasureReport}, {@code POST /fhir} and {@code $submit-data}: validate, store, answer. */
  public void submit(RoutingContext ctx, FhirBody body, String pathMeasure) {
    FhirEncoding answerIn = FhirAnswers.encoding(ctx); // read here: the context belongs to the event loop
    read(ctx, body, pathMeasure).compose(read -> {
      IntakeResult result = read.outcome().result();
      submissions.count(Format.FHIR, result, result.accepted() ? "accepted" : "rejected");
      if (!result.accepted()) {
        return Future.failedFuture(SubmissionHandlers.rejected(result, true));
      }
      return submissions.store(ctx, Format.FHIR, read.parsed())
          .compose(id -> workers.executeBlocking(() -> accepted(answerIn, body, read.outcome(), id), false))
          .map(answer -> {
            ctx.response().putHeader("Location", answer.location());
            FhirAnswers.send(ctx, answer.status(), answer.encoded());
            return answer;
          });
    }).onFailure(ctx::fail);
  }

  /**
   * {@code POST /fhir/MeasureReport/$validate}: validation only, nothing stored. As FHIR's $validate defines it,
   * 200 whether or not the resource is valid, with every issue; 400 only when the body cannot be read at all.
   */
  public void validate(RoutingContext ctx) {
    read(ctx, FhirBody.VALIDATE, null).onSuccess(read -> {
      IntakeResult result = read.outcome().result();
      submissions.count(Format.FHIR, result, result.accepted() ? "valid" : "invalid");
      ApiException refusal = SubmissionHandlers.rejected(result, true);
      if (refusal.status() == 400) {
        ctx.fail(refusal); // $validate: 4xx only when the validation itself could not be done
        return;
      }
      OperationOutcome outcome = result.accepted()
          ? FhirAnswers.information("valid: " + read.outcome().reports() + " MeasureReport(s) would be accepted",
              result.problems())
          : FhirAnswers.outcome(result.problems());
      FhirAnswers.send(ctx, 200, outcome);
    }).onFailure(ctx::fail);
  }

  private record Read(FhirIntake.Outcome outcome, SubmissionHandlers.Parsed parsed) {
  }

  private Future<Read> read(RoutingContext ctx, FhirBody body, String pathMeasure) {
    ChunkedBody.Received received = ChunkedBody.of(ctx);
    return workers.executeBlocking(() -> {
      byte[] document = received.takeBytes();
      FhirIntake.Outcome outcome = intake.intake(document, body, pathMeasure);
      return new Read(outcome, SubmissionHandlers.parsed(document, outcome.result()));
    }, false);
  }

  /** An answer encoded on the intake workers: a transaction's has one entry per request entry. */
  private record Answer(int status, String location, FhirAnswers.Encoded encoded) {
  }

  private static Answer accepted(FhirEncoding answerIn, FhirBody body, FhirIntake.Outcome outcome, UUID id) {
    String location = "/api/submissions/" + id;
    String summary = "accepted as submission " + id + ": " + outcome.reports() + " MeasureReport(s)"
        + (outcome.patients() > 0 ? " about " + outcome.patients() + " patient(s)" : "") + ", "
        + outcome.result().submission().measurementSets().get(0).measurements().size()
        + " measure(s); scoring is pending (" + location + ")";
    OperationOutcome information = FhirAnswers.information(summary, outcome.result().warnings());
    boolean transaction = "transaction".equals(outcome.bundleType()) || "batch".equals(outcome.bundleType());
    if (body == FhirBody.BUNDLE && transaction) {
      return new Answer(200, location, FhirAnswers.encode(answerIn, transactionResponse(outcome, location, information)));
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

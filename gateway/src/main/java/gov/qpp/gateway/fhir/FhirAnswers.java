package gov.qpp.gateway.fhir;

import gov.qpp.validators.fhir.FhirEncoding;
import gov.qpp.validators.fhir.FhirPaths;
import gov.qpp.validators.fhir.FhirR4;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR answers: resources in the encoding the client asked for ({@code _format}, else Accept, else the body's own),
 * and every problem as an OperationOutcome issue with severity, issue type, the gateway's stable problem code,
 * a message and a FHIRPath expression.
 */
public final class FhirAnswers {

  /** The code system of the gateway's problem codes (docs/problem-codes.md) in issue.details. */
  public static final String PROBLEM_CODES = "https://qpp-gateway.example.org/fhir/problem-codes";

  private FhirAnswers() {
  }

  /** The encoding to answer in: {@code _format}, then the first FHIR type in Accept, then the request's, then JSON. */
  public static FhirEncoding encoding(RoutingContext ctx) {
    String format = ctx.request().getParam("_format");
    if (format != null) {
      var chosen = FhirEncoding.forMediaType(format);
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    String accept = ctx.request().getHeader("Accept");
    if (accept != null) {
      for (String type : accept.split(",")) {
        var chosen = FhirEncoding.forMediaType(type);
        if (chosen.isPresent()) {
          return chosen.get();
        }
      }
    }
    return FhirEncoding.forMediaType(ctx.request().getHeader("Content-Type")).orElse(FhirEncoding.JSON);
  }

  public static void send(RoutingContext ctx, int status, Resource resource) {
    FhirEncoding encoding = encoding(ctx);
    var parser = encoding == FhirEncoding.JSON ? FhirR4.CONTEXT.newJsonParser() : FhirR4.CONTEXT.newXmlParser();
    ctx.response().setStatusCode(status).putHeader("Content-Type", encoding.mediaType() + "; charset=utf-8")
        .end(parser.encodeResourceToString(resource));
  }

  /** Encodes an answer and the capability statement once in each encoding: the first encode scans their model. */
  public static void warmUp(List<Problem> problems) {
    for (var parser : List.of(FhirR4.CONTEXT.newJsonParser(), FhirR4.CONTEXT.newXmlParser())) {
      parser.encodeResourceToString(information("warm-up", problems));
      parser.encodeResourceToString(Capabilities.statement("warm-up"));
      parser.encodeResourceToString(new org.hl7.fhir.r4.model.Bundle()
          .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTIONRESPONSE));
    }
  }

  public static OperationOutcome outcome(List<Problem> problems) {
    OperationOutcome outcome = new OperationOutcome();
    for (Problem problem : problems) {
      OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
          .setSeverity(problem.isError() ? IssueSeverity.ERROR : IssueSeverity.WARNING)
          .setCode(issueType(problem.code()));
      issue.getDetails().addCoding().setSystem(PROBLEM_CODES).setCode(problem.code().name());
      issue.getDetails().setText(problem.message());
      String expression = FhirPaths.expression(problem.location());
      if (!expression.isEmpty() && !expression.startsWith("$")) {
        issue.addExpression(expression);
      }
      issue.addLocation(problem.location());
    }
    return outcome;
  }

  /** An outcome saying what happened, with the problems (warnings) that came with it. */
  public static OperationOutcome information(String message, List<Problem> problems) {
    OperationOutcome outcome = outcome(problems);
    outcome.getIssue().add(0, new OperationOutcome.OperationOutcomeIssueComponent()
        .setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL).setDiagnostics(message));
    outcome.getIssueFirstRep().getDetails().setText(message);
    return outcome;
  }

  /** FHIR's issue type for a problem code: what kind of failure it is, for clients that act on it. */
  static IssueType issueType(ProblemCode code) {
    String name = code.name();
    return switch (code) {
      case AUTHENTICATION_REQUIRED -> IssueType.LOGIN;
      case NOT_FOUND, FHIR_REPORTER_MISSING, FHIR_MEASURE_UNKNOWN -> IssueType.NOTFOUND;
      case METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, FHIR_REPORT_TYPE_UNSUPPORTED, FHIR_MODIFIER_EXTENSION,
          FHIR_RESOURCE_TYPE -> IssueType.NOTSUPPORTED;
      case DOCUMENT_TOO_LARGE, TOO_MANY_PROBLEMS -> IssueType.TOOCOSTLY;
      case GATEWAY_BUSY -> IssueType.TRANSIENT;
      case FHIR_PATIENT_DUPLICATE, DUPLICATE_MEASURE, DUPLICATE_MEASUREMENT_SET -> IssueType.DUPLICATE;
      case FHIR_UNREADABLE -> IssueType.STRUCTURE;
      case FHIR_REPORTERS_DIFFER, FHIR_MIXED_REPORT_TYPES, FHIR_MEASURE_MISMATCH -> IssueType.BUSINESSRULE;
      default -> name.startsWith("JSON_") || name.startsWith("XML_") ? IssueType.STRUCTURE
          : name.startsWith("FHIR_") ? IssueType.INVALID : IssueType.BUSINESSRULE;
    };
  }
}

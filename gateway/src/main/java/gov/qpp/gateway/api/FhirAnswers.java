package gov.qpp.gateway.api;

import gov.qpp.validators.fhir.FhirEncoding;
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
    FhirEncoding accepted = preferred(ctx.request().getHeader("Accept"));
    if (accepted != null) {
      return accepted;
    }
    return FhirEncoding.forMediaType(ctx.request().getHeader("Content-Type")).orElse(FhirEncoding.JSON);
  }

  /** The FHIR encoding of highest quality (q) in an Accept header; the first of equal ones; null for none. */
  static FhirEncoding preferred(String accept) {
    if (accept == null) {
      return null;
    }
    FhirEncoding best = null;
    double bestQuality = 0;
    for (String item : accept.split(",")) {
      var encoding = FhirEncoding.forMediaType(item);
      double quality = 1;
      for (String parameter : item.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equals("q")) {
          try {
            quality = Double.parseDouble(pair[1].trim());
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (encoding.isPresent() && quality > bestQuality) {
        best = encoding.get();
        bestQuality = quality;
      }
    }
    return best;
  }

  /** A resource encoded for the client (on a worker when it may be large). */
  public record Encoded(FhirEncoding encoding, String text) {
  }

  public static Encoded encode(FhirEncoding encoding, Resource resource) {
    var parser = encoding == FhirEncoding.JSON ? FhirR4.CONTEXT.newJsonParser() : FhirR4.CONTEXT.newXmlParser();
    return new Encoded(encoding, parser.encodeResourceToString(resource));
  }

  /** Small answers (outcomes, the capability statement), encoded where they are sent. */
  public static void send(RoutingContext ctx, int status, Resource resource) {
    send(ctx, status, encode(encoding(ctx), resource));
  }

  public static void send(RoutingContext ctx, int status, Encoded encoded) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", encoded.encoding().mediaType() + "; charset=utf-8").end(encoded.text());
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
      String expression = problem.location().path();
      if (expression != null && isFhirPath(expression)) {
        issue.addExpression(expression);
      }
      issue.addLocation(problem.location().toString());
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

  /**
   * Only FHIRPath goes in {@code expression}: a path rooted at a resource type (Bundle.entry[0].resource.status).
   * Header names, URLs and JSON positions stay in {@code location}.
   */
  static boolean isFhirPath(String location) {
    int end = location.indexOf('.');
    String root = end < 0 ? location : location.substring(0, end);
    return !location.contains(" ") && !location.contains("/") && FhirR4.CONTEXT.getResourceTypes().contains(root);
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

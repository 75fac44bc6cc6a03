package gov.qpp.gateway.api;

import gov.qpp.gateway.service.IntakeService;
import io.vertx.ext.web.RoutingContext;

/**
 * How an intake route answers: the QPP Submissions API's JSON, FHIR's resources, or CMS's conversion tool's shape.
 * The pipeline is the same for all; only this differs. A submission refused fails its request with the refusal,
 * which {@link FailureHandler} answers in the route's dialect (QPP error body or OperationOutcome).
 */
interface Dialect {

  /** An upload read and checked only (validate, convert): answer whatever it came to, refused ones included. */
  void read(RoutingContext ctx, IntakeService.Read read);

  /** An upload stored, or recognised as sent before. */
  void submitted(RoutingContext ctx, IntakeService.Submitted submitted);
}

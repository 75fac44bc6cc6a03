package gov.qpp.gateway.api;

import gov.qpp.gateway.service.IntakeService;
import gov.qpp.validators.intake.IntakeOutcome;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.qrda3.ConversionTool;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * CMS's conversion tool's dialect ({@code POST /api/convert}), for users migrating from it: 201 with the QPP JSON,
 * or 422 with the tool's error shape ({@code errors[].details[]} with its errorCode, the message and the location's
 * path, line and column) plus our problem code. Nothing is stored.
 */
final class ConversionAnswers implements Dialect {

  /** Where the route keeps the uploaded file's name: the tool's answers name it as the source. */
  static final String FILE_NAME = "qpp.convert.fileName";

  static final ConversionAnswers INSTANCE = new ConversionAnswers();

  private ConversionAnswers() {
  }

  @Override
  public void read(RoutingContext ctx, IntakeService.Read read) {
    IntakeOutcome.Document document = (IntakeOutcome.Document) read.outcome();
    if (document.accepted()) {
      Responses.json(ctx, 201, new JsonObject(ConversionTool.qppJson(document.submission()).toString()));
      return;
    }
    JsonArray details = new JsonArray();
    for (Problem problem : document.problems()) {
      if (!problem.isError()) {
        continue;
      }
      details.add(new JsonObject()
          .put("errorCode", ConversionTool.errorCode(problem.code()).orElse(null))
          .put("code", problem.code().name())
          .put("message", problem.message())
          .put("location", location(problem.location())));
    }
    Responses.json(ctx, 422, new JsonObject().put("errors", new JsonArray().add(new JsonObject()
        .put("sourceIdentifier", (String) ctx.get(FILE_NAME))
        .put("type", "ValidationError")
        .put("message", "the document was not converted: " + details.size() + " errors")
        .put("details", details))));
  }

  @Override
  public void submitted(RoutingContext ctx, IntakeService.Submitted submitted) {
    throw new UnsupportedOperationException("the conversion endpoint stores nothing");
  }

  /** The tool's clients want the path, line and column separately. */
  static JsonObject location(Location location) {
    if (location.line() <= 0 || location.path() == null) {
      return new JsonObject().put("path", location.toString());
    }
    return new JsonObject().put("path", location.path()).put("line", location.line())
        .put("column", location.column());
  }
}

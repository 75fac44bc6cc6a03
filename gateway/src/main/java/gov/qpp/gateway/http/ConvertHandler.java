package gov.qpp.gateway.http;

import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeResult;
import gov.qpp.validators.intake.Intakes;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.qrda3.ConversionTool;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code POST /api/convert}: CMS's conversion tool's REST interface for users migrating from it. A multipart
 * {@code file} field with a QRDA III document answers 201 with the QPP JSON, or 422 with the tool's error shape
 * ({@code errors[].details[]} with errorCode, message and location path/line/column) plus our problem code.
 * Nothing is stored.
 */
public final class ConvertHandler {

  static final String FILE_FIELD = "file";

  private final Intakes intakes;
  private final WorkerExecutor workers;

  private final GatewayMetrics metrics;

  public ConvertHandler(Intakes intakes, WorkerExecutor workers, GatewayMetrics metrics) {
    this.metrics = metrics;
    this.intakes = intakes;
    this.workers = workers;
  }

  public void handle(RoutingContext ctx) {
    FileUpload upload = ctx.fileUploads().stream().filter(f -> FILE_FIELD.equals(f.name())).findFirst().orElse(null);
    if (upload == null) {
      ctx.fail(ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, FILE_FIELD,
          "send the QRDA III document as multipart/form-data field 'file'"));
      return;
    }
    String name = upload.fileName();
    Path stored = Path.of(upload.uploadedFileName());
    workers.executeBlocking(() -> intakes.intake(Format.QRDA3, Files.readAllBytes(stored)), false)
        .onSuccess(result -> answer(ctx, name, result))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx, String fileName, IntakeResult result) {
    metrics.document("qrda3-conversion", result.accepted() ? "converted" : "rejected");
    result.problems().forEach(problem -> metrics.problem(problem.code().name()));
    if (result.accepted()) {
      Responses.json(ctx, 201, new JsonObject(ConversionTool.qppJson(result.submission()).toString()));
      return;
    }
    JsonArray details = new JsonArray();
    for (Problem problem : result.problems()) {
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
        .put("sourceIdentifier", fileName)
        .put("type", "ValidationError")
        .put("message", "the document was not converted: " + details.size() + " errors")
        .put("details", details))));
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

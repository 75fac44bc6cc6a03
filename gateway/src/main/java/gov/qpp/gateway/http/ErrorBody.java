package gov.qpp.gateway.http;

import gov.qpp.validators.problems.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The QPP Submissions API error shape: {@code {"error": {"type", "message", "details": [{code, severity, message,
 * path}]}}}. {@code code} is the gateway's stable problem code (docs/problem-codes.md).
 */
public final class ErrorBody {

  private ErrorBody() {
  }

  public static JsonObject of(String type, String message, List<Problem> problems) {
    return new JsonObject().put("error", new JsonObject()
        .put("type", type)
        .put("message", message)
        .put("details", details(problems)));
  }

  public static JsonArray details(List<Problem> problems) {
    JsonArray details = new JsonArray();
    for (Problem problem : problems) {
      details.add(new JsonObject()
          .put("code", problem.code().name())
          .put("severity", problem.severity().name().toLowerCase())
          .put("message", problem.message())
          .put("path", problem.location().toString()));
    }
    return details;
  }
}

package gov.qpp.gateway.api;

import gov.qpp.gateway.service.QppJson;
import gov.qpp.validators.problems.Problem;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The QPP Submissions API error shape: {@code {"error": {"type", "message", "details": [{code, severity, message,
 * path}]}}}. {@code code} is the gateway's stable problem code (docs/problem-codes.md).
 */
final class ErrorBody {

  private ErrorBody() {
  }

  static JsonObject of(String type, String message, List<Problem> problems) {
    return new JsonObject().put("error", new JsonObject()
        .put("type", type)
        .put("message", message)
        .put("details", QppJson.problems(problems)));
  }
}

package gov.qpp.gateway.service;

import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.registry.QppJsonWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The QPP Submissions API's spelling of what the gateway answers and stores: a submission as QPP JSON, and problems
 * as its error details ({@code code, severity, message, path}), the path being the location's one-string form.
 */
public final class QppJson {

  private QppJson() {
  }

  public static JsonArray problems(List<Problem> problems) {
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

  /** The submission as QPP JSON (built as text once, then read: the writer is Jackson's, answers are Vert.x's). */
  public static JsonObject submission(Submission submission) {
    return new JsonObject(QppJsonWriter.submission(submission).toString());
  }
}

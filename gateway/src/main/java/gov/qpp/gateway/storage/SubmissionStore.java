package gov.qpp.gateway.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads stored submissions (UploadStore writes them, ScoringTasks and ScoreStore record how scoring went): one by
 * id, as answered.
 */
public final class SubmissionStore {

  /** A stored submission as read back. */
  public record StoredSubmission(UUID id, String receivedAt, String submitter, String format,
      String scoringStatus, JsonObject normalised, JsonArray warnings) {
  }

  private final Pool pool;

  public SubmissionStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<StoredSubmission>> find(UUID id) {
    return pool.preparedQuery("select id, received_at::text, submitter, format, scoring_status, normalised, warnings"
            + " from submission where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new StoredSubmission(row.getUUID(0), row.getString(1), row.getString(2),
              row.getString(3), row.getString(4), (JsonObject) row.getValue(5), (JsonArray) row.getValue(6)));
        });
  }
}

package gov.qpp.gateway.storage;

import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads stored submissions (UploadStore writes them): one by id as answered, the ones waiting to be scored, and what
 * scoring one needs; and records how scoring went.
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

  /** A stored submission as the scorer needs it: its normalised form (QPP JSON), its entity and year. */
  public record Scorable(JsonObject normalised, EntityKey entity, int performanceYear) {
  }

  public Future<Optional<Scorable>> scorable(UUID id) {
    // only while pending: the sweep's list may hold ids the event bus has scored meanwhile
    return pool.preparedQuery("select normalised, entity_type, coalesce(tin, ''), coalesce(npi, ''),"
            + " coalesce(entity_id, ''), performance_year from submission where id = $1 and scoring_status = 'pending'")
        .execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Scorable((JsonObject) row.getValue(0), EntityScoreStore.entity(row, 1),
              row.getInteger(5)));
        });
  }

  /** Submissions accepted but not yet scored, fewest failed attempts first, then oldest. */
  public Future<List<UUID>> pendingScoring(int limit) {
    return pool.preparedQuery("select id from submission where scoring_status = 'pending'"
            + " order by scoring_attempts, received_at limit $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  /** Counts a failed scoring attempt; after {@code maxAttempts} the submission is parked as 'failed'. */
  public Future<String> scoringFailed(UUID id, int maxAttempts) {
    return pool.preparedQuery("update submission set scoring_attempts = scoring_attempts + 1, scoring_status ="
            + " case when scoring_attempts + 1 >= $2 then 'failed' else 'pending' end where id = $1"
            + " returning scoring_status")
        .execute(Tuple.of(id, maxAttempts))
        .map(rows -> rows.size() == 0 ? "missing" : rows.iterator().next().getString(0));
  }
}

package gov.qpp.gateway.storage;

import gov.qpp.validators.model.EntityKey;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores accepted submissions: the raw document and the normalised submission (QPP JSON, read back through
 * {@link gov.qpp.validators.codec.StoredSubmissions}) in one row, so a submission is either wholly stored or not at all.
 */
public final class SubmissionStore {

  /** What is stored about one accepted document; {@code normalised} is the submission as QPP JSON. */
  public record NewSubmission(String submitter, String format, String contentType, byte[] document,
      Submission submission, JsonObject normalised, List<Problem> warnings) {
  }

  /** A stored submission as read back. */
  public record StoredSubmission(UUID id, String receivedAt, String submitter, String format,
      String scoringStatus, JsonObject normalised, JsonArray warnings) {
  }

  private final Pool pool;

  public SubmissionStore(Pool pool) {
    this.pool = pool;
  }

  public Future<UUID> insert(NewSubmission item) {
    UUID id = UUID.randomUUID();
    return pool.withTransaction(connection -> write(connection, id, item)).map(id);
  }

  /**
   * Writes a submission and rolls it back: nothing is stored, but the statements are prepared and their code paths
   * run once, so the first client's submission after start does not pay for that.
   */
  public Future<Void> rehearse(NewSubmission item) {
    return pool.withConnection(connection -> connection.begin().compose(transaction ->
        write(connection, UUID.randomUUID(), item).eventually(transaction::rollback)));
  }

  static Future<Void> write(SqlConnection connection, UUID id, NewSubmission item) {
    Submission submission = item.submission();
    JsonObject normalised = item.normalised();
    Tuple row = Tuple.tuple()
        .addUUID(id).addString(item.submitter()).addString(item.format()).addString(item.contentType())
        .addString(submission.entityType().apiName())
        .addString(submission.tin() == null ? null : submission.tin().value())
        .addString(submission.npi() == null ? null : submission.npi().value())
        .addString(submission.entityId())
        .addInteger(submission.performanceYear())
        .addBuffer(Buffer.buffer(item.document()))
        .addValue(normalised)
        .addValue(warningsJson(item.warnings()));
    return connection.preparedQuery("insert into submission (id, submitter,"
            + " format, content_type, entity_type, tin, npi, entity_id, performance_year, document, normalised,"
            + " warnings) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
        .execute(row)
        .mapEmpty();
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

  public static JsonArray warningsJson(List<Problem> warnings) {
    JsonArray array = new JsonArray();
    for (Problem problem : warnings) {
      array.add(new JsonObject().put("code", problem.code().name()).put("severity",
          problem.severity().name().toLowerCase()).put("message", problem.message()).put("path", problem.location().toString()));
    }
    return array;
  }
}

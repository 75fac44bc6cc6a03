package gov.qpp.gateway.storage;

import gov.qpp.validators.model.EntityKey;
import gov.qpp.validators.model.Submission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scoring outbox ({@code scoring_task}): a task per accepted submission, enqueued in the transaction that stores
 * it. A scorer claims a task with a lease, scores, and completes it in the transaction that stores the scores, so a
 * task is applied once however many gateways share the database, and one whose gateway died is taken up again when
 * its lease ends. Each gateway claims under an id of its own.
 */
public final class ScoringTasks {

  /** A claimed task: what scoring the submission needs. */
  public record Task(UUID submissionId, EntityKey entity, int performanceYear, JsonObject normalised) {
  }

  private final Pool pool;
  private final UUID claimant;
  private final Duration lease;

  /**
   * @param claimant this gateway's id, which its leases carry
   * @param lease how long a claim holds before another gateway may take the task (longer than a scoring takes)
   */
  public ScoringTasks(Pool pool, UUID claimant, Duration lease) {
    this.pool = pool;
    this.claimant = claimant;
    this.lease = lease;
  }

  public UUID claimant() {
    return claimant;
  }

  /** Enqueues a stored submission's task, on the transaction that stores it. */
  static Future<Void> enqueue(SqlConnection connection, UUID submissionId, Submission submission) {
    return connection.preparedQuery("insert into scoring_task (submission_id, entity_key, performance_year)"
            + " values ($1, $2, $3)")
        .execute(Tuple.of(submissionId, EntityKey.of(submission).key(), submission.performanceYear()))
        .mapEmpty();
  }

  /** Tasks due and not held by a live lease: fewest failed attempts first, then oldest. */
  public Future<List<UUID>> due(int limit) {
    return pool.preparedQuery("select submission_id from scoring_task where not_before <= now()"
            + " and (claimed_until is null or claimed_until < now()) order by attempts, enqueued_at limit $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>(rows.size());
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  /** Claims a submission's task for a lease, with what scoring it needs; empty when it is done or held elsewhere. */
  public Future<Optional<Task>> claim(UUID submissionId) {
    return pool.preparedQuery("update scoring_task t set claimed_by = $2, claimed_until = now() + $3 * interval"
            + " '1 millisecond' from submission s where t.submission_id = (select submission_id from scoring_task"
            + " where submission_id = $1 and (claimed_until is null or claimed_until < now()) for update skip locked)"
            + " and s.id = t.submission_id returning s.normalised, s.entity_type, coalesce(s.tin, ''),"
            + " coalesce(s.npi, ''), coalesce(s.entity_id, ''), s.performance_year")
        .execute(Tuple.of(submissionId, claimant, lease.toMillis()))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Task(submissionId, EntityScoreStore.entity(row, 1), row.getInteger(5),
              (JsonObject) row.getValue(0)));
        });
  }

  /** Gives a claim back without counting an attempt (its entity was busy, or changed while it was scored). */
  public Future<Void> release(UUID submissionId) {
    return pool.preparedQuery("update scoring_task set claimed_by = null, claimed_until = null"
            + " where submission_id = $1 and claimed_by = $2")
        .execute(Tuple.of(submissionId, claimant)).mapEmpty();
  }

  /**
   * Counts a failed attempt and waits longer before the next (1, 2, 4, 8... seconds); after {@code maxAttempts} the
   * task is dropped and the submission parked as 'failed' for an operator. Answers the submission's status.
   */
  public Future<String> failed(UUID submissionId, int maxAttempts) {
    return pool.withTransaction(connection -> connection.preparedQuery("update scoring_task set"
            + " attempts = attempts + 1, claimed_by = null, claimed_until = null,"
            + " not_before = now() + power(2, least(attempts, 10)) * interval '1 second'"
            + " where submission_id = $1 returning attempts").execute(Tuple.of(submissionId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture("done elsewhere"); // completed by another gateway meanwhile
          }
          int attempts = rows.iterator().next().getInteger(0);
          String status = attempts >= maxAttempts ? "failed" : "pending";
          Future<?> parked = !status.equals("failed") ? Future.succeededFuture()
              : connection.preparedQuery("delete from scoring_task where submission_id = $1")
                  .execute(Tuple.of(submissionId));
          return parked.compose(done -> connection.preparedQuery("update submission set scoring_attempts = $2,"
                  + " scoring_status = $3 where id = $1").execute(Tuple.of(submissionId, attempts, status)))
              .map(status);
        }));
  }

  /**
   * Completes a task, on the transaction that stores its scores: false when this gateway no longer holds it (its
   * lease ran out and another took it), and the transaction must then not store anything.
   */
  static Future<Boolean> complete(SqlConnection connection, UUID submissionId, UUID claimant) {
    return connection.preparedQuery("delete from scoring_task where submission_id = $1 and claimed_by = $2")
        .execute(Tuple.of(submissionId, claimant))
        .map(rows -> rows.rowCount() == 1);
  }
}

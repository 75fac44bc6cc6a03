package gov.qpp.gateway.storage;

import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Score trees, versioned per submission; storing one also marks its submission as scored. */
public final class ScoreStore {

  /** The entity got a newer score version while this one was computed: score again from fresh data. */
  public static final class EntityChanged extends RuntimeException {
    EntityChanged() {
      super("the entity was re-scored meanwhile", null, false, false);
    }
  }

  private final Pool pool;

  public ScoreStore(Pool pool) {
    this.pool = pool;
  }

  /** Another gateway took the task over (this one's lease ran out): nothing of this scoring may be stored. */
  public static final class TaskLost extends RuntimeException {
    TaskLost() {
      super("the scoring task was taken over by another gateway", null, false, false);
    }
  }

  /**
   * Stores a submission's own tree and its entity's new merged version, marks the submission scored and completes
   * its scoring task, all or nothing. Fails with {@link TaskLost} when the task is no longer the claimant's, and with
   * {@link EntityChanged} when the entity was re-scored since its data was read.
   */
  public Future<Void> insert(UUID submissionId, UUID claimant, JsonObject submission, Double total, JsonObject tree,
      EntityScoreStore.NewVersion entity) {
    Tuple row = Tuple.tuple().addUUID(submissionId)
        .addString(submission.getString("taxpayerIdentificationNumber"))
        .addString(submission.getString("nationalProviderIdentifier"))
        .addString(submission.getString("entityId"))
        .addInteger(submission.getInteger("performanceYear"))
        .addDouble(total)
        .addValue(tree);
    return pool.withTransaction(connection -> ScoringTasks.complete(connection, submissionId, claimant)
        .compose(held -> held ? Future.succeededFuture() : Future.failedFuture(new TaskLost()))
        .compose(held -> connection.preparedQuery("insert into score (submission_id, tin, npi, entity_id,"
            + " performance_year, total, tree) values ($1, $2, $3, $4, $5, $6, $7)").execute(row))
        .compose(done -> entity == null ? Future.succeededFuture(true)
            : EntityScoreStore.insert(connection, submission.getInteger("performanceYear"), List.of(entity), null)
                .map(stored -> !stored.isEmpty()))
        .compose(stored -> stored ? Future.succeededFuture() : Future.failedFuture(new EntityChanged()))
        .compose(done -> connection.preparedQuery("update submission set scoring_status = 'scored' where id = $1")
            .execute(Tuple.of(submissionId))))
        .mapEmpty();
  }

  /**
   * The current score of each submission for a TIN (and NPI, or the group's own when npi is null) in a year,
   * newest submission first.
   */
  /** An entity's merged score and its submissions' own scores, as of one moment. */
  public record EntityScores(Optional<JsonObject> merged, JsonArray submissions) {
  }

  /**
   * The entity's current merged score and the current score of each of its submissions, read in one snapshot: a
   * merged version and the submission scores it was made with are committed together, so separate reads could show
   * a version next to a list that lacks one of its submissions.
   */
  public Future<EntityScores> entity(EntityKey entity, String tin, String npi, int year) {
    return pool.withTransaction(connection -> connection.query("set transaction isolation level repeatable read,"
            + " read only").execute()
        .compose(snapshot -> EntityScoreStore.current(connection, entity, year))
        .compose(merged -> current(connection, tin, npi, year).map(own -> new EntityScores(merged, own))));
  }

  private static Future<JsonArray> current(SqlClient client, String tin, String npi, int year) {
    // newest submission first (before, the order was the ids', so it changed from run to run)
    String sql = "select current.* from (select distinct on (s.submission_id) s.submission_id, s.computed_at::text,"
        + " s.total, s.tree, s.npi from score s where s.tin = $1 and s.performance_year = $2 and "
        + (npi == null ? "s.npi is null" : "s.npi = $3")
        + " order by s.submission_id, s.computed_at desc) current join submission u on u.id = current.submission_id"
        + " order by u.received_at desc, u.id";
    Tuple params = npi == null ? Tuple.of(tin, year) : Tuple.of(tin, year, npi);
    return client.preparedQuery(sql).execute(params).map(rows -> {
      JsonArray scores = new JsonArray();
      rows.forEach(row -> scores.add(new JsonObject()
          .put("submissionId", row.getUUID(0).toString())
          .put("computedAt", row.getString(1))
          .put("taxpayerIdentificationNumber", tin)
          .put("nationalProviderIdentifier", row.getString(4))
          .put("performanceYear", year)
          .put("score", row.getValue(3))));
      return scores;
    });
  }
}

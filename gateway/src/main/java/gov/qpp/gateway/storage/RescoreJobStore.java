package gov.qpp.gateway.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Batch re-score jobs and their progress. */
public final class RescoreJobStore {

  private final Pool pool;

  public RescoreJobStore(Pool pool) {
    this.pool = pool;
  }

  /** A queued job; fails with a unique violation when the year already has a queued or running job. */
  public Future<UUID> create(int year, String requestedBy, JsonObject parameters) {
    UUID id = UUID.randomUUID();
    return pool.preparedQuery("insert into rescore_job (id, performance_year, requested_by, state, parameters)"
            + " values ($1, $2, $3, 'queued', $4)")
        .execute(Tuple.of(id, year, requestedBy, parameters)).map(id);
  }

  public Future<Void> started(UUID id, int total) {
    return pool.preparedQuery("update rescore_job set state = 'running', started_at = clock_timestamp(),"
            + " total = $2 where id = $1").execute(Tuple.of(id, total)).mapEmpty();
  }

  public Future<Void> progress(UUID id, int done, int skipped, int failed) {
    return pool.preparedQuery("update rescore_job set done = $2, skipped = $3, failed = $4 where id = $1")
        .execute(Tuple.of(id, done, skipped, failed)).mapEmpty();
  }

  public Future<Void> finished(UUID id, String state, String error) {
    return pool.preparedQuery("update rescore_job set state = $2, error = $3, finished_at = clock_timestamp()"
            + " where id = $1").execute(Tuple.of(id, state, error)).mapEmpty();
  }

  /** Jobs a stopped gateway left queued or running: they are not resumed, and say so. */
  public Future<Integer> abandonInterrupted() {
    return pool.query("update rescore_job set state = 'failed', finished_at = clock_timestamp(), error ="
            + " 'interrupted: the gateway stopped while the job ran; start it again' where state in ('queued',"
            + " 'running')").execute().map(rows -> rows.rowCount());
  }

  public Future<Optional<JsonObject>> find(UUID id) {
    return pool.preparedQuery("select id, performance_year, requested_by, requested_at::text, started_at::text,"
            + " finished_at::text, state, total, done, skipped, failed, parameters, error,"
            + " extract(epoch from (coalesce(finished_at, clock_timestamp()) - started_at)) from rescore_job"
            + " where id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next())));
  }

  private static JsonObject json(Row row) {
    Integer total = row.getInteger(7);
    int done = row.getInteger(8) + row.getInteger(9) + row.getInteger(10);
    Object seconds = row.getValue(13);
    return new JsonObject().put("id", row.getUUID(0).toString()).put("performanceYear", row.getInteger(1))
        .put("requestedBy", row.getString(2)).put("requestedAt", row.getString(3)).put("startedAt", row.getString(4))
        .put("finishedAt", row.getString(5)).put("state", row.getString(6)).put("total", total)
        .put("stored", row.getInteger(8)).put("skipped", row.getInteger(9)).put("failed", row.getInteger(10))
        .put("percentDone", total == null || total == 0 ? null : Math.round(1000.0 * done / total) / 10.0)
        .put("elapsedSeconds", seconds == null ? null : ((Number) seconds).doubleValue())
        .put("parameters", row.getValue(11)).put("error", row.getString(12));
  }
}

package gov.qpp.gateway.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores what a claims file came to in one transaction: the batch, one submission per clinician and group with a
 * valid measurement set, and every clinician's low-volume row. All of it or nothing.
 */
public final class ClaimsStore {

  /** The batch row: who sent which file (by hash), and what reading it came to. */
  public record NewBatch(String submitter, String format, String sha256, long byteSize, int performanceYear,
      JsonObject counts, JsonArray problems) {
  }

  /** What was stored: the batch id and one submission id per stored submission, in the order given. */
  public record StoredBatch(UUID batchId, List<UUID> submissionIds) {
  }

  private final Pool pool;

  public ClaimsStore(Pool pool) {
    this.pool = pool;
  }

  /** The batch already stored for this submitter, file and year, if the same file was sent before. */
  public Future<Optional<UUID>> existing(String submitter, String sha256) {
    return pool.preparedQuery("select id from claims_batch where submitter = $1 and sha256 = $2 order by received_at"
            + " limit 1")
        .execute(Tuple.of(submitter, sha256))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<StoredBatch> insert(NewBatch batch, List<SubmissionStore.NewSubmission> submissions,
      List<LowVolumeRows.Row> lowVolume) {
    UUID batchId = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>(submissions.size());
    submissions.forEach(submission -> ids.add(UUID.randomUUID()));
    return pool.withTransaction(connection -> connection.preparedQuery("insert into claims_batch (id, submitter,"
            + " format, sha256, byte_size, performance_year, counts, problems) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.of(batchId, batch.submitter(), batch.format(), batch.sha256(), batch.byteSize(),
            batch.performanceYear(), batch.counts(), batch.problems()))
        .compose(done -> writeAll(connection, ids, submissions))
        .compose(done -> ids.isEmpty() ? Future.succeededFuture() : connection.preparedQuery("update submission set"
                + " claims_batch_id = $1 where id = any($2)")
            .execute(Tuple.tuple().addUUID(batchId).addArrayOfUUID(ids.toArray(UUID[]::new))).mapEmpty())
        .compose(done -> LowVolumeRows.insert(connection, "claims", batchId, lowVolume)))
        .map(done -> new StoredBatch(batchId, List.copyOf(ids)));
  }

  /** One after the other on the transaction's connection (a connection runs one statement at a time anyway). */
  private static Future<Void> writeAll(SqlConnection connection, List<UUID> ids,
      List<SubmissionStore.NewSubmission> submissions) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < submissions.size(); i++) {
      UUID id = ids.get(i);
      SubmissionStore.NewSubmission submission = submissions.get(i);
      chain = chain.compose(done -> SubmissionStore.write(connection, id, submission));
    }
    return chain;
  }

  /** The newest low-volume row of a clinician (npi "" for the group) for a year, as JSON. */
  public Future<Optional<JsonObject>> lowVolume(String tin, String npi, int year) {
    return pool.preparedQuery("select allowed_charges, beneficiaries, covered_services, status, explanation, source,"
            + " claims_batch_id, computed_at::text from low_volume where tin = $1 and npi = $2 and performance_year = $3"
            + " order by computed_at desc, id desc limit 1") // "newest" as scoring reads it (EntityScoreStore.load)
        .execute(Tuple.of(tin, npi, year))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          var row = rows.iterator().next();
          BigDecimal charges = row.getBigDecimal(0);
          return Optional.of(new JsonObject().put("allowedCharges", charges == null ? null : charges.toPlainString())
              .put("beneficiaries", row.getLong(1)).put("coveredServices", row.getLong(2))
              .put("status", row.getString(3)).put("explanation", row.getString(4)).put("source", row.getString(5))
              .put("claimsBatchId", String.valueOf(row.getUUID(6))).put("computedAt", row.getString(7)));
        });
  }
}

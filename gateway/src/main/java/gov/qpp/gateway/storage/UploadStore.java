package gov.qpp.gateway.storage;

import gov.qpp.validators.eligibility.EligibilityRow;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.qrda1.Qrda1Entry;
import gov.qpp.validators.qrda1.Qrda1Patient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes what an accepted upload brings, each upload in one transaction, so it is stored whole or not at all: a
 * document's submission (its raw bytes and normalised QPP JSON), a claims file's batch with one submission per
 * clinician and group and everyone's low-volume row, a QRDA I batch with its patients' records, an eligibility file's
 * rows. A batch is recognised when its submitter sends the same file again.
 */
public final class UploadStore {

  /**
   * One submission to store: the document as received (for a computed set, its QPP JSON) and, for a document, its
   * SHA-256 (null for a computed set), the normalised submission as QPP JSON (read back through StoredSubmissions),
   * and its warnings as answered.
   */
  public record NewSubmission(String submitter, String format, String contentType, byte[] document, String sha256,
      Submission submission, JsonObject normalised, JsonArray warnings) {
  }

  /** A claims file: who sent which file (by hash), for which year, what reading it came to. */
  public record ClaimsBatch(String submitter, String format, String sha256, long byteSize, int performanceYear,
      JsonObject counts, JsonArray problems) {
  }

  /** QRDA I documents: who sent which document or zip (by hash), and what it came to. */
  public record Qrda1Batch(String submitter, String format, String sha256, long byteSize, JsonObject counts,
      JsonObject patientsPerMeasure, JsonObject results, JsonArray problems) {
  }

  /** What was stored: the batch (null for a single document) and each submission's id, in the order given. */
  public record Stored(UUID batchId, List<UUID> submissionIds) {
  }

  /** What a submitter may send twice, and where each keeps its hash, unique per submitter. */
  public enum Kind {
    DOCUMENT("submission"), CLAIMS("claims_batch"), QRDA1("qrda1_batch"), ELIGIBILITY("eligibility_file");

    private final String table;

    Kind(String table) {
      this.table = table;
    }
  }

  private final Pool pool;

  public UploadStore(Pool pool) {
    this.pool = pool;
  }

  /** The submission or batch this submitter already sent with these bytes, if any. */
  public Future<Optional<UUID>> existing(Kind kind, String submitter, String sha256) {
    return pool.preparedQuery("select id from " + kind.table + " where submitter = $1 and sha256 = $2")
        .execute(Tuple.of(submitter, sha256))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<Stored> submission(NewSubmission item) {
    UUID id = UUID.randomUUID();
    return pool.withTransaction(connection -> write(connection, id, item)).map(new Stored(null, List.of(id)));
  }

  /**
   * Writes a submission and rolls it back: nothing is stored, but the statements are prepared and their code paths
   * run once, so the first client's submission after start does not pay for that.
   */
  public Future<Void> rehearse(NewSubmission item) {
    return pool.withConnection(connection -> connection.begin().compose(transaction ->
        write(connection, UUID.randomUUID(), item).eventually(transaction::rollback)));
  }

  public Future<Stored> claims(ClaimsBatch batch, List<NewSubmission> submissions,
      List<LowVolumeStore.Row> lowVolume) {
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
        .compose(done -> LowVolumeStore.insert(connection, "claims", batchId, lowVolume)))
        .map(done -> new Stored(batchId, List.copyOf(ids)));
  }

  public Future<Stored> qrda1(Qrda1Batch batch, List<Qrda1Patient> patients) {
    UUID id = UUID.randomUUID();
    List<Tuple> records = new ArrayList<>(patients.size());
    for (Qrda1Patient patient : patients) {
      records.add(Tuple.tuple().addUUID(id).addString(patient.documentName()).addString(patient.tin())
          .addString(patient.npi()).addInteger(patient.performanceYear()).addString(patient.programName())
          .addString(patient.patientId()).addLocalDate(patient.birthDate()).addString(patient.sex())
          .addValue(new JsonArray(patient.measureIds())).addValue(entries(patient.entries())));
    }
    return pool.withTransaction(connection -> connection.preparedQuery("insert into qrda1_batch (id, submitter,"
            + " format, sha256, byte_size, counts, patients_per_measure, results, problems)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .execute(Tuple.tuple().addUUID(id).addString(batch.submitter()).addString(batch.format())
            .addString(batch.sha256()).addLong(batch.byteSize()).addValue(batch.counts())
            .addValue(batch.patientsPerMeasure()).addValue(batch.results()).addValue(batch.problems()))
        .compose(done -> records.isEmpty() ? Future.succeededFuture() : connection.preparedQuery("insert into"
                + " patient_record (batch_id, document_name, tin, npi, performance_year, program_name, patient_id,"
                + " birth_date, sex, measure_ids, entries) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
            .executeBatch(records).mapEmpty()))
        .map(new Stored(id, List.of()));
  }

  /** An eligibility file (who sent which, by hash) with its rows, and the low-volume rows of the volumes they give. */
  public Future<Stored> eligibility(String submitter, String sha256, long byteSize, List<EligibilityRow> rows,
      List<LowVolumeStore.Row> lowVolume) {
    UUID fileId = UUID.randomUUID();
    List<Tuple> eligibility = new ArrayList<>(rows.size());
    for (EligibilityRow row : rows) {
      JsonArray cost = new JsonArray();
      row.cost().forEach(c -> cost.add(new JsonObject().put("measureId", c.measureId()).put("value", c.value())
          .put("cases", c.cases())));
      var apm = row.apm();
      eligibility.add(Tuple.tuple().addString(row.tin()).addString(row.npi() == null ? "" : row.npi())
          .addInteger(row.performanceYear()).addString(submitter).addBoolean(row.smallPractice())
          .addBoolean(row.rural()).addBoolean(row.hpsa()).addBoolean(row.nonPatientFacing())
          .addDouble(row.complexPatientBonus()).addBoolean(row.lowVolumeOptIn())
          .addString(apm == null ? null : apm.entityId()).addBoolean(apm != null && apm.advanced())
          .addValue(apm == null ? null : apm.paymentPercent()).addValue(apm == null ? null : apm.patientPercent())
          .addValue(cost).addUUID(fileId));
    }
    return pool.withTransaction(connection -> connection.preparedQuery("insert into eligibility_file (id, submitter,"
            + " sha256, byte_size, row_count) values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(fileId, submitter, sha256, byteSize, rows.size()))
        .compose(file -> connection.preparedQuery("insert into eligibility (tin, npi, performance_year, submitter,"
            + " small_practice, rural, hpsa, non_patient_facing, complex_patient_bonus, low_volume_opt_in,"
            + " apm_entity_id, advanced_apm, qp_payment_percent, qp_patient_percent, cost, file_id)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
            .executeBatch(eligibility))
        .compose(done -> LowVolumeStore.insert(connection, "eligibility file", null, lowVolume)))
        .map(new Stored(fileId, List.of()));
  }

  private static Future<Void> write(SqlConnection connection, UUID id, NewSubmission item) {
    Submission submission = item.submission();
    Tuple row = Tuple.tuple()
        .addUUID(id).addString(item.submitter()).addString(item.format()).addString(item.contentType())
        .addString(submission.entityType().apiName())
        .addString(submission.tin() == null ? null : submission.tin().value())
        .addString(submission.npi() == null ? null : submission.npi().value())
        .addString(submission.entityId())
        .addInteger(submission.performanceYear())
        .addBuffer(Buffer.buffer(item.document()))
        .addValue(item.normalised())
        .addValue(item.warnings())
        .addString(item.sha256());
    return connection.preparedQuery("insert into submission (id, submitter,"
            + " format, content_type, entity_type, tin, npi, entity_id, performance_year, document, normalised,"
            + " warnings, sha256) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
        .execute(row)
        .compose(done -> ScoringTasks.enqueue(connection, id, submission));
  }

  /** One after the other on the transaction's connection (a connection runs one statement at a time anyway). */
  private static Future<Void> writeAll(SqlConnection connection, List<UUID> ids, List<NewSubmission> submissions) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < submissions.size(); i++) {
      UUID id = ids.get(i);
      NewSubmission submission = submissions.get(i);
      chain = chain.compose(done -> write(connection, id, submission));
    }
    return chain;
  }

  private static JsonArray entries(List<Qrda1Entry> entries) {
    JsonArray array = new JsonArray();
    for (Qrda1Entry entry : entries) {
      array.add(new JsonObject().put("datatype", entry.datatype()).put("code", entry.code())
          .put("codeSystem", entry.codeSystem())
          .put("start", entry.start() == null ? null : entry.start().toString())
          .put("end", entry.end() == null ? null : entry.end().toString())
          .put("valueCode", entry.valueCode()).put("valueCodeSystem", entry.valueCodeSystem())
          .put("valueQuantity", entry.valueQuantity()).put("unit", entry.unit()));
    }
    return array;
  }
}

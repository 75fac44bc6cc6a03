package gov.qpp.gateway.storage;

import gov.qpp.validators.qrda1.Qrda1Entry;
import gov.qpp.validators.qrda1.Qrda1Patient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores a QRDA I batch and its patients' records in one transaction: all of them or nothing. */
public final class Qrda1Store {

  /** The batch row: who sent which document or zip (by hash), and what it came to. */
  public record NewBatch(String submitter, String format, String sha256, long byteSize, JsonObject counts,
      JsonObject patientsPerMeasure, JsonObject results, JsonArray problems) {
  }

  private final Pool pool;

  public Qrda1Store(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<UUID>> existing(String submitter, String sha256) {
    return pool.preparedQuery("select id from qrda1_batch where submitter = $1 and sha256 = $2")
        .execute(Tuple.of(submitter, sha256))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<UUID> insert(NewBatch batch, List<Qrda1Patient> patients) {
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
        .map(id);
  }

  /** How many patient records a batch stored (for tests and operators). */
  public Future<Long> patientCount(UUID batchId) {
    return pool.preparedQuery("select count(*) from patient_record where batch_id = $1").execute(Tuple.of(batchId))
        .map(rows -> rows.iterator().next().getLong(0));
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

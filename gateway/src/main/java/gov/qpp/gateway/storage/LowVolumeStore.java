package gov.qpp.gateway.storage;

import gov.qpp.scoring.LowVolume;
import gov.qpp.validators.model.PartBVolume;
import io.vertx.core.Future;
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
 * {@code low_volume}: each clinician's (npi '' for a group) Part B volume per year and the status it gives, from
 * whichever source determined it (a claims batch, an eligibility file), history kept; the newest row is current.
 */
public final class LowVolumeStore {

  /** One row to write; status null when it could not be determined. */
  public record Row(String tin, String npi, int performanceYear, BigDecimal allowedCharges, long beneficiaries,
      long coveredServices, String status, String explanation) {
  }

  private final Pool pool;

  public LowVolumeStore(Pool pool) {
    this.pool = pool;
  }

  /** The rows of these volumes, each with its status against its year's thresholds. */
  public static List<Row> rows(List<PartBVolume> volumes) {
    List<Row> rows = new ArrayList<>(volumes.size());
    for (PartBVolume volume : volumes) {
      LowVolume.Stored stored = volume.allowedCharges() == null
          ? new LowVolume.Stored(null, "not determined: no claim line carried an allowed amount or charge")
          : LowVolume.stored(volume.performanceYear(), new LowVolume.Volume(volume.allowedCharges(),
              volume.beneficiaries(), volume.coveredServices()));
      rows.add(new Row(volume.tin(), volume.npi(), volume.performanceYear(), volume.allowedCharges(),
          volume.beneficiaries(), volume.coveredServices(), stored.status(), stored.explanation()));
    }
    return rows;
  }

  /** @param batchId the claims batch the rows come from, null for another source */
  static Future<Void> insert(SqlConnection connection, String source, UUID batchId, List<Row> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> tuples = new ArrayList<>(rows.size());
    for (Row row : rows) {
      tuples.add(Tuple.tuple().addString(row.tin()).addString(row.npi()).addInteger(row.performanceYear())
          .addString(source)
          .addUUID(batchId).addValue(row.allowedCharges()).addLong(row.beneficiaries())
          .addLong(row.coveredServices()).addString(row.status()).addString(row.explanation()));
    }
    return connection.preparedQuery("insert into low_volume (tin, npi, performance_year, source, claims_batch_id,"
            + " allowed_charges, beneficiaries, covered_services, status, explanation)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .executeBatch(tuples).mapEmpty();
  }

  /** The newest row of a clinician (npi "" for the group) for a year, as JSON. */
  public Future<Optional<JsonObject>> newest(String tin, String npi, int year) {
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

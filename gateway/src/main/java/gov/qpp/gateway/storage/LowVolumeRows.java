package gov.qpp.gateway.storage;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes {@code low_volume} rows, from whichever source determined them (a claims batch, an eligibility file). */
public final class LowVolumeRows {

  /** One clinician's (npi "" for a group) Part B volume in a year and the status it gives (null: not determined). */
  public record Row(String tin, String npi, int performanceYear, BigDecimal allowedCharges, long beneficiaries,
      long coveredServices, String status, String explanation) {
  }

  private LowVolumeRows() {
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
}

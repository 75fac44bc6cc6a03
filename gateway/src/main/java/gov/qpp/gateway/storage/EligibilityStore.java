package gov.qpp.gateway.storage;

import gov.qpp.validators.eligibility.EligibilityRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Supplied eligibility rows, history kept; a row's Part B volume also becomes a low-volume row of its own. */
public final class EligibilityStore {

  private final Pool pool;

  public EligibilityStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores every row in one transaction, with the low-volume rows the caller made of the volumes they give. */
  public Future<Void> insert(String submitter, List<EligibilityRow> rows, List<LowVolumeRows.Row> lowVolume) {
    List<Tuple> eligibility = new ArrayList<>(rows.size());
    for (EligibilityRow row : rows) {
      String npi = row.npi() == null ? "" : row.npi();
      JsonArray cost = new JsonArray();
      row.cost().forEach(c -> cost.add(new JsonObject().put("measureId", c.measureId()).put("value", c.value())
          .put("cases", c.cases())));
      var apm = row.apm();
      eligibility.add(Tuple.tuple().addString(row.tin()).addString(npi).addInteger(row.performanceYear())
          .addString(submitter).addBoolean(row.smallPractice()).addBoolean(row.rural()).addBoolean(row.hpsa())
          .addBoolean(row.nonPatientFacing()).addDouble(row.complexPatientBonus()).addBoolean(row.lowVolumeOptIn())
          .addString(apm == null ? null : apm.entityId()).addBoolean(apm != null && apm.advanced())
          .addValue(apm == null ? null : apm.paymentPercent()).addValue(apm == null ? null : apm.patientPercent())
          .addValue(cost));
    }
    return pool.withTransaction(connection -> connection.preparedQuery("insert into eligibility (tin, npi,"
            + " performance_year, submitter, small_practice, rural, hpsa, non_patient_facing, complex_patient_bonus,"
            + " low_volume_opt_in, apm_entity_id, advanced_apm, qp_payment_percent, qp_patient_percent, cost)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)").executeBatch(eligibility)
        .compose(done -> LowVolumeRows.insert(connection, "eligibility file", null, lowVolume)))
        .mapEmpty();
  }

}

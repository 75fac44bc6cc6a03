package gov.qpp.scoring;

/**
 * One cost measure's result for one clinician or group, derived from claims or supplied.
 *
 * @param value the measure score in dollars: the average risk-adjusted cost per episode (MSPB, episode-based
 *     measures) or per beneficiary (TPCC)
 * @param cases the attributed episodes (or beneficiaries) behind it, compared with the measure's case minimum
 */
public record CostMeasureValue(String measureId, double value, int cases) {

  public CostMeasureValue {
    if (measureId == null || measureId.isBlank()) {
      throw new IllegalArgumentException("a cost measure value needs a measure id");
    }
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(measureId + ": cost must be a finite amount ≥ 0, got " + value);
    }
    if (cases < 0) {
      throw new IllegalArgumentException(measureId + ": cases must be ≥ 0, got " + cases);
    }
  }
}

package gov.qpp.scoring;

import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of one ACI or PI measurement set by measure id, in submission order, and the questions both scorers
 * ask of them: was a measure answered Yes, was it answered at all, did a proportion meet its numerator.
 */
final class ReportedMeasures {

  private final Map<String, MeasureValue> byId = new LinkedHashMap<>();

  ReportedMeasures(MeasurementSet set) {
    for (Measurement measurement : set.measurements()) {
      byId.put(measurement.measureId(), measurement.value());
    }
  }

  /** The reported ids, in submission order (so messages and parts never depend on hashing). */
  Set<String> ids() {
    return byId.keySet();
  }

  MeasureValue get(String measureId) {
    return byId.get(measureId);
  }

  boolean yes(String measureId) {
    return byId.get(measureId) instanceof MeasureValue.BooleanValue answer && answer.value();
  }

  /** Answered Yes or No: for an attestation where either answer satisfies the requirement. */
  boolean answered(String measureId) {
    return byId.get(measureId) instanceof MeasureValue.BooleanValue;
  }

  /** Yes, or a proportion with a numerator of at least 1: the measure was performed. */
  boolean performed(String measureId) {
    return yes(measureId) || byId.get(measureId) instanceof MeasureValue.Proportion p && p.numerator() >= 1;
  }

  /** True when the set names a period shorter than the year's minimum (a set without dates is not refused). */
  static boolean periodShorterThan(MeasurementSet set, int minimumDays) {
    return set.performanceStart() != null && set.performanceEnd() != null
        && ChronoUnit.DAYS.between(set.performanceStart(), set.performanceEnd()) + 1 < minimumDays;
  }
}

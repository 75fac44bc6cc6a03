package gov.qpp.validators.rules;

/** One rule over a measurement whose measure exists in the catalog and fits its set's category. */
public interface MeasurementRule {
  void check(MeasurementCheck check);
}

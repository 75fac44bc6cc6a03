package gov.qpp.validators.rules;

import gov.qpp.validators.problems.ProblemCode;

/** The value's shape matches the catalog's metricType for the measure. */
final class ValueTypeRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    String metricType = check.measure().metricType();
    var value = check.measurement().value();
    if (!value.metricTypes().contains(metricType)) {
      check.report(ProblemCode.MEASURE_VALUE_TYPE_MISMATCH, "value", "the catalog's metricType is '" + metricType
          + "' but the value has the shape of " + value.metricTypes().get(0));
    }
  }
}

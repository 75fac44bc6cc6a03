package gov.qpp.validators.rules;

import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;

/** QCDR (registry*PerformanceRate) measures need a performanceRate; any performanceRate is 0-100 (12/29/21). */
final class PerformanceRateRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    MeasureValue value = check.measurement().value();
    Double rate;
    if (value instanceof MeasureValue.SinglePerformanceRate single) {
      rate = single.performanceRate();
    } else if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      rate = multi.performanceRate();
    } else {
      return;
    }
    if (rate == null) {
      if (check.measure().metricType().startsWith("registry")) {
        check.report(ProblemCode.PERFORMANCE_RATE_REQUIRED, "value.performanceRate", "metric type "
            + check.measure().metricType() + " needs performanceRate (0-100), computed by the registry");
      }
    } else if (rate < 0 || rate > 100) {
      check.report(ProblemCode.PERFORMANCE_RATE_OUT_OF_RANGE, "value.performanceRate", "performanceRate " + rate
          + " is outside 0-100");
    }
  }
}

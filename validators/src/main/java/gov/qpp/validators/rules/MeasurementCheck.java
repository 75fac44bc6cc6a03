package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;

/** One measurement with the catalog measure it resolved to, and how to report a problem at it. */
public record MeasurementCheck(RuleContext context, MeasurementSet set, int setIndex, Measurement measurement,
    int index, Measure measure) {

  public Location location(String field) {
    return context.locator().measurement(setIndex, index, field);
  }

  public void report(ProblemCode code, String field, String message) {
    context.report(code, location(field), "measure " + measurement.measureId() + ": " + message);
  }
}

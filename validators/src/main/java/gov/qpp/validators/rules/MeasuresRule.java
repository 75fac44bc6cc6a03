package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every measurement's measureId in the year's catalog (it must exist, belong to the set's category and
 * appear once per set), then runs the measurement rules on those that resolved.
 */
final class MeasuresRule implements SubmissionRule {

  private final List<MeasurementRule> measurementRules;

  MeasuresRule(List<MeasurementRule> measurementRules) {
    this.measurementRules = List.copyOf(measurementRules);
  }

  @Override
  public void check(RuleContext context) {
    var sets = context.submission().measurementSets();
    for (int s = 0; s < sets.size(); s++) {
      MeasurementSet set = sets.get(s);
      if (set.measurements().isEmpty()) {
        context.report(ProblemCode.MEASUREMENT_SET_EMPTY, context.locator().set(s, "measurements"),
            "the " + set.category().apiName() + " measurement set has no measurements");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int m = 0; m < set.measurements().size(); m++) {
        Measurement measurement = set.measurements().get(m);
        String id = measurement.measureId();
        Integer first = seen.putIfAbsent(id, m);
        if (first != null) {
          context.report(ProblemCode.DUPLICATE_MEASURE, context.locator().measurement(s, m, "measureId"),
              "measure " + id + " is already reported at " + context.locator().measurement(s, first, null)
                  + "; report each measure once per measurement set");
          continue;
        }
        Optional<Measure> measure = resolve(context, set, s, measurement, m);
        if (measure.isPresent()) {
          MeasurementCheck check = new MeasurementCheck(context, set, s, measurement, m, measure.get());
          measurementRules.forEach(rule -> rule.check(check));
        }
      }
    }
  }

  private static Optional<Measure> resolve(RuleContext context, MeasurementSet set, int s, Measurement measurement,
      int m) {
    String id = measurement.measureId();
    Optional<Measure> found = context.catalog().measure(id);
    Location location = context.locator().measurement(s, m, "measureId");
    if (found.isEmpty()) {
      context.report(ProblemCode.MEASURE_UNKNOWN, location, "measure " + id + " does not exist in the "
          + context.catalog().year() + " measure catalog (qpp-measures-data) for performance year "
          + context.submission().performanceYear());
      return Optional.empty();
    }
    Measure measure = found.get();
    if (!sameCategory(measure.category(), set.category())) {
      context.report(ProblemCode.MEASURE_CATEGORY_MISMATCH, location, "measure " + id + " is a "
          + measure.category() + " measure and cannot be reported in a " + set.category().apiName()
          + " measurement set");
      return Optional.empty();
    }
    return found;
  }

  /** PI and ACI are one category under two names, so either spelling matches either catalog year. */
  private static boolean sameCategory(String measureCategory, Category setCategory) {
    if (setCategory.isInteroperability()) {
      return measureCategory.equals("pi") || measureCategory.equals("aci");
    }
    return measureCategory.equals(setCategory.apiName());
  }
}

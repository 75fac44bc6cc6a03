package gov.qpp.validators.fhir;

import gov.qpp.validators.problems.Location;
import gov.qpp.validators.rules.Locator;
import java.util.List;

/**
 * Locations for the format-independent rules: the measurement set is the first MeasureReport (its period and
 * reporter), each measurement the (first) report of its measure. QPP field names are kept in brackets.
 */
final class FhirLocator implements Locator {

  private final String firstReport;
  private final List<String> measurementPaths;

  FhirLocator(String firstReport, List<String> measurementPaths) {
    this.firstReport = firstReport;
    this.measurementPaths = List.copyOf(measurementPaths);
  }

  @Override
  public Location set(int setIndex, String field) {
    return Location.of(firstReport).withField(field);
  }

  @Override
  public Location measurement(int setIndex, int measurementIndex, String field) {
    String path = measurementIndex < measurementPaths.size() ? measurementPaths.get(measurementIndex) : firstReport;
    return field == null || field.isEmpty() ? Location.of(path) : Location.of(path).withField(field);
  }
}

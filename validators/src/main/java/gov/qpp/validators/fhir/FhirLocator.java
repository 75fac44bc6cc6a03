package gov.qpp.validators.fhir;

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
  public String set(int setIndex, String field) {
    return firstReport + " [" + field + "]";
  }

  @Override
  public String measurement(int setIndex, int measurementIndex, String field) {
    String path = measurementIndex < measurementPaths.size() ? measurementPaths.get(measurementIndex) : firstReport;
    return field == null || field.isEmpty() ? path : path + " [" + field + "]";
  }
}

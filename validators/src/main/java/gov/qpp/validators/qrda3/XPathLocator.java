package gov.qpp.validators.qrda3;

import gov.qpp.validators.problems.Location;
import gov.qpp.validators.rules.Locator;
import java.util.List;

/** Where the format-independent rules' findings are in the QRDA III document: the XPath of the section or entry. */
record XPathLocator(List<Location> setPaths, List<List<Location>> measurementPaths) implements Locator {

  @Override
  public Location set(int setIndex, String field) {
    return setPaths.get(setIndex);
  }

  @Override
  public Location measurement(int setIndex, int measurementIndex, String field) {
    return measurementPaths.get(setIndex).get(measurementIndex);
  }
}

package gov.qpp.validators.qrda3;

import gov.qpp.validators.rules.Locator;
import java.util.List;

/** Where the format-independent rules' findings are in the QRDA III document: the XPath of the section or entry. */
record XPathLocator(List<String> setPaths, List<List<String>> measurementPaths) implements Locator {

  @Override
  public String set(int setIndex, String field) {
    return setPaths.get(setIndex);
  }

  @Override
  public String measurement(int setIndex, int measurementIndex, String field) {
    return measurementPaths.get(setIndex).get(measurementIndex);
  }
}

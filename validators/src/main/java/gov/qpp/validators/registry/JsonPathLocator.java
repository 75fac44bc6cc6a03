package gov.qpp.validators.registry;

import gov.qpp.validators.rules.Locator;

/** JSON paths into registry JSON, for either of its two document shapes. */
record JsonPathLocator(boolean measurementSetBody) implements Locator {

  @Override
  public String set(int setIndex, String field) {
    String set = measurementSetBody ? "$" : "$.measurementSets[" + setIndex + "]";
    return field == null ? set : set + "." + field;
  }

  @Override
  public String measurement(int setIndex, int measurementIndex, String field) {
    String measurement = set(setIndex, "measurements") + "[" + measurementIndex + "]";
    return field == null ? measurement : measurement + "." + field;
  }
}

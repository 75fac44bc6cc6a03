package gov.qpp.validators.registry;

import gov.qpp.validators.problems.Location;
import gov.qpp.validators.rules.Locator;

/** JSON paths into registry JSON, for either of its two document shapes. */
record JsonPathLocator(boolean measurementSetBody) implements Locator {

  @Override
  public Location set(int setIndex, String field) {
    return Location.of(path(setIndex, field));
  }

  private String path(int setIndex, String field) {
    String set = measurementSetBody ? "$" : "$.measurementSets[" + setIndex + "]";
    return field == null ? set : set + "." + field;
  }

  @Override
  public Location measurement(int setIndex, int measurementIndex, String field) {
    String measurement = path(setIndex, "measurements") + "[" + measurementIndex + "]";
    return Location.of(field == null ? measurement : measurement + "." + field);
  }
}

package gov.qpp.validators.rules;

import gov.qpp.validators.problems.Location;

/**
 * Where a part of the normalised submission came from in the original document, so format-independent rules
 * can report locations in the submitter's terms (a JSON path for registry JSON, an XPath for QRDA).
 */
public interface Locator {
  Location set(int setIndex, String field);

  Location measurement(int setIndex, int measurementIndex, String field);
}

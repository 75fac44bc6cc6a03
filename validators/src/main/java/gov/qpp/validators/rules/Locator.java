package gov.qpp.validators.rules;

/**
 * Where a part of the normalised submission came from in the original document, so format-independent rules
 * can report locations in the submitter's terms (a JSON path for registry JSON, an XPath for QRDA).
 */
public interface Locator {
  String set(int setIndex, String field);

  String measurement(int setIndex, int measurementIndex, String field);
}

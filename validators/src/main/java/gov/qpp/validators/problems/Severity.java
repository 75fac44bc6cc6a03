package gov.qpp.validators.problems;

/** How bad a problem is: errors reject the document, warnings are reported with an accepted one. */
public enum Severity {
  ERROR,
  WARNING
}

package gov.qpp.validators.fhir;

/**
 * Problem locations in FHIR answers are FHIRPath expressions (as OperationOutcome.issue.expression wants), with the
 * line and column appended where the validator knows them: {@code Bundle.entry[0].resource (line 5, column 7)}.
 */
public final class FhirPaths {

  private static final String LINE = " (line ";

  private FhirPaths() {
  }

  static String withLine(String path, int line, int column) {
    return path + LINE + line + ", column " + column + ")";
  }

  /** The path part of a location: what comes before the line and column or a bracketed QPP field name. */
  public static String expression(String location) {
    int at = location.indexOf(' ');
    return at < 0 ? location : location.substring(0, at);
  }
}

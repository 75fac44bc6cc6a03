package gov.qpp.validators.rules;

import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;

/**
 * Reads a TIN or NPI as every format spells it: a well-formed identifier, or null after a problem that says
 * exactly what is wrong with it (shape, leading digit, check digit) at the given location.
 */
public final class IdentifierChecks {

  private IdentifierChecks() {
  }

  public static Tin tin(String text, Location location, Problems problems) {
    if (text == null) {
      return null;
    }
    if (!Tin.isWellFormed(text)) {
      problems.add(ProblemCode.TIN_FORMAT, location, "the TIN must be exactly 9 digits (no dashes), found "
          + text.length() + " characters");
      return null;
    }
    return new Tin(text);
  }

  public static Npi npi(String text, Location location, Problems problems) {
    if (text == null) {
      return null;
    }
    if (!Npi.isWellFormed(text)) {
      problems.add(ProblemCode.NPI_FORMAT, location, "the NPI must be exactly 10 digits, found '"
          + Excerpt.of(text) + "'");
      return null;
    }
    boolean leadingDigitValid = Npi.hasValidLeadingDigit(text);
    if (!Npi.hasValidCheckDigit(text)) {
      problems.add(ProblemCode.NPI_CHECK_DIGIT, location, "NPI " + text + " fails the NPI check digit: its last"
          + " digit should be " + Npi.checkDigitFor(text.substring(0, 9)) + " (Luhn with the 80840 prefix)"
          + (leadingDigitValid ? "" : ", and NPIs start with 1 or 2") + "; check the number for a typing error");
      return null;
    }
    if (!leadingDigitValid) {
      problems.add(ProblemCode.NPI_FORMAT, location, "NPI " + text + " starts with " + text.charAt(0)
          + "; NPIs start with 1 or 2");
      return null;
    }
    return new Npi(text);
  }
}

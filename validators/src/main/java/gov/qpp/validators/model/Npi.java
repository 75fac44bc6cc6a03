package gov.qpp.validators.model;


/**
 * A National Provider Identifier: ten digits, the first 1 or 2, the last a Luhn check digit computed as if the
 * card-issuer prefix 80840 stood in front of the nine payload digits (CMS "Requirements for NPI Check Digit").
 */
public record Npi(String value) {

  /** The Luhn sum that the prefix 80840 contributes (8*2→16→7, 0, 8, 4*2→8, 0 ... = 24). */
  private static final int PREFIX_80840_LUHN_SUM = 24;

  public Npi {
    if (!isWellFormed(value) || !hasValidCheckDigit(value) || !hasValidLeadingDigit(value)) {
      throw new IllegalArgumentException("an NPI is 10 digits starting with 1 or 2 with a valid check digit");
    }
  }

  /** Ten digits; the check digit and the leading digit are checked separately, so each gets its own message. */
  public static boolean isWellFormed(String candidate) {
    return candidate != null && candidate.length() == 10 && Tin.allDigits(candidate);
  }

  /** NPIs are issued starting with 1 or 2. */
  public static boolean hasValidLeadingDigit(String npi) {
    return npi.charAt(0) == '1' || npi.charAt(0) == '2';
  }

  /** Check digit of a well-formed NPI; callers check the shape first. */
  public static boolean hasValidCheckDigit(String npi) {
    return checkDigitFor(npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The check digit for nine payload digits. */
  public static int checkDigitFor(String payload) {
    int sum = PREFIX_80840_LUHN_SUM;
    for (int i = 0; i < 9; i++) {
      int digit = payload.charAt(i) - '0';
      // counted from the right of the payload, the 1st, 3rd, ... digit is doubled (indexes 8, 6, 4, 2, 0)
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}

package gov.qpp.validators.model;


/** A Taxpayer Identification Number: exactly nine digits. */
public record Tin(String value) {

  public Tin {
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a TIN is exactly 9 digits");
    }
  }

  public static boolean isWellFormed(String candidate) {
    return candidate != null && candidate.length() == 9 && allDigits(candidate);
  }

  /** ASCII digits only (checked by hand: claims files check millions of identifiers). */
  static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}

package gov.qpp.validators.model;

import java.util.regex.Pattern;

/** A Taxpayer Identification Number: exactly nine digits. */
public record Tin(String value) {

  private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

  public Tin {
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a TIN is exactly 9 digits");
    }
  }

  public static boolean isWellFormed(String candidate) {
    return candidate != null && NINE_DIGITS.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}

package gov.qpp.load;

import java.util.Random;

/**
 * Random NPIs with a correct check digit. The check digit is computed here with a plain Luhn over
 * {@code 80840 + payload} (CMS "Requirements for NPI Check Digit"), independently of the validators' shortcut,
 * so the tests that compare the two mean something.
 */
public final class NpiGenerator {

  /** The card-issuer prefix CMS puts in front of the nine NPI payload digits before the Luhn sum. */
  static final String HEALTH_PREFIX = "80840";

  private NpiGenerator() {
  }

  /** Ten digits: 1 or 2, eight random digits, the check digit. */
  public static String next(Random random) {
    StringBuilder payload = new StringBuilder(10).append(1 + random.nextInt(2));
    for (int i = 0; i < 8; i++) {
      payload.append(random.nextInt(10));
    }
    return payload.append(checkDigit(payload.toString())).toString();
  }

  /** The NPI check digit for nine payload digits. */
  public static int checkDigit(String payload) {
    return luhnCheckDigit(HEALTH_PREFIX + payload);
  }

  /** The digit that, appended, makes {@code digits} pass Luhn: double every second digit from the right. */
  static int luhnCheckDigit(String digits) {
    int sum = 0;
    boolean doubled = true; // the rightmost given digit sits next to the check digit, so it is doubled
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }
}

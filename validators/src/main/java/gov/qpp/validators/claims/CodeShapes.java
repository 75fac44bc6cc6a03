package gov.qpp.validators.claims;

/**
 * The shapes of the identifiers and codes on a Part B claim, checked by hand because they run for every line of
 * files with millions of lines. Shapes only: whether a code exists is the measure specifications' business.
 */
final class CodeShapes {

  /** Letters CMS never issues in an MBI (they look like digits or each other). */
  private static final String UNISSUED_MBI_LETTERS = "SLOIBZ";

  private CodeShapes() {
  }

  /** CPT (5 digits), CPT II (4 digits + F), CPT III (4 digits + T), HCPCS level II (a letter + 4 digits). */
  static boolean isHcpcs(String code) {
    return code.length() == 5 && allAlphanumeric(code);
  }

  /** Two characters: 25, 8P, GT, 95, ... */
  static boolean isModifier(String modifier) {
    return modifier.length() == 2 && allAlphanumeric(modifier);
  }

  /** Two digits (11 office, 02 telehealth, 23 emergency department, ...). */
  static boolean isPlaceOfService(String pos) {
    return pos.length() == 2 && Character.isDigit(pos.charAt(0)) && Character.isDigit(pos.charAt(1));
  }

  /**
   * ICD-10-CM without its dot: a letter, a digit, an alphanumeric category character, then up to four more
   * (E11.65 is sent as E11.65 or E1165).
   */
  static boolean isIcd10(String dotless) {
    int n = dotless.length();
    if (n < 3 || n > 7 || !isUpperLetter(dotless.charAt(0)) || !Character.isDigit(dotless.charAt(1))) {
      return false;
    }
    return allAlphanumeric(dotless);
  }

  /**
   * A Medicare Beneficiary Identifier by position: 1 digit 1-9, 2 letter, 3 alphanumeric, 4 digit, 5 letter,
   * 6 alphanumeric, 7 digit, 8-9 letters, 10-11 digits.
   */
  static boolean isMbi(String id) {
    if (id.length() != 11 || !allAlphanumeric(id)) {
      return false;
    }
    return id.charAt(0) >= '1' && id.charAt(0) <= '9' && isUpperLetter(id.charAt(1)) && Character.isDigit(id.charAt(3))
        && isUpperLetter(id.charAt(4)) && Character.isDigit(id.charAt(6)) && isUpperLetter(id.charAt(7))
        && isUpperLetter(id.charAt(8)) && Character.isDigit(id.charAt(9)) && Character.isDigit(id.charAt(10));
  }

  /** An MBI-shaped id with a letter CMS does not issue: test data often has them, so it is only worth a warning. */
  static boolean hasUnissuedMbiLetter(String mbi) {
    for (int i = 0; i < mbi.length(); i++) {
      if (UNISSUED_MBI_LETTERS.indexOf(mbi.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** A Health Insurance Claim Number, used before the MBI (claims up to 2019): 9 digits and a 1-2 character suffix. */
  static boolean isHicn(String id) {
    int n = id.length();
    if (n < 10 || n > 11 || !allAlphanumeric(id)) {
      return false;
    }
    for (int i = 0; i < 9; i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return false;
      }
    }
    return isUpperLetter(id.charAt(9));
  }

  private static boolean allAlphanumeric(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || isUpperLetter(c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }
}

package gov.qpp.conformance;

import java.nio.charset.StandardCharsets;

/**
 * Fills the QPP documentation's year placeholder, so one fixture serves any performance year. The quoted form
 * ({@code "performanceYear": "< performanceYearToBeReported >"}) becomes a bare number; the remaining ones, inside
 * dates such as {@code "< performanceYearToBeReported >-01-01"}, become the year's digits.
 */
final class YearPlaceholder {

  static final String TOKEN = "< performanceYearToBeReported >";

  private YearPlaceholder() {
  }

  static boolean appearsIn(byte[] document) {
    return latin1(document).contains(TOKEN);
  }

  static byte[] fill(byte[] document, int year) {
    String text = latin1(document)
        .replace("\"" + TOKEN + "\"", Integer.toString(year))
        .replace(TOKEN, Integer.toString(year));
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ISO-8859-1 maps every byte to one char and back, so the rest of the document (even invalid UTF-8, which a
  // case may test on purpose) survives the replacement byte for byte; the placeholder itself is ASCII.
  private static String latin1(byte[] document) {
    return new String(document, StandardCharsets.ISO_8859_1);
  }
}

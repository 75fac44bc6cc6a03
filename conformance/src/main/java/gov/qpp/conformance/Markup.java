package gov.qpp.conformance;

/**
 * Escaping for the XML and HTML reports. Messages quote documents and gateway answers, so they can hold any
 * character: markup characters become entities and characters XML 1.0 forbids (most control characters, lone
 * surrogates) become U+FFFD, so the report always parses.
 */
final class Markup {

  private Markup() {
  }

  /** For element text and for attribute values in double or single quotes. */
  static String escape(String text) {
    return escape(text, false);
  }

  /** For attribute values whose tabs and line breaks must survive (parsers turn literal ones into spaces). */
  static String escapeAttribute(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepWhitespaceInAttribute) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> {
          if (keepWhitespaceInAttribute) {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

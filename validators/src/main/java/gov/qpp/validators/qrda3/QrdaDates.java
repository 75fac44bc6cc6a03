package gov.qpp.validators.qrda3;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** QRDA timestamps (20250101, 20250101120000+0500, 2025-01-01) to the date the period starts or ends on. */
final class QrdaDates {

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private QrdaDates() {
  }

  /** The date, or null when the value does not start with a yyyyMMdd date. */
  static LocalDate parse(String value) {
    String digits = value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("/", "");
    if (digits.length() < 8) {
      return null;
    }
    try {
      return LocalDate.parse(digits.substring(0, 8), BASIC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

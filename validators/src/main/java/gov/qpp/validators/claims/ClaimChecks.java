package gov.qpp.validators.claims;

import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges one claim as read, whatever its format: every problem is reported with its file line and field, and a
 * claim with any error is rejected whole (a half-read claim could put a patient in a denominator without the
 * quality code that takes them out).
 */
final class ClaimChecks {

  /** CMS-1500 and the 837P carry 12 diagnoses per claim. */
  static final int MAX_DIAGNOSES = 12;
  /** The 837P carries up to 50 service lines; 99 leaves room for split claims joined by the sender. */
  static final int MAX_LINES_PER_CLAIM = 99;
  /** Four modifiers per line on the CMS-1500; C2Q read five from the IDR. */
  static final int MAX_MODIFIERS = 5;
  static final int MAX_CLAIM_ID_LENGTH = 50;
  static final long MAX_UNITS = 9_999;
  /** $9,999,999.99 per line, in cents. */
  static final long MAX_AMOUNT_CENTS = 999_999_999L;
  /** Older than this at the date of service is a typing error, not a patient. */
  static final int MAX_AGE_YEARS = 125;

  private final ClaimFieldNames names;
  private final ClaimsReport report;
  private final List<Problem> found = new ArrayList<>();
  private boolean error;

  private final CodePool pool;

  private ClaimChecks(ClaimFieldNames names, ClaimsReport report, CodePool pool) {
    this.names = names;
    this.report = report;
    this.pool = pool;
  }

  /**
   * The claim if it has no error, else null; its problems, with those the reader already found in it
   * ({@code earlier}: wrong JSON types, rows that disagree), go to the report either way.
   */
  static Claim check(RawClaim raw, List<Problem> earlier, ClaimFieldNames names, ClaimsReport report,
      CodePool pool) {
    ClaimChecks checks = new ClaimChecks(names, report, pool);
    checks.found.addAll(earlier);
    checks.error = earlier.stream().anyMatch(Problem::isError);
    Claim claim = checks.claim(raw);
    checks.found.forEach(report::claimProblem);
    return checks.error ? null : claim;
  }

  private Claim claim(RawClaim raw) {
    long at = raw.firstLine();
    String claimId = required(raw.claimId(), at, "claimId");
    if (claimId != null && (claimId.length() > MAX_CLAIM_ID_LENGTH || claimId.isBlank())) {
      problem(ProblemCode.CLAIM_INVALID_VALUE, at, names.claimField("claimId", 0),
          "a claim id is 1 to " + MAX_CLAIM_ID_LENGTH + " characters");
    }
    String tin = required(raw.tin(), at, "tin");
    if (tin != null && !Tin.isWellFormed(tin)) {
      problem(ProblemCode.CLAIM_INVALID_TIN, at, names.claimField("tin", 0),
          shown(tin) + " is not a TIN: exactly 9 digits");
    }
    String npi = required(raw.npi(), at, "npi");
    if (npi != null) {
      checkNpi(npi, at);
    }
    String beneficiary = required(raw.beneficiaryId(), at, "beneficiaryId");
    if (beneficiary != null) {
      beneficiary = beneficiary.toUpperCase(Locale.ROOT);
      checkBeneficiary(beneficiary, at);
    }
    LocalDate birth = date(raw.birthDate(), at, names.claimField("birthDate", 0), true, true);
    Claim.Sex sex = sex(raw.sex(), at);
    LocalDate from = date(raw.fromDate(), at, names.claimField("fromDate", 0), true);
    LocalDate thru = date(raw.thruDate(), at, names.claimField("thruDate", 0), false);
    if (thru == null) {
      thru = from;
    }
    if (from != null && thru != null && thru.isBefore(from)) {
      problem(ProblemCode.CLAIM_DATES_INCONSISTENT, at, names.claimField("thruDate", 0),
          "the claim ends (" + thru + ") before it begins (" + from + ")");
    }
    if (birth != null && from != null) {
      if (birth.isAfter(from)) {
        problem(ProblemCode.CLAIM_DATES_INCONSISTENT, at, names.claimField("birthDate", 0),
            "the beneficiary is born after the date of service " + from);
      } else if (birth.plusYears(MAX_AGE_YEARS).isBefore(from)) {
        problem(ProblemCode.CLAIM_DATES_INCONSISTENT, at, names.claimField("birthDate", 0),
            "the beneficiary would be over " + MAX_AGE_YEARS + " at the date of service");
      }
    }
    Set<String> diagnoses = diagnoses(raw.diagnoses(), at);
    List<ClaimLine> lines = lines(raw, from, thru);
    return new Claim(claimId, tin, npi, beneficiary, birth, sex, from, thru, diagnoses, lines, at);
  }

  private void checkNpi(String npi, long at) {
    String where = names.claimField("npi", 0);
    if (!Npi.isWellFormed(npi)) {
      problem(ProblemCode.CLAIM_INVALID_NPI, at, where, shown(npi) + " is not an NPI: exactly 10 digits");
    } else if (!Npi.hasValidLeadingDigit(npi)) {
      problem(ProblemCode.CLAIM_INVALID_NPI, at, where, "NPI " + npi + " does not start with 1 or 2");
    } else if (!Npi.hasValidCheckDigit(npi)) {
      problem(ProblemCode.CLAIM_INVALID_NPI, at, where, "NPI " + npi + " fails its check digit (Luhn, prefix 80840)");
    }
  }

  private void checkBeneficiary(String id, long at) {
    String where = names.claimField("beneficiaryId", 0);
    if (CodeShapes.isMbi(id)) {
      if (CodeShapes.hasUnissuedMbiLetter(id) && report.firstUnissuedMbi()) {
        problem(ProblemCode.CLAIM_UNISSUED_MBI_LETTERS, at, where,
            "this MBI uses a letter CMS does not issue (S, L, O, I, B, Z); reported for the first such claim only");
      }
    } else if (!CodeShapes.isHicn(id)) {
      problem(ProblemCode.CLAIM_INVALID_BENEFICIARY_ID, at, where,
          "the beneficiary id is neither an MBI (11 characters: digit, letter, alphanumeric, digit, letter,"
              + " alphanumeric, digit, two letters, two digits) nor a HICN (9 digits and a letter suffix)");
    }
  }

  private Claim.Sex sex(String text, long at) {
    String where = names.claimField("sex", 0);
    if (text == null || text.isEmpty()) {
      problem(ProblemCode.CLAIM_MISSING_FIELD, at, where, "the beneficiary's sex is required (M, F or U)");
      return null;
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "M", "1" -> Claim.Sex.MALE;
      case "F", "2" -> Claim.Sex.FEMALE;
      case "U", "0" -> Claim.Sex.UNKNOWN;
      default -> {
        problem(ProblemCode.CLAIM_INVALID_VALUE, at, where, "sex is M, F or U (or the IDR's 1, 2, 0), not "
            + shown(text));
        yield null;
      }
    };
  }

  private Set<String> diagnoses(List<String> codes, long at) {
    if (codes.size() > MAX_DIAGNOSES) {
      problem(ProblemCode.CLAIM_TOO_MANY_VALUES, at, names.claimField("diagnoses", MAX_DIAGNOSES),
          codes.size() + " diagnoses; a claim carries at most " + MAX_DIAGNOSES);
    }
    Set<String> dotless = new LinkedHashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      if (code == null || code.isEmpty()) {
        continue;
      }
      String normal = code.replace(".", "").toUpperCase(Locale.ROOT);
      if (!CodeShapes.isIcd10(normal) || code.indexOf('.') != code.lastIndexOf('.')) {
        problem(ProblemCode.CLAIM_CODE_SHAPE, at, names.claimField("diagnoses", i),
            shown(code) + " is not an ICD-10-CM code (a letter, a digit, an alphanumeric, then up to 4 more)");
        continue;
      }
      dotless.add(pool.pooled(normal));
    }
    return Set.copyOf(dotless);
  }

  private List<ClaimLine> lines(RawClaim raw, LocalDate from, LocalDate thru) {
    List<RawClaim.RawLine> rawLines = raw.lines();
    if (rawLines.isEmpty()) {
      problem(ProblemCode.CLAIM_MISSING_FIELD, raw.firstLine(), "lines", "a claim needs at least one line");
    } else if (rawLines.size() > MAX_LINES_PER_CLAIM) {
      problem(ProblemCode.CLAIM_TOO_MANY_VALUES, raw.firstLine(), "lines",
          rawLines.size() + " lines; a claim carries at most " + MAX_LINES_PER_CLAIM);
      return List.of();
    }
    List<ClaimLine> lines = new ArrayList<>(rawLines.size());
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < rawLines.size(); i++) {
      RawClaim.RawLine line = rawLines.get(i);
      long at = line.fileLine();
      int number = i + 1;
      if (line.number() != null) {
        Long parsed = wholeNumber(line.number(), at, names.lineField(i, "number", 0), 1, MAX_LINES_PER_CLAIM);
        if (parsed != null) {
          number = parsed.intValue();
        }
      }
      if (!numbers.add(number)) {
        problem(ProblemCode.CLAIM_DUPLICATE_LINE_NUMBER, at, names.lineField(i, "number", 0),
            "line number " + number + " appears twice in claim " + raw.claimId());
      }
      String hcpcs = line.hcpcs() == null ? null : line.hcpcs().toUpperCase(Locale.ROOT);
      if (hcpcs == null || hcpcs.isEmpty()) {
        problem(ProblemCode.CLAIM_MISSING_FIELD, at, names.lineField(i, "hcpcs", 0), "each line needs its HCPCS/CPT"
            + " code");
      } else if (!CodeShapes.isHcpcs(hcpcs)) {
        problem(ProblemCode.CLAIM_CODE_SHAPE, at, names.lineField(i, "hcpcs", 0),
            shown(line.hcpcs()) + " is not a HCPCS/CPT code (5 letters or digits, such as 99213, 1123F, G9902)");
      }
      List<String> modifiers = modifiers(line, i, at);
      String pos = line.placeOfService();
      if (pos == null || pos.isEmpty()) {
        problem(ProblemCode.CLAIM_MISSING_FIELD, at, names.lineField(i, "placeOfService", 0),
            "each line needs its place of service (2 digits, such as 11 for an office)");
      } else if (!CodeShapes.isPlaceOfService(pos)) {
        problem(ProblemCode.CLAIM_CODE_SHAPE, at, names.lineField(i, "placeOfService", 0),
            shown(pos) + " is not a place of service code (2 digits)");
      }
      LocalDate lineFrom = date(line.fromDate(), at, names.lineField(i, "fromDate", 0), false);
      LocalDate lineThru = date(line.thruDate(), at, names.lineField(i, "thruDate", 0), false);
      if (lineFrom != null && from != null && thru != null && (lineFrom.isBefore(from) || lineFrom.isAfter(thru))) {
        problem(ProblemCode.CLAIM_DATES_INCONSISTENT, at, names.lineField(i, "fromDate", 0),
            "the line's date " + lineFrom + " is outside the claim's dates " + from + " to " + thru);
      }
      if (lineFrom != null && lineThru != null && lineThru.isBefore(lineFrom)) {
        problem(ProblemCode.CLAIM_DATES_INCONSISTENT, at, names.lineField(i, "thruDate", 0),
            "the line ends (" + lineThru + ") before it begins (" + lineFrom + ")");
      }
      Long units = line.units() == null ? Long.valueOf(1)
          : wholeNumber(line.units(), at, names.lineField(i, "units", 0), 1, MAX_UNITS);
      Long allowed = line.allowed() != null ? cents(line.allowed(), at, names.lineField(i, "allowed", 0))
          : line.charge() != null ? cents(line.charge(), at, names.lineField(i, "charge", 0)) : null;
      lines.add(new ClaimLine(number, hcpcs == null ? null : pool.pooled(hcpcs), modifiers,
          pos == null ? null : pool.pooled(pos), units == null ? 1 : units,
          allowed == null ? ClaimLine.NO_AMOUNT : allowed));
    }
    return List.copyOf(lines);
  }

  private List<String> modifiers(RawClaim.RawLine line, int index, long at) {
    List<String> given = line.modifiers();
    if (given.size() > MAX_MODIFIERS) {
      problem(ProblemCode.CLAIM_TOO_MANY_VALUES, at, names.lineField(index, "modifiers", MAX_MODIFIERS),
          given.size() + " modifiers; a line carries at most " + MAX_MODIFIERS);
    }
    List<String> modifiers = new ArrayList<>(given.size());
    for (int m = 0; m < given.size(); m++) {
      String modifier = given.get(m);
      if (modifier == null || modifier.isEmpty()) {
        continue;
      }
      modifier = modifier.toUpperCase(Locale.ROOT);
      if (!CodeShapes.isModifier(modifier)) {
        problem(ProblemCode.CLAIM_CODE_SHAPE, at, names.lineField(index, "modifiers", m),
            shown(given.get(m)) + " is not a modifier (2 letters or digits, such as 8P or 95)");
        continue;
      }
      modifiers.add(pool.pooled(modifier));
    }
    return List.copyOf(modifiers);
  }

  private String required(String value, long at, String field) {
    if (value == null || value.isEmpty()) {
      problem(ProblemCode.CLAIM_MISSING_FIELD, at, names.claimField(field, 0), field + " is required");
      return null;
    }
    return value;
  }

  private LocalDate date(String text, long at, String where, boolean required) {
    return date(text, at, where, required, false);
  }

  private LocalDate date(String text, long at, String where, boolean required, boolean personal) {
    if (text == null || text.isEmpty()) {
      if (required) {
        problem(ProblemCode.CLAIM_MISSING_FIELD, at, where, "a date (YYYY-MM-DD) is required");
      }
      return null;
    }
    LocalDate date = isoDate(text);
    if (date == null) {
      // a birth date is not repeated back
      problem(ProblemCode.CLAIM_INVALID_DATE, at, where, (personal ? "the birth date" : shown(text))
          + " is not a calendar date YYYY-MM-DD");
    }
    return date;
  }

  /** YYYY-MM-DD read by hand (the formatter behind LocalDate.parse costs more than the rest of a claim's checks). */
  static LocalDate isoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private Long wholeNumber(String text, long at, String where, long min, long max) {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(ProblemCode.CLAIM_INVALID_VALUE, at, where, shown(text) + " is not a whole number from " + min + " to "
        + max);
    return null;
  }

  private Long cents(String text, long at, String where) {
    if (text.length() > 20 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      problem(ProblemCode.CLAIM_INVALID_VALUE, at, where, "an amount is dollars and cents such as 125.00, at most"
          + " 9999999.99");
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(text);
      if (amount.signum() >= 0 && amount.scale() <= 2) {
        long cents = amount.movePointRight(2).longValueExact();
        if (cents <= MAX_AMOUNT_CENTS) {
          return cents;
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    problem(ProblemCode.CLAIM_INVALID_VALUE, at, where, shown(text) + " is not an amount in dollars and cents from 0"
        + " to 9999999.99");
    return null;
  }

  /**
   * A value quoted back in a message, unless it looks like a beneficiary's id or a date (a shifted CSV column puts
   * the MBI or the birth date into another field): those are not repeated in answers or stored problems.
   */
  static String shown(String value) {
    String upper = value.toUpperCase(java.util.Locale.ROOT);
    if (CodeShapes.isMbi(upper) || CodeShapes.isHicn(upper) || value.matches(".*\\d{4}-\\d{1,2}-\\d{1,2}.*")
        || value.matches("\\d{8}")) {
      return "the value (not repeated: it looks like a beneficiary id or a date)";
    }
    return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
  }

  private void problem(ProblemCode code, long line, String field, String message) {
    Problem problem = Problem.of(code, Location.line(line, field), message);
    error |= problem.isError();
    found.add(problem);
  }
}

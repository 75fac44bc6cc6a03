package gov.qpp.validators.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Claims as CSV ({@code text/csv}): a header row, then one row per claim line; the rows of one claim are adjacent
 * and repeat its claim-level columns (or leave them blank after the first row). Read as a stream of bounded lines,
 * each split by Jackson's CSV parser (quotes and commas as RFC 4180; a value cannot hold a line break).
 */
final class ClaimsCsv {

  /** A row of 30 short columns is a few hundred bytes. */
  static final int MAX_LINE_BYTES = 64 * 1024;
  static final List<String> REQUIRED = List.of("claim_id", "tin", "npi", "mbi", "bene_dob", "bene_sex", "from_date",
      "pos", "hcpcs");
  static final List<String> OPTIONAL = optionalColumns();
  private static final Set<String> BENEFICIARY_COLUMNS = Set.of("mbi", "bene_dob", "bene_sex");
  /** Problems kept per claim: a claim id repeated on millions of disagreeing rows must not fill the heap. */
  static final int MAX_PROBLEMS_PER_CLAIM = 10;
  /** Claim-level columns: every row of a claim must agree on them. */
  private static final List<String> CLAIM_LEVEL = claimLevelColumns();

  /** Each line is read as a one-row document (WRAP_AS_ARRAY: rows of string cells). */
  private static final ObjectReader ROWS = new CsvMapper(CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1_000).build()).build())
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .readerFor(String[][].class);

  private final ClaimsReport report;
  private final ClaimHandler handler;
  private Map<String, Integer> columns;
  /** For each column the format defines (in {@link #allColumns()} order), its position in the row, or -1. */
  private int[] positions;
  private Pending pending;
  /** An unreadable row just read: the claim whose rows follow it is rejected too. */
  private Problem poisonNext;

  ClaimsCsv(ClaimsReport report, ClaimHandler handler) {
    this.report = report;
    this.handler = handler;
  }

  /** The rows of the claim being read, until a row with another claim id comes. */
  private static final class Pending {
    final String claimId;
    final long firstLine;
    final Map<String, String> claimLevel = new HashMap<>();
    final List<RawClaim.RawLine> lines = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    long fileLines;

    Pending(String claimId, long firstLine) {
      this.claimId = claimId;
      this.firstLine = firstLine;
    }
  }

  void read(InputStream in) throws IOException {
    BoundedLines.read(in, MAX_LINE_BYTES, new BoundedLines.Consumer() {
      @Override
      public void line(byte[] bytes, int length, long lineNumber) {
        if (report.fileRefused()) {
          return;
        }
        String[] cells = cells(bytes, length, lineNumber);
        if (columns == null) {
          header(cells, lineNumber);
        } else if (cells != null) {
          row(cells, lineNumber);
        }
      }

      @Override
      public void tooLong(long lineNumber) {
        if (columns == null) {
          report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(lineNumber), "the header row is longer than "
              + MAX_LINE_BYTES + " bytes");
          return;
        }
        unreadableRow(lineNumber, "the row is longer than " + MAX_LINE_BYTES + " bytes");
      }
    });
    if (columns == null && !report.fileRefused()) {
      report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(1), "the file is empty: a CSV claims file starts with"
          + " a header row naming its columns");
    }
    flush();
  }

  private String[] cells(byte[] bytes, int length, long lineNumber) {
    String[] plain = plainAsciiRow(bytes, length);
    if (plain != null) {
      return plain;
    }
    String message;
    try {
      String[][] rows = ROWS.readValue(bytes, 0, length);
      if (rows.length <= 1) {
        return rows.length == 0 ? new String[0] : rows[0];
      }
      message = "it holds a line break (a bare CR, or one inside quotes); a claims CSV row is one line";
    } catch (IOException | RuntimeException e) {
      message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : "it is not CSV";
    }
    if (columns == null) {
      report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(lineNumber), "the header row cannot be read as CSV: "
          + message);
    } else {
      unreadableRow(lineNumber, "the row cannot be read as CSV: " + message);
    }
    return null;
  }

  /**
   * A row that cannot be read may have been a line of the claim before it or of the one after it: both are
   * rejected with it, so that no claim is used half-read.
   */
  private void unreadableRow(long lineNumber, String message) {
    Problem problem = Problem.of(ProblemCode.CLAIM_SYNTAX, Location.line(lineNumber), message
        + "; the claims on either side of it are rejected with it");
    if (pending != null) {
      pending.fileLines++;
      if (pending.problems.size() < MAX_PROBLEMS_PER_CLAIM) {
        pending.problems.add(problem);
      }
    } else {
      report.claimProblem(problem);
      report.rejected(1);
    }
    poisonNext = problem;
  }

  /**
   * The common row, ASCII without quotes, split at its commas directly (Jackson's parser, built per row, costs more
   * than the rest of the row's checks); any other row goes to Jackson, which gives the same cells for this one.
   */
  static String[] plainAsciiRow(byte[] bytes, int length) {
    int commas = 0;
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b < 0x20 && b != '\t' || b == '"') { // also every byte >= 0x80, which is negative as a Java byte
        return null;
      }
      if (b == ',') {
        commas++;
      }
    }
    String[] cells = new String[commas + 1];
    int start = 0;
    int cell = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || bytes[i] == ',') {
        cells[cell++] = new String(bytes, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
        start = i + 1;
      }
    }
    return cells;
  }

  private void header(String[] cells, long lineNumber) {
    if (cells == null) {
      return;
    }
    Map<String, Integer> named = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      String name = cells[i].trim().toLowerCase(Locale.ROOT);
      if (named.put(name, i) != null) {
        report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(lineNumber, name),
            "the column '" + name + "' is named twice in the header");
      }
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        unknown.add(name);
      }
    }
    List<String> missing = REQUIRED.stream().filter(name -> !named.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(lineNumber), "the header lacks the required columns "
          + missing + "; a claims CSV needs " + REQUIRED);
    }
    if (!unknown.isEmpty()) {
      report.fileProblem(ProblemCode.CLAIMS_UNREADABLE, Location.line(lineNumber), "the header has columns the claims CSV"
          + " does not define: " + unknown + "; the optional columns are " + OPTIONAL);
    }
    columns = named;
    List<String> all = List.copyOf(allColumns());
    positions = new int[all.size()];
    for (int k = 0; k < all.size(); k++) {
      positions[k] = named.getOrDefault(all.get(k), -1);
    }
  }

  private void row(String[] cells, long lineNumber) {
    String claimId = cell(cells, "claim_id");
    if (pending != null && !Objects.equals(pending.claimId, claimId)) {
      flush();
    }
    if (pending == null) {
      pending = new Pending(claimId, lineNumber);
      if (poisonNext != null) {
        pending.problems.add(Problem.of(ProblemCode.CLAIM_SYNTAX, Location.line(lineNumber), "claim " + claimId
            + " follows an unreadable row (" + poisonNext.location() + ") that may have been one of its lines"));
        poisonNext = null;
      }
    } else if (poisonNext != null) {
      poisonNext = null; // the unreadable row sat inside this claim, which already carries it
    }
    pending.fileLines++;
    if (cells.length != columns.size() && pending.problems.size() < MAX_PROBLEMS_PER_CLAIM) {
      pending.problems.add(Problem.of(ProblemCode.CLAIM_SYNTAX, Location.line(lineNumber), "the row has " + cells.length
          + " values; the header names " + columns.size() + " columns"));
    }
    for (String column : CLAIM_LEVEL) {
      String value = cell(cells, column);
      if (value == null) {
        continue;
      }
      String first = pending.claimLevel.putIfAbsent(column, value);
      if (first != null && !first.equals(value) && pending.problems.size() < MAX_PROBLEMS_PER_CLAIM) {
        // the beneficiary's id, birth date and sex are not repeated back: answers and stored problems stay free of them
        String values = BENEFICIARY_COLUMNS.contains(column) ? "another value than on an earlier row"
            : "'" + value + "' here and '" + first + "' on an earlier row";
        pending.problems.add(Problem.of(ProblemCode.CLAIM_INCONSISTENT_HEADER, Location.line(lineNumber, column),
            "claim " + claimId + " has " + column + " " + values + "; the rows of one claim must agree"));
      }
    }
    if (pending.lines.size() <= ClaimChecks.MAX_LINES_PER_CLAIM) {
      List<String> modifiers = new ArrayList<>(4);
      for (int m = 1; m <= 4; m++) {
        String modifier = cell(cells, "mod" + m);
        modifiers.add(modifier == null ? "" : modifier);
      }
      pending.lines.add(new RawClaim.RawLine(cell(cells, "line_num"), cell(cells, "hcpcs"), modifiers,
          cell(cells, "pos"), cell(cells, "line_from_date"), cell(cells, "line_thru_date"), cell(cells, "units"),
          cell(cells, "charge"), cell(cells, "allowed"), lineNumber));
    }
  }

  private void flush() {
    if (pending == null) {
      return;
    }
    Map<String, String> level = pending.claimLevel;
    List<String> diagnoses = new ArrayList<>(12);
    for (int d = 1; d <= 12; d++) {
      String code = level.get("dx" + d);
      diagnoses.add(code == null ? "" : code);
    }
    RawClaim raw = new RawClaim(pending.claimId, level.get("tin"), level.get("npi"), level.get("mbi"),
        level.get("bene_dob"), level.get("bene_sex"), level.get("from_date"), level.get("thru_date"), diagnoses,
        pending.lines, pending.firstLine);
    Pending done = pending;
    pending = null;
    handler.claim(raw, done.problems, done.fileLines);
  }

  /** A trimmed cell, null when the column is absent or the cell empty. */
  private String cell(String[] cells, String column) {
    int index = positions[COLUMN_NUMBERS.get(column)];
    if (index < 0 || index >= cells.length) {
      return null;
    }
    String value = cells[index].trim();
    return value.isEmpty() ? null : value;
  }

  private static List<String> optionalColumns() {
    List<String> optional = new ArrayList<>(List.of("line_num", "thru_date", "line_from_date", "line_thru_date",
        "units", "charge", "allowed"));
    for (int m = 1; m <= 4; m++) {
      optional.add("mod" + m);
    }
    for (int d = 1; d <= 12; d++) {
      optional.add("dx" + d);
    }
    return List.copyOf(optional);
  }

  private static List<String> claimLevelColumns() {
    List<String> level = new ArrayList<>(List.of("tin", "npi", "mbi", "bene_dob", "bene_sex", "from_date",
        "thru_date"));
    for (int d = 1; d <= 12; d++) {
      level.add("dx" + d);
    }
    return List.copyOf(level);
  }

  /** Each defined column's number in {@link #allColumns()} order (the names are constants, their hashes cached). */
  private static final Map<String, Integer> COLUMN_NUMBERS = columnNumbers();

  private static Map<String, Integer> columnNumbers() {
    Map<String, Integer> numbers = new HashMap<>();
    for (String column : allColumns()) {
      numbers.put(column, numbers.size());
    }
    return Map.copyOf(numbers);
  }

  /** For the docs and error messages: every column the format defines. */
  static Set<String> allColumns() {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(REQUIRED);
    all.addAll(OPTIONAL);
    return all;
  }
}

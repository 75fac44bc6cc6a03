package gov.qpp.validators.claims;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import gov.qpp.validators.json.GuardedJson;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Claims as JSON Lines ({@code application/x-ndjson}): one claim per line, its lines nested. The file is read as
 * a stream, one line at a time in a bounded buffer, so its size only bounds how long it takes. A line that is not
 * one JSON object is that claim's problem, not the file's: the next line is read as usual.
 */
final class ClaimsJsonLines {

  /** A claim of 99 lines with every field filled is about 20 KB; a line past this is refused unread. */
  static final int MAX_LINE_BYTES = 1 << 20;
  /** Unknown field names reported per file (each once); past this, unknown fields are ignored unreported. */
  static final int MAX_UNKNOWN_FIELDS_REPORTED = 100;
  private static final JsonFactory FACTORY = GuardedJson.factory(6, 1_000, 30);
  private static final Set<String> CLAIM_FIELDS = Set.of("claimId", "tin", "npi", "bene", "fromDate", "thruDate",
      "dx", "lines");
  private static final Set<String> BENE_FIELDS = Set.of("mbi", "dob", "sex");
  private static final Set<String> LINE_FIELDS = Set.of("n", "hcpcs", "mods", "pos", "fromDate", "thruDate", "units",
      "charge", "allowed");

  private final ClaimsReport report;
  private final ClaimHandler handler;
  private final Set<String> unknownReported = new HashSet<>();

  ClaimsJsonLines(ClaimsReport report, ClaimHandler handler) {
    this.report = report;
    this.handler = handler;
  }

  void read(InputStream in) throws IOException {
    BoundedLines.read(in, MAX_LINE_BYTES, new BoundedLines.Consumer() {
      @Override
      public void line(byte[] bytes, int length, long lineNumber) {
        claimLine(bytes, length, lineNumber);
      }

      @Override
      public void tooLong(long lineNumber) {
        report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, Location.line(lineNumber),
            "the line is longer than " + MAX_LINE_BYTES + " bytes; one claim per line"));
        report.rejected(1);
      }
    });
  }

  private void claimLine(byte[] bytes, int end, long lineNumber) {
    List<Problem> problems = new ArrayList<>();
    RawClaim raw;
    try (JsonParser parser = FACTORY.createParser(bytes, 0, end)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, Location.line(lineNumber),
            "each line of a JSON Lines claims file is one JSON object (a claim)"));
        report.rejected(1);
        return;
      }
      raw = claim(parser, lineNumber, problems);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "the line goes on after its claim object ends");
      }
    } catch (IOException | RuntimeException e) {
      Location where = e instanceof JsonProcessingException located && located.getLocation() != null
          ? Location.line(lineNumber, located.getLocation().getColumnNr()) : Location.line(lineNumber);
      String message = e instanceof IOException io ? GuardedJson.problemFor(io).message()
          : "the line cannot be read as a claim";
      report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, where, message));
      report.rejected(1);
      return;
    }
    handler.claim(raw, problems, 1);
  }

  /**
   * Reads one claim object token by token (no tree: a claims file has millions of them). The parser is on the
   * object's START_OBJECT; it is left on its END_OBJECT.
   */
  private RawClaim claim(JsonParser parser, long at, List<Problem> problems) throws IOException {
    String claimId = null;
    String tin = null;
    String npi = null;
    String[] bene = new String[3];
    String fromDate = null;
    String thruDate = null;
    List<String> dx = List.of();
    List<RawClaim.RawLine> lines = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "claimId" -> claimId = text(parser, field, at, problems);
        case "tin" -> tin = text(parser, field, at, problems);
        case "npi" -> npi = text(parser, field, at, problems);
        case "fromDate" -> fromDate = text(parser, field, at, problems);
        case "thruDate" -> thruDate = text(parser, field, at, problems);
        case "dx" -> dx = texts(parser, field, at, problems);
        case "bene" -> bene(parser, bene, at, problems);
        case "lines" -> lines(parser, lines, at, problems);
        default -> unknown(parser, CLAIM_FIELDS, "", field, at, problems);
      }
    }
    return new RawClaim(claimId, tin, npi, bene[0], bene[1], bene[2], fromDate, thruDate, dx, lines, at);
  }

  private void bene(JsonParser parser, String[] bene, long at, List<Problem> problems) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problems.add(typeProblem(at, "bene", "an object {mbi, dob, sex}"));
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "mbi" -> bene[0] = text(parser, "bene.mbi", at, problems);
        case "dob" -> bene[1] = text(parser, "bene.dob", at, problems);
        case "sex" -> bene[2] = text(parser, "bene.sex", at, problems);
        default -> unknown(parser, BENE_FIELDS, "bene.", field, at, problems);
      }
    }
  }

  private void lines(JsonParser parser, List<RawClaim.RawLine> lines, long at, List<Problem> problems)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(typeProblem(at, "lines", "an array of claim lines"));
      parser.skipChildren();
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String prefix = "lines[" + index + "].";
      String[] values = new String[8];
      List<String> mods = List.of();
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(typeProblem(at, "lines[" + index + "]", "an object"));
        parser.skipChildren();
      } else {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          switch (field) {
            case "n" -> values[0] = number(parser, prefix + field, at, problems);
            case "hcpcs" -> values[1] = text(parser, prefix + field, at, problems);
            case "pos" -> values[2] = text(parser, prefix + field, at, problems);
            case "fromDate" -> values[3] = text(parser, prefix + field, at, problems);
            case "thruDate" -> values[4] = text(parser, prefix + field, at, problems);
            case "units" -> values[5] = number(parser, prefix + field, at, problems);
            case "charge" -> values[6] = number(parser, prefix + field, at, problems);
            case "allowed" -> values[7] = number(parser, prefix + field, at, problems);
            case "mods" -> mods = texts(parser, prefix + field, at, problems);
            default -> unknown(parser, LINE_FIELDS, prefix, field, at, problems);
          }
        }
      }
      lines.add(new RawClaim.RawLine(values[0], values[1], mods, values[2], values[3], values[4], values[5],
          values[6], values[7], at));
      index++;
    }
  }

  /** Identifiers, codes and dates are strings: a TIN sent as a number has already lost its leading zeros. */
  private static String text(JsonParser parser, String field, long at, List<Problem> problems) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      problems.add(typeProblem(at, field, "a string"));
      parser.skipChildren();
      return null;
    }
    return parser.getText().trim();
  }

  /** Counts and amounts: a JSON number or a string holding one. */
  private static String number(JsonParser parser, String field, long at, List<Problem> problems)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      // the text as sent: expanding 1e300000000 to a decimal would take the heap (ClaimChecks judges the text)
      return parser.getText();
    }
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText().trim();
    }
    problems.add(typeProblem(at, field, "a number"));
    parser.skipChildren();
    return null;
  }

  private static List<String> texts(JsonParser parser, String field, long at, List<Problem> problems)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(typeProblem(at, field, "an array of strings"));
      parser.skipChildren();
      return List.of();
    }
    List<String> texts = new ArrayList<>(4);
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        problems.add(typeProblem(at, field + "[" + i + "]", "a string"));
        parser.skipChildren();
      } else {
        texts.add(parser.getText().trim());
      }
      i++;
    }
    return texts;
  }

  /** A field the format does not define: skipped, and reported once per file and name. */
  private void unknown(JsonParser parser, Set<String> known, String prefix, String name, long at,
      List<Problem> problems) throws IOException {
    parser.skipChildren();
    if (unknownReported.size() < MAX_UNKNOWN_FIELDS_REPORTED && unknownReported.add(prefix + name)) {
      problems.add(Problem.of(ProblemCode.CLAIM_UNKNOWN_FIELD, Location.line(at, prefix + name),
          "'" + name + "' is not a field of the claims format and is ignored (reported once per file); the"
              + " fields are " + new java.util.TreeSet<>(known))); // sorted: a Set.of's order changes per run
    }
  }

  private static Problem typeProblem(long at, String field, String expected) {
    return Problem.of(ProblemCode.CLAIM_INVALID_VALUE, Location.line(at, field), field + " must be " + expected);
  }
}

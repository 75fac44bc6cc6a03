package gov.qpp.validators.claims;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.json.GuardedJson;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims as JSON Lines ({@code application/x-ndjson}): one claim per line, its lines nested. The file is read as
 * a stream, one line at a time in a bounded buffer, so its size only bounds how long it takes. A line that is not
 * one JSON object is that claim's problem, not the file's: the next line is read as usual.
 */
final class ClaimsJsonLines {

  /** A claim of 99 lines with every field filled is about 20 KB; a line past this is refused unread. */
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final JsonFactory FACTORY = GuardedJson.factory(6, 1_000, 30);
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
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
        report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, "line " + lineNumber,
            "the line is longer than " + MAX_LINE_BYTES + " bytes; one claim per line"));
        report.rejected(1);
      }
    });
  }

  private void claimLine(byte[] bytes, int end, long lineNumber) {
    JsonNode node;
    try {
      node = MAPPER.readTree(FACTORY.createParser(bytes, 0, end));
    } catch (IOException e) {
      String where = "line " + lineNumber;
      if (e instanceof JsonProcessingException located && located.getLocation() != null) {
        where += ", column " + located.getLocation().getColumnNr();
      }
      report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, where, GuardedJson.problemFor(e).message()));
      report.rejected(1);
      return;
    }
    if (node == null || !node.isObject()) {
      report.claimProblem(Problem.of(ProblemCode.CLAIM_SYNTAX, "line " + lineNumber,
          "each line of a JSON Lines claims file is one JSON object (a claim)"));
      report.rejected(1);
      return;
    }
    List<Problem> problems = new ArrayList<>();
    handler.claim(rawClaim(node, lineNumber, problems), problems, 1);
  }

  private RawClaim rawClaim(JsonNode claim, long at, List<Problem> problems) {
    unknownFields(claim, CLAIM_FIELDS, "", at, problems);
    JsonNode bene = claim.path("bene");
    if (!bene.isMissingNode() && !bene.isObject()) {
      problems.add(typeProblem(at, "bene", "an object {mbi, dob, sex}"));
    }
    unknownFields(bene, BENE_FIELDS, "bene.", at, problems);
    List<RawClaim.RawLine> lines = new ArrayList<>();
    JsonNode lineNodes = claim.path("lines");
    if (!lineNodes.isMissingNode() && !lineNodes.isArray()) {
      problems.add(typeProblem(at, "lines", "an array of claim lines"));
    }
    int index = 0;
    for (JsonNode line : lineNodes.isArray() ? lineNodes : List.<JsonNode>of()) {
      String prefix = "lines[" + index + "].";
      if (!line.isObject()) {
        problems.add(typeProblem(at, "lines[" + index + "]", "an object"));
        line = MAPPER.createObjectNode();
      }
      unknownFields(line, LINE_FIELDS, prefix, at, problems);
      lines.add(new RawClaim.RawLine(number(line, "n", prefix, at, problems), text(line, "hcpcs", prefix, at, problems),
          texts(line, "mods", prefix, at, problems), text(line, "pos", prefix, at, problems),
          text(line, "fromDate", prefix, at, problems), text(line, "thruDate", prefix, at, problems),
          number(line, "units", prefix, at, problems), number(line, "charge", prefix, at, problems),
          number(line, "allowed", prefix, at, problems), at));
      index++;
    }
    return new RawClaim(text(claim, "claimId", "", at, problems), text(claim, "tin", "", at, problems),
        text(claim, "npi", "", at, problems), text(bene, "mbi", "bene.", at, problems),
        text(bene, "dob", "bene.", at, problems), text(bene, "sex", "bene.", at, problems),
        text(claim, "fromDate", "", at, problems), text(claim, "thruDate", "", at, problems),
        texts(claim, "dx", "", at, problems), lines, at);
  }

  /** Identifiers, codes and dates are strings: a TIN sent as a number has already lost its leading zeros. */
  private static String text(JsonNode parent, String field, String prefix, long at, List<Problem> problems) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(typeProblem(at, prefix + field, "a string"));
      return null;
    }
    return value.textValue().trim();
  }

  /** Counts and amounts: a JSON number or a string holding one. */
  private static String number(JsonNode parent, String field, String prefix, long at, List<Problem> problems) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.isIntegralNumber() ? value.asText() : value.decimalValue().toPlainString();
    }
    if (value.isTextual()) {
      return value.textValue().trim();
    }
    problems.add(typeProblem(at, prefix + field, "a number"));
    return null;
  }

  private static List<String> texts(JsonNode parent, String field, String prefix, long at, List<Problem> problems) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(typeProblem(at, prefix + field, "an array of strings"));
      return List.of();
    }
    List<String> texts = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        problems.add(typeProblem(at, prefix + field + "[" + i + "]", "a string"));
        continue;
      }
      texts.add(item.textValue().trim());
    }
    return texts;
  }

  /** Each unknown field name is reported once per file, not once per claim. */
  private void unknownFields(JsonNode node, Set<String> known, String prefix, long at, List<Problem> problems) {
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String name = fields.next().getKey();
      if (!known.contains(name) && unknownReported.add(prefix + name)) {
        problems.add(Problem.of(ProblemCode.CLAIM_UNKNOWN_FIELD, "line " + at + ": " + prefix + name,
            "'" + name + "' is not a field of the claims format and is ignored (reported once per file); the"
                + " fields are " + known));
      }
    }
  }

  private static Problem typeProblem(long at, String field, String expected) {
    return Problem.of(ProblemCode.CLAIM_INVALID_VALUE, "line " + at + ": " + field, field + " must be " + expected);
  }
}

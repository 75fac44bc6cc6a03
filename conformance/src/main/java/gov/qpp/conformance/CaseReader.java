package gov.qpp.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Severity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks one manifest case: {@code id}, {@code description}, {@code format} ("registry-json" or "qrda3"),
 * {@code file} (relative to the cases folder), optional {@code performanceYear} (fills the year placeholder) and
 * {@code expect: {outcome: "accepted"|"rejected", codes: [...], score?: {...}}} (see {@link ScoreExpectation}),
 * then reads its document.
 */
final class CaseReader {

  static final Set<String> FORMATS = java.util.Arrays.stream(gov.qpp.validators.intake.Format.values())
      .map(gov.qpp.validators.intake.Format::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> CASE_FIELDS = Set.of("id", "description", "format", "file", "performanceYear",
      "expect");
  private static final Set<String> EXPECT_FIELDS = Set.of("outcome", "codes", "score");
  private static final Set<String> SCORE_FIELDS = Set.of("finalScore", "categories", "measures");
  private static final Set<String> CATEGORY_FIELDS = Set.of("percent", "points");
  private static final Set<String> CATEGORIES = Set.of("quality", "pi", "aci", "ia", "cost");
  /** Ids become JUnit test names and report anchors: keep them to a portable alphabet. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern FILE_CHARS = Pattern.compile("[A-Za-z0-9._/-]+");

  private final String origin;
  private final int position;
  private final JsonNode node;
  private final CaseFiles files;
  private String id;

  CaseReader(String origin, int position, JsonNode node, CaseFiles files) {
    this.origin = origin;
    this.position = position;
    this.node = node;
    this.files = files;
  }

  ConformanceCase read() {
    if (!node.isObject()) {
      throw fail("must be an object");
    }
    id = requiredText(node, "id");
    if (!ID.matcher(id).matches()) {
      throw fail("id '" + id + "' may use only letters, digits, '.', '_' and '-'");
    }
    node.fieldNames().forEachRemaining(field -> {
      if (!CASE_FIELDS.contains(field)) {
        throw fail("unknown field '" + field + "'; a case has " + CASE_FIELDS);
      }
    });
    String description = requiredText(node, "description");
    String format = requiredText(node, "format");
    if (!FORMATS.contains(format)) {
      throw fail("format '" + format + "' is not supported; this runner knows " + FORMATS);
    }
    String file = requiredText(node, "file");
    if (!isInsideCasesFolder(file)) {
      throw fail("file '" + file + "' must be a relative path inside the cases folder (letters, digits, '.', '_',"
          + " '-', '/'; no '..')");
    }
    Integer year = performanceYear();
    Expectation expect = expectation();
    return new ConformanceCase(id, description, format, file, year, expect, document(file, year));
  }

  private Integer performanceYear() {
    JsonNode year = node.get("performanceYear");
    if (year == null || year.isNull()) {
      return null;
    }
    if (!year.isIntegralNumber() || year.asInt() < 1000 || year.asInt() > 9999) {
      throw fail("performanceYear must be a year such as 2022, found " + year);
    }
    return year.asInt();
  }

  private Expectation expectation() {
    JsonNode expect = node.get("expect");
    if (expect == null || !expect.isObject()) {
      throw fail("'expect' must be an object {\"outcome\": \"accepted\"|\"rejected\", \"codes\": [...]}");
    }
    expect.fieldNames().forEachRemaining(field -> {
      if (!EXPECT_FIELDS.contains(field)) {
        throw fail("unknown field 'expect." + field + "'; expect has " + EXPECT_FIELDS);
      }
    });
    String label = requiredText(expect, "outcome");
    Outcome outcome = Outcome.fromLabel(label)
        .orElseThrow(() -> fail("expect.outcome must be \"accepted\" or \"rejected\", found \"" + label + "\""));
    List<String> codes = codes(expect.get("codes"), outcome);
    if (outcome == Outcome.REJECTED && codes.isEmpty()) {
      // Without a code any rejection would pass, including one for a mistake in the fixture itself.
      throw fail("a rejected case must name in expect.codes the problem code(s) it is about");
    }
    JsonNode score = expect.get("score");
    if (score != null && outcome != Outcome.ACCEPTED) {
      throw fail("expect.score is for accepted documents: a rejected one is not scored");
    }
    return new Expectation(outcome, codes, score == null ? null : score(score));
  }

  /** {@code {"finalScore"?, "categories"?: {name: {"percent"?, "points"?}}, "measures"?: {id: points}}}. */
  private ScoreExpectation score(JsonNode score) {
    if (!score.isObject() || score.isEmpty()) {
      throw fail("expect.score must be an object with finalScore, categories and/or measures");
    }
    known(score, SCORE_FIELDS, "expect.score");
    Double finalScore = score.has("finalScore") ? number(score.get("finalScore"), "expect.score.finalScore") : null;
    Map<String, ScoreExpectation.Category> categories = new TreeMap<>();
    JsonNode rawCategories = score.path("categories");
    if (score.has("categories") && !rawCategories.isObject()) {
      throw fail("expect.score.categories must be an object of category name to {percent, points}");
    }
    rawCategories.fields().forEachRemaining(entry -> {
      String where = "expect.score.categories." + entry.getKey();
      if (!CATEGORIES.contains(entry.getKey())) {
        throw fail(where + ": not a category; categories are " + new TreeSet<>(CATEGORIES));
      }
      JsonNode category = entry.getValue();
      if (!category.isObject() || category.isEmpty()) {
        throw fail(where + " must be an object with percent and/or points");
      }
      known(category, CATEGORY_FIELDS, where);
      categories.put(entry.getKey(), new ScoreExpectation.Category(
          category.has("percent") ? number(category.get("percent"), where + ".percent") : null,
          category.has("points") ? number(category.get("points"), where + ".points") : null));
    });
    Map<String, Double> measures = new TreeMap<>();
    JsonNode rawMeasures = score.path("measures");
    if (score.has("measures") && !rawMeasures.isObject()) {
      throw fail("expect.score.measures must be an object of measure id to points");
    }
    rawMeasures.fields().forEachRemaining(entry -> measures.put(entry.getKey(), number(entry.getValue(),
        "expect.score.measures." + entry.getKey())));
    return new ScoreExpectation(finalScore, categories, measures);
  }

  private void known(JsonNode object, Set<String> fields, String where) {
    object.fieldNames().forEachRemaining(field -> {
      if (!fields.contains(field)) {
        throw fail("unknown field '" + where + "." + field + "'; it has " + new TreeSet<>(fields));
      }
    });
  }

  private double number(JsonNode value, String where) {
    if (value == null || !value.isNumber()) {
      throw fail(where + " must be a number, found " + value);
    }
    return value.asDouble();
  }

  private List<String> codes(JsonNode raw, Outcome outcome) {
    if (raw == null || raw.isNull()) {
      return List.of();
    }
    if (!raw.isArray()) {
      throw fail("expect.codes must be an array of problem codes");
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode element : raw) {
      ProblemCode code = problemCode(element);
      if (outcome == Outcome.ACCEPTED && code.severity() == Severity.ERROR) {
        throw fail("expect.codes lists " + code + ", an error, but the outcome is accepted; an accepted document"
            + " can only carry warnings");
      }
      codes.add(code.name());
    }
    return codes;
  }

  private ProblemCode problemCode(JsonNode element) {
    if (!element.isTextual()) {
      throw fail("expect.codes must hold strings, found " + element);
    }
    try {
      return ProblemCode.valueOf(element.asText());
    } catch (IllegalArgumentException e) {
      throw fail("expect.codes: '" + element.asText() + "' is not a problem code (see docs/problem-codes.md)");
    }
  }

  private byte[] document(String file, Integer year) {
    byte[] bytes;
    try {
      bytes = files.read(file);
    } catch (NoSuchFileException e) {
      throw fail("file '" + file + "' not found in " + files.describe());
    } catch (IOException e) {
      throw fail("cannot read file '" + file + "' in " + files.describe() + ": " + e.getMessage());
    }
    boolean hasPlaceholder = YearPlaceholder.appearsIn(bytes);
    if (year == null && hasPlaceholder) {
      throw fail(file + " contains the placeholder " + YearPlaceholder.TOKEN + "; set performanceYear to fill it");
    }
    if (year != null && !hasPlaceholder) {
      throw fail("performanceYear is set but " + file + " has no placeholder " + YearPlaceholder.TOKEN
          + " to fill; remove performanceYear or use the placeholder");
    }
    return year == null ? bytes : YearPlaceholder.fill(bytes, year);
  }

  private static boolean isInsideCasesFolder(String file) {
    if (!FILE_CHARS.matcher(file).matches() || file.startsWith("/")) {
      return false;
    }
    for (String segment : file.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private String requiredText(JsonNode object, String field) {
    JsonNode value = object.get(field);
    String name = object == node ? field : "expect." + field;
    if (value == null || value.isNull()) {
      throw fail("'" + name + "' is required");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw fail("'" + name + "' must be a non-empty string, found " + value);
    }
    return value.asText();
  }

  private ManifestException fail(String message) {
    return new ManifestException(origin + ": case #" + position + (id == null ? "" : " '" + id + "'") + ": "
        + message);
  }
}

package gov.qpp.validators.eligibility;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.json.GuardedJson;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an eligibility file: JSON Lines, one clinician per line (docs/scoring.md gives the fields). Reference data
 * decides who is scored and how, so it is all or nothing: any bad row refuses the file, every problem named by
 * line and field. Unknown fields are errors, because a misspelt {@code smallPractise} must not silently read false.
 */
public final class EligibilityFile {

  /** Rows one upload may hold; larger populations are sent in several files. */
  public static final int MAX_ROWS = 50_000;
  static final int MAX_COST_MEASURES = 50;
  static final int MAX_ID_LENGTH = 64;

  private static final JsonFactory FACTORY = GuardedJson.factory(8, 1_000, 40);
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> FIELDS = Set.of("tin", "npi", "performanceYear", "smallPractice", "rural", "hpsa",
      "nonPatientFacing", "complexPatientBonus", "lowVolumeOptIn", "lowVolume", "apm", "cost");

  /** The rows when {@code problems} has no errors. */
  public record Result(List<EligibilityRow> rows, List<Problem> problems) {
    public boolean accepted() {
      return problems.stream().noneMatch(Problem::isError) && !rows.isEmpty();
    }
  }

  private EligibilityFile() {
  }

  public static Result read(byte[] body) {
    Problems problems = new Problems();
    List<EligibilityRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String text = new String(body, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    long number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isBlank()) {
        continue;
      }
      if (rows.size() >= MAX_ROWS) {
        problems.add(ProblemCode.ELIGIBILITY_UNREADABLE, Location.line(number), "more than " + MAX_ROWS
            + " rows: send the population in several files");
        break;
      }
      EligibilityRow row = row(line, number, problems);
      if (row != null && !seen.add(row.tin() + "|" + row.npi() + "|" + row.performanceYear())) {
        problems.add(ProblemCode.ELIGIBILITY_DUPLICATE_ROW, Location.line(number), "a second row for TIN " + row.tin()
            + (row.npi() == null ? " (group)" : " NPI " + row.npi()) + " in " + row.performanceYear());
      } else if (row != null) {
        rows.add(row);
      }
    }
    if (rows.isEmpty() && !problems.hasErrors()) {
      problems.add(ProblemCode.ELIGIBILITY_UNREADABLE, "$", "the file holds no row");
    }
    return new Result(List.copyOf(rows), problems.list());
  }

  private static EligibilityRow row(String line, long number, Problems problems) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (IOException e) {
      Problem problem = GuardedJson.problemFor(e);
      problems.add(ProblemCode.ELIGIBILITY_UNREADABLE, Location.line(number), "not one JSON object: "
          + problem.message());
      return null;
    }
    if (!(node instanceof ObjectNode object)) {
      problems.add(ProblemCode.ELIGIBILITY_UNREADABLE, Location.line(number), "not a JSON object");
      return null;
    }
    Fields fields = new Fields(object, number, "", problems);
    object.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        problems.add(ProblemCode.ELIGIBILITY_UNKNOWN_FIELD, fields.at(name), "'" + name + "' is not a field of the"
            + " eligibility format");
      }
    });
    int before = problems.list().size();
    String tin = fields.text("tin", true);
    if (tin != null && !Tin.isWellFormed(tin)) {
      fields.invalid("tin", "must be 9 digits");
    }
    String npi = fields.text("npi", false);
    if (npi != null && !(Npi.isWellFormed(npi) && Npi.hasValidLeadingDigit(npi) && Npi.hasValidCheckDigit(npi))) {
      fields.invalid("npi", "must be a valid NPI (10 digits, check digit); leave it out for the group's row");
    }
    Integer year = fields.integer("performanceYear", true, 2017, 2099);
    Double bonus = fields.decimal("complexPatientBonus", 0, 10);
    EligibilityRow.Volume volume = volume(object.get("lowVolume"), fields);
    EligibilityRow.Apm apm = apm(object.get("apm"), fields);
    List<EligibilityRow.Cost> cost = cost(object.get("cost"), fields);
    boolean small = fields.flag("smallPractice");
    boolean rural = fields.flag("rural");
    boolean hpsa = fields.flag("hpsa");
    boolean nonPatientFacing = fields.flag("nonPatientFacing");
    boolean optIn = fields.flag("lowVolumeOptIn");
    if (problems.list().size() > before || tin == null || year == null) {
      return null;
    }
    return new EligibilityRow(number, tin, npi, year, small, rural, hpsa, nonPatientFacing,
        bonus == null ? 0 : bonus, optIn, volume, apm, cost);
  }

  private static EligibilityRow.Volume volume(JsonNode node, Fields parent) {
    if (node == null || node.isNull()) {
      return null;
    }
    Fields fields = parent.child("lowVolume", node, Set.of("allowedCharges", "beneficiaries", "coveredServices"));
    if (fields == null) {
      return null;
    }
    Double charges = fields.decimal("allowedCharges", 0, 1e12);
    Integer beneficiaries = fields.integer("beneficiaries", true, 0, Integer.MAX_VALUE);
    Integer services = fields.integer("coveredServices", true, 0, Integer.MAX_VALUE);
    if (charges == null) {
      fields.missing("allowedCharges");
    }
    return charges == null || beneficiaries == null || services == null ? null
        : new EligibilityRow.Volume(BigDecimal.valueOf(charges), beneficiaries, services);
  }

  private static EligibilityRow.Apm apm(JsonNode node, Fields parent) {
    if (node == null || node.isNull()) {
      return null;
    }
    Fields fields = parent.child("apm", node, Set.of("entityId", "advanced", "paymentPercent", "patientPercent"));
    if (fields == null) {
      return null;
    }
    String entityId = fields.text("entityId", true);
    if (entityId != null && !entityId.matches("[A-Za-z0-9_-]{1," + MAX_ID_LENGTH + "}")) {
      fields.invalid("entityId", "must be 1 to " + MAX_ID_LENGTH + " letters, digits, '-' or '_'");
      entityId = null;
    }
    Double payment = fields.decimal("paymentPercent", 0, 100);
    Double patients = fields.decimal("patientPercent", 0, 100);
    boolean advanced = fields.flag("advanced");
    return entityId == null ? null : new EligibilityRow.Apm(entityId, advanced,
        payment == null ? null : BigDecimal.valueOf(payment), patients == null ? null : BigDecimal.valueOf(patients));
  }

  private static List<EligibilityRow.Cost> cost(JsonNode node, Fields parent) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > MAX_COST_MEASURES) {
      parent.invalid("cost", "must be an array of at most " + MAX_COST_MEASURES + " cost measure values");
      return List.of();
    }
    List<EligibilityRow.Cost> out = new ArrayList<>();
    Set<String> measures = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      Fields fields = parent.child("cost[" + i + "]", node.get(i), Set.of("measureId", "value", "cases"));
      if (fields == null) {
        continue;
      }
      String measureId = fields.text("measureId", true);
      if (measureId != null && !measureId.matches("[A-Za-z0-9_]{1," + MAX_ID_LENGTH + "}")) {
        fields.invalid("measureId", "must be a cost measure id such as COST_TPCC_1");
        measureId = null;
      }
      Double value = fields.decimal("value", 0, 1e9);
      Integer cases = fields.integer("cases", true, 0, Integer.MAX_VALUE);
      if (value == null) {
        fields.missing("value");
      }
      if (measureId != null && !measures.add(measureId)) {
        fields.invalid("measureId", "'" + measureId + "' is given twice");
      } else if (measureId != null && value != null && cases != null) {
        out.add(new EligibilityRow.Cost(measureId, value, cases));
      }
    }
    return List.copyOf(out);
  }

  /** Typed reads of one object's fields, each failure a problem at "line N: path". */
  private record Fields(JsonNode node, long line, String prefix, Problems problems) {

    Location at(String name) {
      return Location.line(line, prefix + name);
    }

    Fields child(String name, JsonNode child, Set<String> allowed) {
      if (!child.isObject()) {
        invalid(name, "must be a JSON object");
        return null;
      }
      Fields fields = new Fields(child, line, prefix + name + ".", problems);
      child.fieldNames().forEachRemaining(field -> {
        if (!allowed.contains(field)) {
          problems.add(ProblemCode.ELIGIBILITY_UNKNOWN_FIELD, fields.at(field), "'" + field + "' is not a field of "
              + name + "; expected " + String.join(", ", allowed.stream().sorted().toList()));
        }
      });
      return fields;
    }

    void invalid(String name, String why) {
      problems.add(ProblemCode.ELIGIBILITY_INVALID_VALUE, at(name), name + " " + why);
    }

    void missing(String name) {
      problems.add(ProblemCode.ELIGIBILITY_MISSING_FIELD, at(name), name + " is required");
    }

    String text(String name, boolean required) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        if (required) {
          missing(name);
        }
        return null;
      }
      if (!value.isTextual()) {
        invalid(name, "must be a string");
        return null;
      }
      return value.textValue();
    }

    Integer integer(String name, boolean required, int min, int max) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        if (required) {
          missing(name);
        }
        return null;
      }
      if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
        invalid(name, "must be a whole number from " + min + " to " + max);
        return null;
      }
      return value.intValue();
    }

    /** An optional number within [min, max]; absent answers null. */
    Double decimal(String name, double min, double max) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < min
          || value.doubleValue() > max) {
        invalid(name, "must be a number from " + fmt(min) + " to " + fmt(max));
        return null;
      }
      return value.doubleValue();
    }

    /** An optional true/false; absent is false. */
    boolean flag(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return false;
      }
      if (!value.isBoolean()) {
        invalid(name, "must be true or false");
        return false;
      }
      return value.booleanValue();
    }

    private static String fmt(double value) {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
          : String.valueOf(value);
    }
  }
}

package gov.qpp.validators.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.json.GuardedJson;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.rules.IdentifierChecks;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads registry JSON, exactly the QPP Submissions API format, into the normalised {@link Submission}: either a
 * submission with embedded {@code measurementSets}, or the {@code POST /measurement-sets} body with an embedded
 * {@code submission}. Every mistake becomes a problem at a JSON path; the submission is returned only when its
 * shape could be read (identifier problems still leave it readable, so catalog rules can report too).
 */
public final class RegistryJsonReader {

  /** Deepest nesting a valid document needs is 6 (submission > sets > set > measurements > value > strata). */
  public static final int MAX_NESTING_DEPTH = 32;
  /** No field of the format is near this long; a longer string is an attack or a mistake. */
  public static final int MAX_STRING_LENGTH = 16 * 1024;
  public static final int MAX_NUMBER_LENGTH = 40;
  public static final int MAX_MEASUREMENT_SETS = 50;
  public static final int MAX_MEASUREMENTS_PER_SET = 1_000;

  private static final Set<String> SUBMISSION_FIELDS = Set.of("entityType", "entityId",
      "taxpayerIdentificationNumber", "nationalProviderIdentifier", "performanceYear", "measurementSets");
  private static final Set<String> SET_FIELDS = Set.of("category", "submissionMethod", "programName",
      "performanceStart", "performanceEnd", "cehrtId", "measureSet", "measurements");
  private static final Set<String> SET_POST_FIELDS = union(SET_FIELDS, Set.of("submission", "submissionId"));
  private static final Set<String> MEASUREMENT_FIELDS = Set.of("measureId", "value");
  /** Server-set fields a client may echo back from a GET; accepted and ignored. */
  private static final Set<String> SERVER_FIELDS = Set.of("id", "createdAt", "updatedAt", "submissionId",
      "measurementSetId", "submitterId", "submitterType", "suppressed", "source", "practiceDetails");

  private static final Set<String> RATE_FIELDS = Set.of("performanceMet", "performanceNotMet", "eligiblePopulation",
      "eligiblePopulationExclusion", "eligiblePopulationException", "numeratorExclusion");
  private static final Set<String> SINGLE_RATE_FIELDS = union(RATE_FIELDS,
      Set.of("isEndToEndReported", "performanceRate"));
  private static final Set<String> STRATUM_FIELDS = union(RATE_FIELDS, Set.of("stratum"));
  private static final Set<String> MULTI_RATE_FIELDS = Set.of("isEndToEndReported", "strata", "performanceRate");
  private static final Set<String> PROPORTION_FIELDS = Set.of("numerator", "denominator");
  private static final Set<String> NON_PROPORTION_FIELDS = Set.of("numerator", "denominator", "isEndToEndReported",
      "numeratorExclusion", "denominatorException", "observationInstances");

  private final ObjectMapper json;
  private final MeasureCatalog catalog;

  public RegistryJsonReader(MeasureCatalog catalog) {
    this.catalog = catalog;
    JsonFactory factory = GuardedJson.factory(MAX_NESTING_DEPTH, MAX_STRING_LENGTH, MAX_NUMBER_LENGTH);
    this.json = new ObjectMapper(factory);
  }

  /** What was read: the submission (null when its shape was unreadable) and every problem found on the way. */
  public record Result(Submission submission, boolean measurementSetBody, Problems problems) {
  }

  public Result read(byte[] document) {
    Problems problems = new Problems();
    JsonNode root = parse(document, problems);
    if (root == null) {
      return new Result(null, false, problems);
    }
    if (!root.isObject()) {
      problems.add(ProblemCode.JSON_WRONG_TYPE, "$", "the document must be a JSON object, found "
          + JsonFields.describe(root));
      return new Result(null, false, problems);
    }
    boolean setBody = root.has("submission") || root.has("category") && !root.has("measurementSets");
    Submission submission = setBody ? readSetBody(root, problems) : readSubmission(root, "$", problems);
    return new Result(submission, setBody, problems);
  }

  private JsonNode parse(byte[] document, Problems problems) {
    try {
      JsonNode root = json.readTree(document);
      if (root == null || root.isMissingNode()) {
        problems.add(ProblemCode.JSON_SYNTAX, "$", "the document is empty; expected a JSON object");
        return null;
      }
      return root;
    } catch (IOException e) {
      problems.add(GuardedJson.problemFor(e));
    }
    return null;
  }

  private Submission readSetBody(JsonNode root, Problems problems) {
    JsonFields fields = new JsonFields(root, "$", problems);
    fields.rejectUnknown(SET_POST_FIELDS, SERVER_FIELDS);
    JsonNode embedded = root.get("submission");
    if (embedded == null || embedded.isNull()) {
      problems.add(ProblemCode.JSON_MISSING_FIELD, "$.submission",
          "'submission' is required in a measurement-set body: the entity and performance year it belongs to");
      return null;
    }
    if (!embedded.isObject()) {
      problems.add(ProblemCode.JSON_WRONG_TYPE, "$.submission", "'submission' must be an object");
      return null;
    }
    Header header = readHeader(new JsonFields(embedded, "$.submission", problems), Set.of(), problems);
    MeasurementSet set = readSet(fields, header.year, problems);
    if (header.entityType == null || header.year == null || set == null) {
      return null;
    }
    return new Submission(header.entityType, header.tin, header.npi, header.entityId, header.year, List.of(set));
  }

  private Submission readSubmission(JsonNode root, String path, Problems problems) {
    JsonFields fields = new JsonFields(root, path, problems);
    Header header = readHeader(fields, SUBMISSION_FIELDS, problems);
    List<MeasurementSet> sets = new ArrayList<>();
    boolean setsReadable = true;
    JsonNode rawSets = fields.raw("measurementSets");
    if (rawSets == null || rawSets.isNull()) {
      problems.add(ProblemCode.JSON_MISSING_FIELD, fields.pathOf("measurementSets"),
          "'measurementSets' is required: an array of the measurement sets this submission reports");
      setsReadable = false;
    } else if (!rawSets.isArray()) {
      problems.add(ProblemCode.JSON_WRONG_TYPE, fields.pathOf("measurementSets"), "'measurementSets' must be an array");
      setsReadable = false;
    } else if (rawSets.size() > MAX_MEASUREMENT_SETS) {
      problems.add(ProblemCode.JSON_INVALID_VALUE, fields.pathOf("measurementSets"),
          "at most " + MAX_MEASUREMENT_SETS + " measurement sets per submission, found " + rawSets.size());
      setsReadable = false;
    } else {
      for (int i = 0; i < rawSets.size(); i++) {
        String setPath = fields.pathOf("measurementSets") + "[" + i + "]";
        JsonNode rawSet = rawSets.get(i);
        if (!rawSet.isObject()) {
          problems.add(ProblemCode.JSON_WRONG_TYPE, setPath, "a measurement set must be an object");
          setsReadable = false;
          continue;
        }
        JsonFields setFields = new JsonFields(rawSet, setPath, problems);
        setFields.rejectUnknown(SET_FIELDS, SERVER_FIELDS);
        MeasurementSet set = readSet(setFields, header.year, problems);
        if (set == null) {
          setsReadable = false;
        } else {
          sets.add(set);
        }
      }
    }
    if (header.entityType == null || header.year == null || !setsReadable) {
      return null;
    }
    return new Submission(header.entityType, header.tin, header.npi, header.entityId, header.year, sets);
  }

  private record Header(EntityType entityType, Tin tin, Npi npi, String entityId, Integer year) {
  }

  /** Entity and year; checks identifiers against the entity type. {@code known} empty means any set-body field. */
  private Header readHeader(JsonFields fields, Set<String> known, Problems problems) {
    fields.rejectUnknown(known.isEmpty() ? Set.of("entityType", "entityId", "taxpayerIdentificationNumber",
        "nationalProviderIdentifier", "performanceYear") : known, SERVER_FIELDS);
    EntityType entityType = null;
    String entityTypeName = fields.text("entityType", true);
    if (entityTypeName != null) {
      entityType = EntityType.fromApiName(entityTypeName).orElse(null);
      if (entityType == null) {
        problems.add(ProblemCode.JSON_INVALID_VALUE, fields.pathOf("entityType"), "entityType '" + entityTypeName
            + "' is not one of individual, group, apm, virtualGroup, subgroup");
      }
    }
    Integer year = fields.integer("performanceYear", true);
    if (year != null && catalog.year(year).isEmpty()) {
      problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, fields.pathOf("performanceYear"), "performance year "
          + year + " has no measure catalog here; loaded years are " + catalog.years());
    }
    String tinText = fields.text("taxpayerIdentificationNumber", false);
    String npiText = fields.text("nationalProviderIdentifier", false);
    String entityId = fields.text("entityId", false);
    Tin tin = IdentifierChecks.tin(tinText, Location.of(fields.pathOf("taxpayerIdentificationNumber")), problems);
    Npi npi = IdentifierChecks.npi(npiText, Location.of(fields.pathOf("nationalProviderIdentifier")), problems);
    if (entityType != null) {
      checkIdentifiers(entityType, tinText, npiText, entityId, fields, problems);
    }
    return new Header(entityType, tin, npi, entityId, year);
  }

  private static void checkIdentifiers(EntityType type, String tin, String npi, String entityId, JsonFields fields,
      Problems problems) {
    String name = type.apiName();
    if (type.identifiedByEntityId()) {
      if (entityId == null || entityId.isBlank()) {
        problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, fields.pathOf("entityId"),
            "entityType '" + name + "' is identified by entityId, which is missing");
      }
      if (npi != null) {
        problems.add(ProblemCode.ENTITY_IDENTIFIER_NOT_ALLOWED, fields.pathOf("nationalProviderIdentifier"),
            "entityType '" + name + "' does not take a nationalProviderIdentifier");
      }
      return;
    }
    if (tin == null) {
      problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, fields.pathOf("taxpayerIdentificationNumber"),
          "entityType '" + name + "' needs a taxpayerIdentificationNumber");
    }
    if (type == EntityType.INDIVIDUAL && npi == null) {
      problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, fields.pathOf("nationalProviderIdentifier"),
          "entityType 'individual' needs a nationalProviderIdentifier");
    }
    if (type == EntityType.GROUP && npi != null) {
      problems.add(ProblemCode.ENTITY_IDENTIFIER_NOT_ALLOWED, fields.pathOf("nationalProviderIdentifier"),
          "entityType 'group' reports for the whole TIN and does not take a nationalProviderIdentifier");
    }
    if (entityId != null) {
      problems.add(ProblemCode.ENTITY_IDENTIFIER_NOT_ALLOWED, fields.pathOf("entityId"),
          "entityType '" + name + "' is identified by TIN" + (type == EntityType.INDIVIDUAL ? " and NPI" : "")
              + ", not by entityId");
    }
  }

  private MeasurementSet readSet(JsonFields fields, Integer year, Problems problems) {
    Category category = null;
    String categoryName = fields.text("category", true);
    if (categoryName != null) {
      category = Category.fromApiName(categoryName).orElse(null);
      if (category == null) {
        problems.add(ProblemCode.JSON_INVALID_VALUE, fields.pathOf("category"), "category '" + categoryName
            + "' is not one of quality, ia, pi (aci before 2019); cost is computed by CMS and never submitted");
      }
    }
    String method = fields.text("submissionMethod", true);
    String program = fields.text("programName", false);
    LocalDate start = date(fields, "performanceStart", problems);
    LocalDate end = date(fields, "performanceEnd", problems);
    String cehrtId = fields.text("cehrtId", false);
    fields.text("measureSet", false);
    Optional<CatalogYear> catalogYear = year == null ? Optional.empty() : catalog.year(year);
    List<Measurement> measurements = readMeasurements(fields, catalogYear, problems);
    if (category == null || method == null || measurements == null) {
      return null;
    }
    return new MeasurementSet(category, method, program, start, end, cehrtId, measurements);
  }

  private static LocalDate date(JsonFields fields, String name, Problems problems) {
    String text = fields.text(name, false);
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      problems.add(ProblemCode.PERIOD_INVALID, fields.pathOf(name),
          "'" + name + "' must be a date (YYYY-MM-DD) or an RFC 3339 timestamp, found '" + Excerpt.of(text) + "'");
      return null;
    }
  }

  private List<Measurement> readMeasurements(JsonFields fields, Optional<CatalogYear> year, Problems problems) {
    JsonNode raw = fields.raw("measurements");
    String path = fields.pathOf("measurements");
    if (raw == null || raw.isNull()) {
      problems.add(ProblemCode.JSON_MISSING_FIELD, path, "'measurements' is required: an array of measurements");
      return null;
    }
    if (!raw.isArray()) {
      problems.add(ProblemCode.JSON_WRONG_TYPE, path, "'measurements' must be an array");
      return null;
    }
    if (raw.size() > MAX_MEASUREMENTS_PER_SET) {
      problems.add(ProblemCode.JSON_INVALID_VALUE, path,
          "at most " + MAX_MEASUREMENTS_PER_SET + " measurements per set, found " + raw.size());
      return null;
    }
    List<Measurement> measurements = new ArrayList<>();
    boolean readable = true;
    for (int i = 0; i < raw.size(); i++) {
      String itemPath = path + "[" + i + "]";
      JsonNode item = raw.get(i);
      if (!item.isObject()) {
        problems.add(ProblemCode.JSON_WRONG_TYPE, itemPath, "a measurement must be an object");
        readable = false;
        continue;
      }
      JsonFields itemFields = new JsonFields(item, itemPath, problems);
      itemFields.rejectUnknown(MEASUREMENT_FIELDS, SERVER_FIELDS);
      String measureId = itemFields.text("measureId", true);
      String metricType = measureId == null ? null
          : year.flatMap(y -> y.measure(measureId)).map(m -> m.metricType()).orElse(null);
      MeasureValue value = new ValueReader(itemFields, problems).read(metricType);
      if (measureId == null || value == null) {
        readable = false;
      } else {
        measurements.add(new Measurement(measureId, value));
      }
    }
    return readable ? measurements : null;
  }


  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Reads one measurement's {@code value} in the shape its keys (or the catalog's metricType) call for. */
  private static final class ValueReader {
    private final JsonFields measurement;
    private final Problems problems;

    ValueReader(JsonFields measurement, Problems problems) {
      this.measurement = measurement;
      this.problems = problems;
    }

    MeasureValue read(String metricType) {
      JsonNode value = measurement.raw("value");
      String path = measurement.pathOf("value");
      if (value == null || value.isNull()) {
        problems.add(ProblemCode.JSON_MISSING_FIELD, path, "'value' is required");
        return null;
      }
      if (value.isBoolean()) {
        return new MeasureValue.BooleanValue(value.booleanValue());
      }
      if (!value.isObject()) {
        problems.add(ProblemCode.JSON_WRONG_TYPE, path,
            "'value' must be true/false or an object of the measure's metric type, found " + JsonFields.describe(value));
        return null;
      }
      JsonFields fields = new JsonFields(value, path, problems);
      if (value.has("strata")) {
        return multiRate(fields);
      }
      if (value.has("performanceMet") || value.has("eligiblePopulation")) {
        return singleRate(fields);
      }
      if (value.has("numerator") || value.has("denominator")) {
        boolean nonProportion = "nonProportion".equals(metricType) || value.has("isEndToEndReported")
            || value.has("observationInstances") || value.has("numeratorExclusion")
            || value.has("denominatorException");
        return nonProportion ? nonProportion(fields) : proportion(fields);
      }
      problems.add(ProblemCode.JSON_INVALID_VALUE, path, "'value' matches no metric type: expected true/false,"
          + " {numerator, denominator}, {performanceMet, eligiblePopulation, ...} or {strata: [...]}");
      return null;
    }

    private MeasureValue proportion(JsonFields fields) {
      fields.rejectUnknown(PROPORTION_FIELDS, Set.of());
      Long numerator = fields.count("numerator", true);
      Long denominator = fields.count("denominator", true);
      return numerator == null || denominator == null ? null : new MeasureValue.Proportion(numerator, denominator);
    }

    private MeasureValue nonProportion(JsonFields fields) {
      fields.rejectUnknown(NON_PROPORTION_FIELDS, Set.of());
      Double numerator = fields.number("numerator", true);
      Double denominator = fields.number("denominator", true);
      Boolean endToEnd = fields.bool("isEndToEndReported", true);
      Double exclusion = fields.number("numeratorExclusion", false);
      Double exception = fields.number("denominatorException", false);
      Long instances = fields.count("observationInstances", false);
      if (numerator == null || denominator == null || endToEnd == null) {
        return null;
      }
      return new MeasureValue.NonProportion(numerator, denominator, endToEnd, exclusion, exception, instances);
    }

    private MeasureValue singleRate(JsonFields fields) {
      fields.rejectUnknown(SINGLE_RATE_FIELDS, Set.of());
      Boolean endToEnd = fields.bool("isEndToEndReported", true);
      MeasureValue.Rate rate = rate(fields, null);
      Double performanceRate = fields.number("performanceRate", false);
      return endToEnd == null || rate == null ? null
          : new MeasureValue.SinglePerformanceRate(endToEnd, rate, performanceRate);
    }

    private MeasureValue multiRate(JsonFields fields) {
      fields.rejectUnknown(MULTI_RATE_FIELDS, Set.of());
      Boolean endToEnd = fields.bool("isEndToEndReported", true);
      Double performanceRate = fields.number("performanceRate", false);
      JsonNode strata = fields.raw("strata");
      String path = fields.pathOf("strata");
      if (!strata.isArray() || strata.isEmpty()) {
        problems.add(ProblemCode.JSON_WRONG_TYPE, path, "'strata' must be a non-empty array of strata");
        return null;
      }
      List<MeasureValue.Rate> rates = new ArrayList<>();
      boolean readable = true;
      for (int i = 0; i < strata.size(); i++) {
        JsonNode stratum = strata.get(i);
        String stratumPath = path + "[" + i + "]";
        if (!stratum.isObject()) {
          problems.add(ProblemCode.JSON_WRONG_TYPE, stratumPath, "a stratum must be an object");
          readable = false;
          continue;
        }
        JsonFields stratumFields = new JsonFields(stratum, stratumPath, problems);
        stratumFields.rejectUnknown(STRATUM_FIELDS, Set.of());
        String name = stratumFields.text("stratum", true);
        MeasureValue.Rate rate = rate(stratumFields, name);
        if (rate == null || name == null) {
          readable = false;
        } else {
          rates.add(rate);
        }
      }
      return endToEnd == null || !readable ? null
          : new MeasureValue.MultiPerformanceRate(endToEnd, rates, performanceRate);
    }

    private MeasureValue.Rate rate(JsonFields fields, String stratum) {
      Long met = fields.count("performanceMet", true);
      Long notMet = fields.count("performanceNotMet", false);
      Long eligible = fields.count("eligiblePopulation", true);
      Long exclusion = fields.count("eligiblePopulationExclusion", false);
      Long exception = fields.count("eligiblePopulationException", false);
      Long numeratorExclusion = fields.count("numeratorExclusion", false);
      if (met == null || eligible == null) {
        return null;
      }
      return new MeasureValue.Rate(stratum, met, notMet, eligible, exclusion, exception, numeratorExclusion);
    }
  }
}

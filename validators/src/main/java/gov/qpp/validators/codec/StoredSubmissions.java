package gov.qpp.validators.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.registry.QppJsonWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted submissions as the gateway stores them and reads them back for scoring: the normalised submission in
 * QPP JSON ({@link QppJsonWriter}'s spelling). Reading back is not intake: no catalog, no limits, no rule. A stored
 * submission was accepted under the rules of its day and must always read, whatever the intake rules become; only
 * what the model itself insists on (a known entity type and category, well-formed identifiers) is required. Each
 * value's shape says its kind, so no catalog is needed: a boolean, strata, performanceMet, or numerator and
 * denominator (with isEndToEndReported: a non-proportion).
 */
public final class StoredSubmissions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredSubmissions() {
  }

  /** The form to store: QPP JSON text. */
  public static String encode(Submission submission) {
    return QppJsonWriter.submission(submission).toString();
  }

  /** A stored submission as the model. Throws {@link IllegalStateException} saying why when it cannot be. */
  public static Submission decode(String stored) {
    try {
      return submission(JSON.readTree(stored));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("the stored submission cannot be read: " + e.getMessage(), e);
    }
  }

  private static Submission submission(JsonNode node) {
    String type = node.path("entityType").asText();
    EntityType entityType = EntityType.fromApiName(type).orElseThrow(() -> new IllegalArgumentException(
        "unknown entityType '" + type + "'"));
    String tin = text(node, "taxpayerIdentificationNumber");
    String npi = text(node, "nationalProviderIdentifier");
    List<MeasurementSet> sets = new ArrayList<>();
    node.path("measurementSets").forEach(set -> sets.add(measurementSet(set)));
    return new Submission(entityType, tin == null ? null : new Tin(tin), npi == null ? null : new Npi(npi),
        text(node, "entityId"), node.path("performanceYear").asInt(), sets);
  }

  private static MeasurementSet measurementSet(JsonNode node) {
    String name = node.path("category").asText();
    Category category = Category.fromApiName(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown category '" + name + "'"));
    List<Measurement> measurements = new ArrayList<>();
    node.path("measurements").forEach(m -> measurements.add(new Measurement(m.path("measureId").asText(),
        value(m.get("value")))));
    return new MeasurementSet(category, node.path("submissionMethod").asText(), text(node, "programName"),
        date(node, "performanceStart"), date(node, "performanceEnd"), text(node, "cehrtId"), measurements);
  }

  private static MeasureValue value(JsonNode value) {
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("a measurement without a value");
    }
    if (value.isBoolean()) {
      return new MeasureValue.BooleanValue(value.asBoolean());
    }
    boolean endToEnd = value.path("isEndToEndReported").asBoolean(false);
    if (value.has("strata")) {
      List<MeasureValue.Rate> strata = new ArrayList<>();
      value.get("strata").forEach(stratum -> strata.add(rate(stratum, text(stratum, "stratum"))));
      return new MeasureValue.MultiPerformanceRate(endToEnd, strata, decimal(value, "performanceRate"));
    }
    if (value.has("performanceMet")) {
      return new MeasureValue.SinglePerformanceRate(endToEnd, rate(value, null), decimal(value, "performanceRate"));
    }
    if (value.has("isEndToEndReported")) {
      return new MeasureValue.NonProportion(value.path("numerator").asDouble(), value.path("denominator").asDouble(),
          endToEnd, decimal(value, "numeratorExclusion"), decimal(value, "denominatorException"),
          whole(value, "observationInstances"));
    }
    return new MeasureValue.Proportion(value.path("numerator").asLong(), value.path("denominator").asLong());
  }

  private static MeasureValue.Rate rate(JsonNode node, String stratum) {
    return new MeasureValue.Rate(stratum, node.path("performanceMet").asLong(), whole(node, "performanceNotMet"),
        node.path("eligiblePopulation").asLong(), whole(node, "eligiblePopulationExclusion"),
        whole(node, "eligiblePopulationException"), whole(node, "numeratorExclusion"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static LocalDate date(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : LocalDate.parse(text);
  }

  private static Long whole(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }

  private static Double decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}

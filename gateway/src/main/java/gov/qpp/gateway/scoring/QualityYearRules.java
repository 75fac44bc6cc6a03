package gov.qpp.gateway.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One year's quality-category parameters, as data (scoring/quality-rules.json) so a corrected value is a data
 * change, not a code change. Null floor or cap means the year has none.
 */
public record QualityYearRules(int year, double qualityWeight, double dataCompleteness, int caseMinimum,
    int requiredMeasures, Double class1Floor, double class2Points, double class3Points, Double toppedOutCap) {

  private static final Map<Integer, QualityYearRules> BY_YEAR = load();

  public static Optional<QualityYearRules> forYear(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  private static Map<Integer, QualityYearRules> load() {
    try (InputStream in = QualityYearRules.class.getResourceAsStream("/scoring/quality-rules.json")) {
      JsonNode tree = new ObjectMapper().readTree(in);
      Map<Integer, QualityYearRules> years = new HashMap<>();
      tree.fields().forEachRemaining(entry -> {
        if (entry.getKey().startsWith("_")) {
          return;
        }
        int year = Integer.parseInt(entry.getKey());
        JsonNode y = entry.getValue();
        years.put(year, new QualityYearRules(year, y.get("qualityWeight").asDouble(),
            y.get("dataCompleteness").asDouble(), y.get("caseMinimum").asInt(), y.get("requiredMeasures").asInt(),
            nullable(y, "class1Floor"), y.get("class2Points").asDouble(), y.get("class3Points").asDouble(),
            nullable(y, "toppedOutCap")));
      });
      return Map.copyOf(years);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("scoring/quality-rules.json is missing or malformed: " + e.getMessage(), e);
    }
  }

  private static Double nullable(JsonNode year, String field) {
    JsonNode value = year.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}

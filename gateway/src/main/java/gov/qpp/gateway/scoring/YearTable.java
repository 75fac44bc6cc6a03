package gov.qpp.gateway.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a per-year parameter file of the classpath ({"2017": {...}, ...}; keys starting with '_' are notes), so a
 * corrected value is a data change, not a code change. A missing or malformed file stops the start.
 */
final class YearTable {

  private YearTable() {
  }

  static <T> Map<Integer, T> load(String resource, BiFunction<Integer, JsonNode, T> read) {
    try (InputStream in = YearTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("not on the classpath");
      }
      JsonNode tree = new ObjectMapper().readTree(in);
      Map<Integer, T> years = new HashMap<>();
      tree.fields().forEachRemaining(entry -> {
        if (!entry.getKey().startsWith("_")) {
          int year = Integer.parseInt(entry.getKey());
          years.put(year, read.apply(year, entry.getValue()));
        }
      });
      return Map.copyOf(years);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(resource + " is missing or malformed: " + e.getMessage(), e);
    }
  }

  /** The field as a number, or null when it is absent or null. */
  static Double nullable(JsonNode year, String field) {
    JsonNode value = year.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}

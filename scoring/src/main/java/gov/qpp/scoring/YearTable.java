package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** An object of numbers ({"PI_EP_1": 10, ...}), in the file's order. */
  static Map<String, Double> numbers(JsonNode node) {
    Map<String, Double> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
    return Collections.unmodifiableMap(map);
  }

  /** An object of strings ({"PI_LVPP_1": "PI_EP_1", ...}), in the file's order. */
  static Map<String, String> texts(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(map);
  }

  /** An array of strings; an absent field is an empty list. */
  static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node != null) {
      node.forEach(item -> list.add(item.asText()));
    }
    return List.copyOf(list);
  }

  static List<Integer> ints(JsonNode node) {
    List<Integer> list = new ArrayList<>();
    node.forEach(item -> list.add(item.asInt()));
    return List.copyOf(list);
  }
}

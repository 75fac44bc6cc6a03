package gov.qpp.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured FHIR canonical mapping ({@code fhir.measureMap}): a JSON object of canonical URL (without
 * {@code |version}) to a QPP measure id or eMeasureId, e.g. {@code {"https://example.org/Measure/a1c": "001"}}.
 * A broken file stops the start with a message that names it.
 */
public final class MeasureMap {

  private MeasureMap() {
  }

  public static Map<String, String> read(Path file) {
    if (file == null) {
      return Map.of();
    }
    try {
      JsonNode tree = new ObjectMapper().readTree(Files.readString(file));
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException("fhir.measureMap " + file + ": expected a JSON object of canonical URL"
            + " to measure id");
      }
      Map<String, String> mapping = new LinkedHashMap<>();
      tree.fields().forEachRemaining(entry -> {
        if (!entry.getValue().isTextual() || entry.getKey().contains("|")) {
          throw new IllegalArgumentException("fhir.measureMap " + file + ": entry '" + entry.getKey()
              + "' must map a canonical URL without |version to a measure id string");
        }
        mapping.put(entry.getKey(), entry.getValue().asText());
      });
      return Map.copyOf(mapping);
    } catch (IOException e) {
      throw new IllegalArgumentException("fhir.measureMap " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}

package gov.qpp.gateway.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A node of the QPP score tree: {@code {name, title, value, detail, parts[], metadata}}, as the QPP Submissions
 * API returns it ({@code total -> quality -> measurement set -> measure}).
 */
public record ScoreNode(String name, String title, Double value, String detail, List<ScoreNode> parts,
    Map<String, Object> metadata) {

  public ScoreNode {
    parts = List.copyOf(parts);
    // metadata values may be null (a rate that cannot be computed), which Map.copyOf refuses
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }

  public JsonObject toJson() {
    JsonArray children = new JsonArray();
    parts.forEach(part -> children.add(part.toJson()));
    JsonObject out = new JsonObject().put("name", name).put("title", title).put("value", value)
        .put("detail", detail).put("parts", children);
    JsonObject meta = new JsonObject();
    metadata.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> meta.put(entry.getKey(), entry.getValue()));
    return out.put("metadata", meta);
  }

  /** Scores are reported to four decimals, as the QPP API does (5.3676). */
  public static double round4(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}

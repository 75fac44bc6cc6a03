package gov.qpp.scoring;

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

  /**
   * The tree as the QPP score JSON {@code {name, title, value, detail, parts[], metadata}}, written straight from the
   * record with metadata keys sorted: storing hundreds of thousands of trees in a re-score, building JSON objects
   * first cost more than the scoring.
   */
  public String encode() {
    try {
      return WRITER.writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a score tree did not encode: " + e.getOriginalMessage(), e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = new com.fasterxml.jackson.databind
      .ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .writerFor(ScoreNode.class);

  /** A number as the messages write it: 10, not 10.0; 2.5 stays 2.5. */
  public static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  /** Scores are reported to four decimals, as the QPP API does (5.3676). */
  public static double round4(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}

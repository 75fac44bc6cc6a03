package gov.qpp.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an accepted case's score must be, read from the QPP score tree of the entity the document reports for
 * ({@code total -> category -> measurement set -> measure}): a measure's points in the picked quality set, a
 * category's percent score and the points it adds to the final score, the final score. Values are compared to four
 * decimals, as the QPP API reports them; what a case does not name is not checked.
 *
 * @param categories per category (quality, pi, aci, ia, cost): its percent and points, either may be null
 */
public record ScoreExpectation(Double finalScore, Map<String, Category> categories, Map<String, Double> measures) {

  /** Half the last reported decimal: 5.36755 and 5.36764 both read 5.3676. */
  static final double TOLERANCE = 0.00005;

  public record Category(Double percent, Double points) {
  }

  public ScoreExpectation {
    // sorted, so messages and reports list them the same way every run
    categories = Collections.unmodifiableMap(new TreeMap<>(categories));
    measures = Collections.unmodifiableMap(new TreeMap<>(measures));
  }

  /** Every way the tree falls short, or empty when it meets every expectation. */
  public Optional<String> mismatch(JsonNode tree) {
    List<String> wrong = new ArrayList<>();
    if (finalScore != null) {
      compare("final score", finalScore, number(tree.get("value")), wrong);
    }
    categories.forEach((name, expected) -> {
      JsonNode category = part(tree, name);
      if (category == null) {
        wrong.add("category " + name + ": not in the score");
        return;
      }
      if (expected.percent() != null) {
        compare("category " + name + " percent", expected.percent(),
            number(category.path("metadata").get("originalValue")), wrong);
      }
      if (expected.points() != null) {
        compare("category " + name + " points", expected.points(), number(category.get("value")), wrong);
      }
    });
    measures.forEach((id, expected) -> compare("measure " + id + " points", expected, measurePoints(tree, id),
        wrong));
    return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
  }

  /** A measure's points in the picked quality set (or the first set that has it). */
  private static Double measurePoints(JsonNode tree, String measureId) {
    JsonNode quality = part(tree, "quality");
    if (quality == null) {
      return null;
    }
    Double found = null;
    for (JsonNode set : quality.path("parts")) {
      for (JsonNode measure : set.path("parts")) {
        if (measureId.equals(measure.path("name").asText())) {
          if (set.path("metadata").path("measurementSetPicked").asBoolean(false)) {
            return number(measure.get("value"));
          }
          found = found == null ? number(measure.get("value")) : found;
        }
      }
    }
    return found;
  }

  private static JsonNode part(JsonNode tree, String name) {
    for (JsonNode part : tree.path("parts")) {
      if (name.equals(part.path("name").asText())) {
        return part;
      }
    }
    return null;
  }

  private static Double number(JsonNode value) {
    return value == null || !value.isNumber() ? null : value.asDouble();
  }

  private static void compare(String what, double expected, Double actual, List<String> wrong) {
    if (actual == null) {
      wrong.add(what + ": expected " + expected + ", not scored");
    } else if (Math.abs(actual - expected) > TOLERANCE) {
      wrong.add(what + ": expected " + expected + ", got " + actual);
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (finalScore != null) {
      parts.add("final " + finalScore);
    }
    categories.forEach((name, c) -> parts.add(name + (c.percent() == null ? "" : " " + c.percent() + "%")
        + (c.points() == null ? "" : " " + c.points() + " pts")));
    measures.forEach((id, points) -> parts.add(id + " " + points));
    return "score {" + String.join(", ", parts) + "}";
  }
}

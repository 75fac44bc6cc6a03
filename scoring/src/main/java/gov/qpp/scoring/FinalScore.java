package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MIPS final score of one clinician or group for a year (MIPS-RULES.md §3.6): each scored category's percent
 * times its weight, the year's bonuses, capped at 100; fewer than two scored categories give the performance
 * threshold (42 CFR 414.1380(c)). Weights of unscored categories are redistributed by the year's rows in
 * {@code scoring/final-score-rules.json}, else by the default rule there. Pure: category percents and statuses are
 * inputs.
 */
public final class FinalScore {

  /** The four categories, by their score-tree names. */
  public enum Category {
    QUALITY("quality", "Quality"),
    PI("pi", "Promoting Interoperability"),
    IA("ia", "Improvement Activities"),
    COST("cost", "Cost");

    final String name;
    final String title;

    Category(String name, String title) {
      this.name = name;
      this.title = title;
    }

    static Category byName(String name) {
      for (Category category : values()) {
        if (category.name.equals(name)) {
          return category;
        }
      }
      throw new IllegalArgumentException("no category '" + name + "'");
    }
  }

  /** One reweighting row: these categories unscored (for small practices only, when so marked) → these weights. */
  record Row(Set<Category> unscored, Boolean smallPractice, Map<Category, Double> weights, String source) {
  }

  public record YearRules(int year, Map<Category, Double> weights, double smallPracticeBonus,
      double complexPatientBonusMax, List<Row> reweighting, String piName) {
  }

  /**
   * @param percents each scored category's percent (0-100); a category absent is not scored
   * @param complexPatientBonus the clinician's complex-patient bonus before the year's cap
   */
  public record Inputs(Map<Category, Double> percents, boolean smallPractice, double complexPatientBonus) {
    /** A null percent is a category not scored (as a scorer without rules answers); a NaN or infinity is refused. */
    public Inputs {
      Map<Category, Double> scored = new EnumMap<>(Category.class);
      percents.forEach((category, percent) -> {
        if (percent != null) {
          if (!Double.isFinite(percent)) {
            throw new IllegalArgumentException(category.name + " percent is not a number: " + percent);
          }
          scored.put(category, percent);
        }
      });
      if (!Double.isFinite(complexPatientBonus)) {
        throw new IllegalArgumentException("complex-patient bonus is not a number: " + complexPatientBonus);
      }
      percents = java.util.Collections.unmodifiableMap(scored);
    }
  }

  private static final Map<Integer, YearRules> BY_YEAR = YearTable.load("/scoring/final-score-rules.json",
      FinalScore::read);

  private FinalScore() {
  }

  public static Optional<YearRules> rules(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /** The weights to use when these categories are not scored: they sum to 100 while any category is scored. */
  public static Map<Category, Double> weights(YearRules rules, Set<Category> unscored, boolean smallPractice) {
    Set<Category> missing = EnumSet.noneOf(Category.class);
    for (Category category : unscored) {
      if (rules.weights().get(category) > 0) {
        missing.add(category); // a category the year does not weigh (cost in 2017) moves nothing
      }
    }
    for (Row row : rules.reweighting()) {
      if (row.unscored().equals(missing) && (row.smallPractice() == null || row.smallPractice() == smallPractice)) {
        return row.weights();
      }
    }
    Map<Category, Double> weights = new EnumMap<>(Category.class);
    double moved = 0;
    double kept = 0;
    for (Category category : Category.values()) {
      double weight = rules.weights().get(category);
      if (missing.contains(category)) {
        moved += weight;
        weights.put(category, 0.0);
      } else {
        kept += weight;
        weights.put(category, weight);
      }
    }
    if (moved == 0) {
      return weights;
    }
    if (!missing.contains(Category.QUALITY)) {
      weights.merge(Category.QUALITY, moved, Double::sum);
      return weights;
    }
    double total = kept;
    double share = moved;
    weights.replaceAll((category, weight) -> weight + (total == 0 ? 0 : share * weight / total));
    return weights;
  }

  /** The {@code total} node: one part per category with its contribution, weight and percent. */
  public static ScoreNode score(YearRules rules, Inputs inputs, double performanceThreshold) {
    Set<Category> unscored = EnumSet.noneOf(Category.class);
    int scored = 0;
    for (Category category : Category.values()) {
      boolean weighed = rules.weights().get(category) > 0;
      if (!inputs.percents().containsKey(category)) {
        unscored.add(category);
      } else if (weighed) {
        scored++;
      }
    }
    Map<Category, Double> weights = weights(rules, unscored, inputs.smallPractice());
    List<ScoreNode> parts = new ArrayList<>();
    double sum = 0;
    for (Category category : Category.values()) {
      Double percent = inputs.percents().get(category);
      double weight = weights.get(category);
      double contribution = percent == null ? 0 : clamp(percent) * weight / 100;
      sum += contribution;
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("maxContribution", weight);
      metadata.put("originalValue", percent == null ? null : ScoreNode.round4(clamp(percent)));
      String name = category == Category.PI ? rules.piName() : category.name;
      parts.add(new ScoreNode(name, category.title + " component of total score", ScoreNode.round4(contribution),
          percent == null ? "Not scored; its weight is redistributed." : "Scoring based on weight of "
              + format(weight) + "%.", List.of(), metadata));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("performanceYear", rules.year());
    metadata.put("reweighted", !weights.equals(rules.weights()));
    if (scored < 2) {
      metadata.put("messages", List.of("fewer than two categories are scored, so the final score is the"
          + " performance threshold (" + format(performanceThreshold) + ") and the adjustment is neutral"
          + " (42 CFR 414.1380(c))"));
      return new ScoreNode("total", "Total Score", performanceThreshold, "Fewer than two categories scored.",
          parts, metadata);
    }
    double smallPracticeBonus = inputs.smallPractice() ? rules.smallPracticeBonus() : 0;
    double complexPatientBonus = Math.max(0, Math.min(inputs.complexPatientBonus(), rules.complexPatientBonusMax()));
    metadata.put("smallPracticeBonus", smallPracticeBonus);
    metadata.put("complexPatientBonus", complexPatientBonus);
    double total = Math.min(100, sum + smallPracticeBonus + complexPatientBonus);
    return new ScoreNode("total", "Total Score", ScoreNode.round4(total), "Sum of the weighted categories"
        + (smallPracticeBonus + complexPatientBonus > 0 ? " and the bonuses" : "") + ", at most 100.", parts, metadata);
  }

  private static double clamp(double percent) {
    return Math.max(0, Math.min(100, percent));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(ScoreNode.round4(value));
  }

  private static YearRules read(int year, JsonNode node) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode row : node.path("reweighting")) {
      Set<Category> unscored = EnumSet.noneOf(Category.class);
      row.get("unscored").forEach(name -> unscored.add(Category.byName(name.asText())));
      Boolean small = row.has("smallPractice") ? row.get("smallPractice").asBoolean() : null;
      rows.add(new Row(unscored, small, weights(row.get("weights"), year), row.path("source").asText()));
    }
    return new YearRules(year, weights(node.get("weights"), year), node.path("smallPracticeBonus").asDouble(0),
        node.path("complexPatientBonusMax").asDouble(0), List.copyOf(rows),
        node.path("categoryName").path("pi").asText("pi"));
  }

  /** A weights object: every category, summing to 100 (a file that breaks this stops the start). */
  private static Map<Category, Double> weights(JsonNode node, int year) {
    Map<Category, Double> weights = new EnumMap<>(Category.class);
    double sum = 0;
    for (Category category : Category.values()) {
      double weight = node.get(category.name).asDouble();
      weights.put(category, weight);
      sum += weight;
    }
    if (Math.abs(sum - 100) > 1e-9) {
      throw new IllegalStateException(year + ": weights " + node + " do not sum to 100");
    }
    return java.util.Collections.unmodifiableMap(weights);
  }
}

package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.catalog.Benchmark;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.CostMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cost category of one clinician or group (MIPS-RULES.md §3.5), pure: each cost measure that meets its case
 * minimum and has a benchmark earns achievement points ({@link CostPoints}); the category percent is the mean of
 * those points × 10. Nothing scored — no measure meets its case minimum, or the year weighs cost 0 — gives a null
 * value, which the final score reweights. Case minimums are data ({@code scoring/cost-rules.json}); the weight is
 * the final score's ({@code scoring/final-score-rules.json}).
 */
public final class CostScorer {

  /** Cost benchmarks are computed from claims, under this submission method. */
  static final String BENCHMARK_METHOD = "administrativeClaims";

  /** One year's case minimums: per measure, else the default. */
  record YearRules(int year, Map<String, Integer> caseMinimums, int defaultCaseMinimum) {
    int caseMinimum(String measureId) {
      return caseMinimums.getOrDefault(measureId, defaultCaseMinimum);
    }
  }

  private static final Map<Integer, YearRules> BY_YEAR = YearTable.load("/scoring/cost-rules.json",
      CostScorer::read);

  private CostScorer() {
  }

  static Optional<YearRules> rules(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /** The {@code cost} node: the category percent (0–100), or null when the category is not scored. */
  public static ScoreNode score(int year, CatalogYear catalog, List<CostMeasureValue> values) {
    if (catalog.year() != year) {
      throw new IllegalArgumentException("catalog of " + catalog.year() + " given to score " + year);
    }
    Set<String> seen = new HashSet<>();
    for (CostMeasureValue value : values) {
      if (!seen.add(value.measureId())) {
        throw new IllegalArgumentException(value.measureId() + " is given twice");
      }
    }
    Double weight = FinalScore.rules(year).map(r -> r.weights().get(FinalScore.Category.COST)).orElse(null);
    YearRules rules = BY_YEAR.get(year);
    if (weight == null || rules == null) {
      return notScored(values, "no cost rules for " + year, weight);
    }
    if (weight == 0) {
      return notScored(values, "cost weighs 0 in " + year + ": not scored", weight);
    }
    List<ScoreNode> parts = new ArrayList<>();
    double sum = 0;
    int scored = 0;
    for (CostMeasureValue value : values) {
      ScoreNode measure = scoreMeasure(value, catalog, rules);
      parts.add(measure);
      if (measure.value() != null) {
        sum += measure.value();
        scored++;
      }
    }
    if (scored == 0) {
      String why = values.isEmpty() ? "no cost measure is attributed"
          : "no cost measure meets its case minimum and has a benchmark";
      return node(null, why + ": the category is reweighted", parts, weight, 0);
    }
    double percent = ScoreNode.round4(sum / scored * 10);
    return node(percent, "the mean points of " + scored + (scored == 1 ? " measure" : " measures") + ", × 10",
        parts, weight, scored);
  }

  /** One measure: points when it is a cost measure of the year, meets its case minimum and has a benchmark. */
  static ScoreNode scoreMeasure(CostMeasureValue value, CatalogYear catalog, YearRules rules) {
    String id = value.measureId();
    int caseMinimum = rules.caseMinimum(id);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("cost", value.value());
    metadata.put("cases", value.cases());
    metadata.put("caseMinimum", caseMinimum);
    Optional<CostMeasure> measure = catalog.measure(id).filter(CostMeasure.class::isInstance)
        .map(CostMeasure.class::cast);
    Optional<Benchmark> benchmark = catalog.benchmark(id, BENCHMARK_METHOD);
    String title = measure.map(CostMeasure::title).orElse(id);
    if (measure.isEmpty()) {
      return measureNode(id, title, null, "not a cost measure of " + catalog.year(), metadata);
    }
    if (value.cases() < caseMinimum) {
      return measureNode(id, title, null, value.cases() + " cases, below the case minimum of " + caseMinimum,
          metadata);
    }
    if (benchmark.isEmpty()) {
      return measureNode(id, title, null, "no benchmark in the " + catalog.year() + " catalog", metadata);
    }
    AchievementPoints.Result result = CostPoints.score(benchmark.get(), value.value());
    double points = ScoreNode.round4(result.points());
    metadata.put("decile", result.decile());
    metadata.put("benchmark", Arrays.stream(CostPoints.bounds(benchmark.get())).boxed().toList());
    metadata.put("decileOneStart", CostPoints.decileOneStart(benchmark.get()));
    return measureNode(id, title, points, "decile " + result.decile() + ": " + points + " points", metadata);
  }

  private static ScoreNode measureNode(String id, String title, Double points, String why,
      Map<String, Object> metadata) {
    metadata.put("points", points);
    metadata.put("messages", List.of(why));
    return new ScoreNode(id, title, points, why, List.of(), metadata);
  }

  /** The whole category not scored before any measure is looked at; the measures are listed with the reason. */
  private static ScoreNode notScored(List<CostMeasureValue> values, String why, Double weight) {
    List<ScoreNode> parts = new ArrayList<>();
    for (CostMeasureValue value : values) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("cost", value.value());
      metadata.put("cases", value.cases());
      parts.add(measureNode(value.measureId(), value.measureId(), null, why, metadata));
    }
    return node(null, why, parts, weight, 0);
  }

  private static ScoreNode node(Double percent, String why, List<ScoreNode> parts, Double weight, int scored) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("weight", weight);
    metadata.put("scoredMeasures", scored);
    metadata.put("messages", List.of(why));
    return new ScoreNode("cost", "Cost Score", percent, why, parts, metadata);
  }

  private static YearRules read(int year, JsonNode node) {
    Map<String, Integer> minimums = new HashMap<>();
    node.get("caseMinimum").fields()
        .forEachRemaining(entry -> minimums.put(entry.getKey(), entry.getValue().asInt()));
    Integer fallback = minimums.remove("default");
    if (fallback == null) {
      throw new IllegalArgumentException(year + ": caseMinimum has no default");
    }
    return new YearRules(year, Map.copyOf(minimums), fallback);
  }
}

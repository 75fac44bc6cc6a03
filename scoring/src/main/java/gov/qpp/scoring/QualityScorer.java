package gov.qpp.scoring;

import gov.qpp.validators.catalog.Benchmark;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores the quality category of one submission (MIPS-RULES.md §3.2): per measure its class (data completeness,
 * case minimum, benchmark), achievement points with the year's floor and topped-out cap, the best measures up to
 * the required count per measurement set (one outcome or high-priority measure among them when one was reported),
 * the 2017-2021 high-priority and end-to-end bonuses ({@link QualityBonuses}), and the highest-scoring set as the
 * category score. Improvement scoring and the other categories belong to the full scoring rules.
 */
public final class QualityScorer {

  private QualityScorer() {
  }

  /** What the gateway knows of the entity beyond its sets: practice size, and last year's achievement. */
  public record Context(boolean smallPractice, Double priorAchievementPercent) {
    public static final Context NONE = new Context(false, null);
  }

  /** The score tree of one submission's quality sets alone, rooted at {@code total}. */
  public static ScoreNode score(Submission submission, CatalogYear catalog) {
    Optional<QualityYearRules> found = QualityYearRules.forYear(submission.performanceYear());
    if (found.isEmpty()) {
      return new ScoreNode("total", "Total Score", null, "not scored", List.of(),
          Map.of("message", "no scoring parameters for performance year " + submission.performanceYear()
              + " yet; the submission is stored and will be scored when they are added"));
    }
    QualityYearRules rules = found.get();
    ScoreNode category = category(submission.measurementSets(), catalog, Context.NONE);
    if (category.value() == null) {
      ScoreNode quality = new ScoreNode("quality", "QUALITY component of total score", null,
          "no quality measurement set submitted", List.of(), Map.of("maxContribution", rules.qualityWeight()));
      return new ScoreNode("total", "Total Score", null, "quality not reported", List.of(quality),
          Map.of("maxContributionQuality", rules.qualityWeight()));
    }
    double categoryScore = category.value();
    double weighted = ScoreNode.round4(categoryScore * rules.qualityWeight() / 100.0);
    ScoreNode quality = new ScoreNode("quality", "QUALITY component of total score", weighted,
        "Scoring based on weight of " + ScoreNode.plain(rules.qualityWeight()) + "%; " + category.detail(), category.parts(),
        Map.of("maxContribution", rules.qualityWeight(), "categoryScore", categoryScore));
    return new ScoreNode("total", "Total Score", weighted, "quality category only", List.of(quality),
        Map.of("maxContributionQuality", rules.qualityWeight(), "qualityCategoryScore", categoryScore,
            "qualityWeightedScore", weighted, "scope", "this submission's quality sets alone; the entity's"
                + " score merges all its submissions"));
  }

  /**
   * The quality category over all the entity's quality sets: the highest-scoring set (its bonuses and the
   * small-practice bonus included) plus improvement points. Value = the category percent; null when no quality
   * set is reported or the year has no rules (an unscored category, which the final score reweights).
   */
  public static ScoreNode category(List<MeasurementSet> sets, CatalogYear catalog, Context context) {
    Optional<QualityYearRules> found = QualityYearRules.forYear(catalog.year());
    List<ScoreNode> scored = new ArrayList<>();
    if (found.isPresent()) {
      for (MeasurementSet set : sets) {
        if (set.category() == Category.QUALITY) {
          scored.add(scoreSet(set, catalog, found.get(), context.smallPractice()));
        }
      }
    }
    if (scored.isEmpty()) {
      return new ScoreNode("quality", "Quality", null, found.isEmpty() ? "no quality rules for " + catalog.year()
          : "no quality measurement set submitted", List.of(), Map.of());
    }
    QualityYearRules rules = found.get();
    ScoreNode best = scored.stream().max(Comparator.comparingDouble(ScoreNode::value)).orElseThrow();
    double achievement = (Double) best.metadata().get("achievementPercent");
    Map<String, Object> metadata = new LinkedHashMap<>();
    double improvement = improvement(rules, achievement, context.priorAchievementPercent(), metadata);
    double percent = ScoreNode.round4(Math.min(100, best.value() + improvement));
    metadata.put("categoryScore", percent);
    metadata.put("achievementPercent", achievement);
    metadata.put("measurementSetPicked", best.detail());
    return new ScoreNode("quality", "Quality", percent, "picked the highest scoring measurement set "
        + best.detail(), scored.stream().map(set -> withPicked(set, set == best)).toList(), metadata);
  }

  /**
   * Improvement points (percentage points): the rise of the achievement percent (bonuses excluded) over last
   * year's, relative to last year's taken as at least the floor, times 10, capped (docs/scoring.md, open).
   */
  private static double improvement(QualityYearRules rules, double achievement, Double prior,
      Map<String, Object> metadata) {
    if (rules.improvementMaxPoints() == null) {
      return 0;
    }
    if (prior == null) {
      metadata.put("improvementMessage", "no score of the prior year is stored: no improvement points");
      return 0;
    }
    double base = Math.max(prior, rules.improvementPriorFloor());
    double points = ScoreNode.round4(Math.max(0, Math.min(rules.improvementMaxPoints(),
        (achievement - base) / base * 10)));
    metadata.put("priorAchievementPercent", prior);
    metadata.put("improvementPercent", points);
    metadata.put("improvementMessage", "(" + ScoreNode.plain(achievement) + " - " + ScoreNode.plain(base) + ") / " + ScoreNode.plain(base)
        + " x 10 = " + ScoreNode.plain(points) + " percentage points, at most " + ScoreNode.plain(rules.improvementMaxPoints()));
    return points;
  }

  private static ScoreNode scoreSet(MeasurementSet set, CatalogYear catalog, QualityYearRules rules,
      boolean smallPractice) {
    List<ScoreNode> measures = new ArrayList<>();
    Map<ScoreNode, QualityBonuses.Scored> scored = new java.util.IdentityHashMap<>();
    for (Measurement measurement : set.measurements()) {
      catalog.qualityMeasure(measurement.measureId()).ifPresent(measure -> {
        ScoreNode node = scoreMeasure(measurement, measure, set, catalog, rules);
        measures.add(node);
        Object inverse = node.metadata().get("inverse");
        scored.put(node, new QualityBonuses.Scored(measure, (String) node.metadata().get("measureClass"),
            (Double) node.metadata().get("performanceRate"), endToEnd(measurement.value()),
            inverse instanceof Boolean flag ? flag : measure.inverse()));
      });
    }
    List<ScoreNode> ranked = new ArrayList<>(measures);
    ranked.sort(Comparator.comparingDouble(ScoreNode::value).reversed());
    double denominator = 10.0 * rules.requiredMeasures();
    // one outcome measure (or, without one, a high-priority one) is required and picked even if not among the best;
    // of several candidates, the one that gives the set its highest score (ties: the lowest measure id)
    Choice best = null;
    for (QualityBonuses.Scored candidate : QualityBonuses.candidates(ranked.stream().map(scored::get).toList())) {
      Choice choice = choose(ranked, scored, candidate, rules, denominator);
      if (best == null || choice.total() > best.total() + 1e-9 || Math.abs(choice.total() - best.total()) <= 1e-9
          && candidate.measure().measureId().compareTo(best.required().measure().measureId()) < 0) {
        best = choice;
      }
    }
    if (best == null) {
      best = choose(ranked, scored, null, rules, denominator);
    }
    List<ScoreNode> picked = best.picked();
    ScoreNode requiredNode = best.requiredNode();
    QualityBonuses.Result bonuses = best.bonuses();
    double total = picked.stream().mapToDouble(ScoreNode::value).sum();
    // the bonus needs at least one measure submitted
    double smallPracticeBonus = smallPractice && !measures.isEmpty() ? rules.smallPracticeBonus() : 0;
    double percent = ScoreNode.round4(Math.min(100.0, (total + bonuses.total() + smallPracticeBonus) / denominator
        * 100.0));
    List<ScoreNode> parts = new ArrayList<>();
    for (ScoreNode measure : measures) {
      boolean isPicked = picked.contains(measure);
      Map<String, Object> metadata = new LinkedHashMap<>(measure.metadata());
      metadata.put("processingStatus", isPicked ? "PICKED" : "NOT_PICKED");
      if (measure == requiredNode) {
        metadata.put("requiredMeasure", true);
      }
      parts.add(new ScoreNode(measure.name(), measure.title(), measure.value(),
          isPicked ? "Contributing " + ScoreNode.plain(measure.value()) : "Not among the best " + rules.requiredMeasures(),
          List.of(), metadata));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("denominator", denominator);
    metadata.put("maxMeasurementsAllowed", rules.requiredMeasures());
    metadata.put("totalDecileScore", ScoreNode.round4(total));
    metadata.put("achievementPercent", ScoreNode.round4(total / denominator * 100.0));
    metadata.put("smallPracticeBonus", smallPracticeBonus);
    metadata.put("programName", set.programName());
    if (rules.bonusCapPercent() != null) {
      metadata.put("highPriorityBonus", bonuses.highPriority());
      metadata.put("endToEndBonus", bonuses.endToEnd());
      metadata.put("bonusMessages", bonuses.messages());
    }
    return new ScoreNode("quality", "Measurement set " + set.submissionMethod(), percent, set.submissionMethod(),
        parts, metadata);
  }

  /** The picked measures and bonuses when this candidate fills the outcome requirement. */
  private record Choice(List<ScoreNode> picked, QualityBonuses.Scored required, ScoreNode requiredNode,
      QualityBonuses.Result bonuses, double total) {
  }

  private static Choice choose(List<ScoreNode> ranked, Map<ScoreNode, QualityBonuses.Scored> scored,
      QualityBonuses.Scored required, QualityYearRules rules, double denominator) {
    List<ScoreNode> picked = new ArrayList<>(ranked.subList(0, Math.min(rules.requiredMeasures(), ranked.size())));
    ScoreNode requiredNode = required == null ? null
        : ranked.stream().filter(n -> scored.get(n) == required).findFirst().orElseThrow();
    if (requiredNode != null && !picked.contains(requiredNode)) {
      picked.set(picked.size() - 1, requiredNode);
    }
    QualityBonuses.Result bonuses = rules.bonusCapPercent() == null ? new QualityBonuses.Result(0, 0, List.of())
        : QualityBonuses.of(ranked.stream().map(scored::get).toList(), required, rules.bonusCapPercent(),
            denominator);
    double total = picked.stream().mapToDouble(ScoreNode::value).sum() + bonuses.total();
    return new Choice(picked, required, requiredNode, bonuses, total);
  }

  private static boolean endToEnd(MeasureValue value) {
    if (value instanceof MeasureValue.SinglePerformanceRate single) {
      return single.endToEndReported();
    }
    if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      return multi.endToEndReported();
    }
    return value instanceof MeasureValue.NonProportion nonProportion && nonProportion.endToEndReported();
  }

  static ScoreNode scoreMeasure(Measurement measurement, QualityMeasure measure, MeasurementSet set,
      CatalogYear catalog, QualityYearRules rules) {
    MeasurePerformance performance = MeasurePerformance.of(measure, measurement.value());
    Optional<Benchmark> benchmark = catalog.benchmark(measure.measureId(), set.submissionMethod());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("performanceRate", performance.performanceRate());
    metadata.put("reportingRate", performance.reportingRate() == null ? null
        : MeasurePerformance.round2(performance.reportingRate()));
    metadata.put("eligiblePopulation", performance.caseCount());
    metadata.put("benchmarkType", set.submissionMethod());
    metadata.put("noBenchmarks", benchmark.isEmpty());
    Map<String, String> messages = new LinkedHashMap<>();
    if (performance.note() != null) {
      messages.put("performance", performance.note());
    }
    double points;
    boolean complete = performance.reportingRate() != null
        && performance.reportingRate() >= rules.dataCompleteness();
    if (!complete) {
      points = rules.class3Points();
      metadata.put("measureClass", "Class 3");
      messages.put("measurementClass", "Data completeness below " + ScoreNode.plain(rules.dataCompleteness()) + "%");
    } else if (benchmark.isEmpty() || performance.caseCount() < rules.caseMinimum()
        || performance.performanceRate() == null) {
      points = rules.class2Points();
      metadata.put("measureClass", "Class 2");
      messages.put("measurementClass", benchmark.isEmpty() ? "No benchmark for " + set.submissionMethod()
          : performance.performanceRate() == null ? "No performance rate"
          : "Eligible population below the case minimum of " + rules.caseMinimum());
    } else {
      Benchmark used = benchmark.get();
      boolean inverse = used.inverse() != null ? used.inverse() : measure.inverse();
      AchievementPoints.Result result = AchievementPoints.score(used, performance.performanceRate(), inverse);
      points = result.points();
      metadata.put("measureClass", "Class 1");
      metadata.put("decile", result.decile());
      metadata.put("deciles", java.util.Arrays.stream(used.decileLowerBounds()).boxed().toList());
      metadata.put("partialPoints", ScoreNode.round4(points - result.decile()));
      metadata.put("decileScore", ScoreNode.round4(points));
      metadata.put("toppedOut", used.toppedOut());
      metadata.put("inverse", inverse);
      messages.put("measurementClass", "Eligible population is at least " + rules.caseMinimum()
          + ", data completeness at least " + ScoreNode.plain(rules.dataCompleteness()) + "% and a benchmark exists");
      if (rules.class1Floor() != null && points < rules.class1Floor()) {
        points = rules.class1Floor();
        messages.put("decileScore", "Applied the minimum score of " + ScoreNode.plain(rules.class1Floor()));
      }
      boolean capped = used.toppedOutByProgram() && rules.toppedOutCap() != null && !measure.sevenPointCapRemoved();
      if (capped && points > rules.toppedOutCap()) {
        points = rules.toppedOutCap();
        messages.put("toppedOut", "Topped out for two years: capped at " + ScoreNode.plain(rules.toppedOutCap()) + " points");
      }
    }
    points = ScoreNode.round4(points);
    metadata.put("messages", messages);
    return new ScoreNode(measure.measureId(), measure.title(), points, "", List.of(), metadata);
  }

  private static ScoreNode withPicked(ScoreNode set, boolean picked) {
    Map<String, Object> metadata = new LinkedHashMap<>(set.metadata());
    metadata.put("measurementSetPicked", picked);
    return new ScoreNode(set.name(), set.title(), set.value(), set.detail(), set.parts(), metadata);
  }
}

package gov.qpp.scoring;

import static gov.qpp.scoring.FinalScore.Category.COST;
import static gov.qpp.scoring.FinalScore.Category.IA;
import static gov.qpp.scoring.FinalScore.Category.PI;
import static gov.qpp.scoring.FinalScore.Category.QUALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.scoring.FinalScore.Category;
import gov.qpp.scoring.FinalScore.Inputs;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The final score per year, hand-computed (the arithmetic is in each test), and its properties over every year and
 * every combination of unscored categories. Weights and reweighting rows are those of final-score-rules.json; the
 * default redistribution (to quality, else in proportion) is an assumption listed in docs/scoring.md.
 */
class FinalScoreTest {

  static double total(int year, Map<Category, Double> percents, boolean small, double complex) {
    FinalScore.YearRules rules = FinalScore.rules(year).orElseThrow();
    double threshold = PaymentAdjustment.rules(year).orElseThrow().performanceThreshold();
    return FinalScore.score(rules, new Inputs(percents, small, complex), threshold).value();
  }

  @Test
  void everyCategoryScored2019() {
    // 80 x 45% + 64 x 25% + 100 x 15% + 50 x 15% = 36 + 16 + 15 + 7.5
    assertEquals(74.5, total(2019, Map.of(QUALITY, 80.0, PI, 64.0, IA, 100.0, COST, 50.0), false, 0));
  }

  @Test
  void piReweightedToQuality2019() {
    // the notes' row: quality 70 -> 80 x 70% + 100 x 15% + 50 x 15% = 56 + 15 + 7.5
    assertEquals(78.5, total(2019, Map.of(QUALITY, 80.0, IA, 100.0, COST, 50.0), false, 0));
  }

  @Test
  void costAtZeroIn2020() {
    // the 2020 row without cost: 55/30/15 -> 80 x 55% + 64 x 30% + 100 x 15% = 44 + 19.2 + 15
    assertEquals(78.2, total(2020, Map.of(QUALITY, 80.0, PI, 64.0, IA, 100.0), false, 0));
  }

  @Test
  void costHasNoWeightIn2020() {
    // quality and cost only: cost weighs 0 in 2020, so one category is scored -> the threshold, 45
    assertEquals(45.0, total(2020, Map.of(QUALITY, 80.0, COST, 50.0), false, 0));
    // PI unscored: the notes' row Q85 / IA15 -> 80 x 85% + 100 x 15% = 68 + 15
    assertEquals(83.0, total(2020, Map.of(QUALITY, 80.0, IA, 100.0, COST, 50.0), false, 0));
  }

  @Test
  void aNullPercentIsNotScoredAndNaNIsRefused() {
    Map<Category, Double> percents = new java.util.HashMap<>(Map.of(QUALITY, 80.0, IA, 100.0, COST, 50.0));
    percents.put(PI, null); // as PiScorer answers for a year without rules
    // the 2019 row for PI unscored: 80 x 70% + 100 x 15% + 50 x 15% = 56 + 15 + 7.5
    assertEquals(78.5, total(2019, percents, false, 0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Inputs(Map.of(QUALITY, Double.NaN), false, 0));
  }

  @Test
  void smallPracticeWithoutPi2022() {
    // the small-practice row: Q40 / C30 / IA30 -> 80 x 40% + 100 x 30% + 50 x 30% = 32 + 30 + 15
    assertEquals(77.0, total(2022, Map.of(QUALITY, 80.0, IA, 100.0, COST, 50.0), true, 0));
    // not a small practice: the default rule moves PI's 25 to quality -> 80 x 55% + 30 + 15 = 44 + 15 + 15
    assertEquals(74.0, total(2022, Map.of(QUALITY, 80.0, IA, 100.0, COST, 50.0), false, 0));
  }

  @Test
  void bonusesOnTheFinalScore2018() {
    // 70 x 50% + 80 x 25% + 100 x 15% + 60 x 10% = 35 + 20 + 15 + 6 = 76; small practice +5; complex patient 3
    assertEquals(84.0, total(2018, Map.of(QUALITY, 70.0, PI, 80.0, IA, 100.0, COST, 60.0), true, 3));
    // the complex-patient bonus is capped at the year's 5 points: 76 + 5 = 81
    assertEquals(81.0, total(2018, Map.of(QUALITY, 70.0, PI, 80.0, IA, 100.0, COST, 60.0), false, 12));
    // and the total at 100
    assertEquals(100.0, total(2018, Map.of(QUALITY, 100.0, PI, 100.0, IA, 100.0, COST, 100.0), true, 5));
  }

  @Test
  void aciIn2017AndCostUnweighted() {
    // 2017 weights 60/25/15/0: quality and IA scored, ACI reweighted by the notes' row to quality 85:
    // 50 x 85% + 100 x 15% = 42.5 + 15
    FinalScore.YearRules rules = FinalScore.rules(2017).orElseThrow();
    ScoreNode node = FinalScore.score(rules, new Inputs(Map.of(QUALITY, 50.0, IA, 100.0), false, 0), 3);
    assertEquals(57.5, node.value());
    assertEquals("aci", node.parts().get(1).name());
  }

  @Test
  void fewerThanTwoScoredCategoriesGiveTheThreshold() {
    assertEquals(75.0, total(2025, Map.of(IA, 40.0), false, 0));
    // 2017 cost has no weight, so quality and cost are one scored category
    assertEquals(3.0, total(2017, Map.of(QUALITY, 90.0, COST, 90.0), false, 0));
  }

  @Test
  void defaultRuleWithoutQualitySharesInProportion() {
    // 2019 without quality: its 45 goes to PI, IA and cost in proportion 25:15:15 (of 55)
    Map<Category, Double> weights = FinalScore.weights(FinalScore.rules(2019).orElseThrow(), EnumSet.of(QUALITY),
        false);
    assertEquals(25 + 45 * 25 / 55.0, weights.get(PI), 1e-9);
    assertEquals(15 + 45 * 15 / 55.0, weights.get(IA), 1e-9);
    assertEquals(0.0, weights.get(QUALITY));
  }

  @Test
  void reweightedWeightsAlwaysSumTo100() {
    for (int y = 2017; y <= 2025; y++) {
      int year = y;
      FinalScore.YearRules rules = FinalScore.rules(year).orElseThrow();
      for (int mask = 0; mask < 15; mask++) { // every subset of unscored categories but all four
        Set<Category> unscored = subset(mask);
        for (boolean small : new boolean[] {false, true}) {
          Map<Category, Double> weights = FinalScore.weights(rules, unscored, small);
          double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
          boolean anyWeighedLeft = EnumSet.complementOf(copy(unscored)).stream()
              .anyMatch(category -> rules.weights().get(category) > 0);
          if (anyWeighedLeft) {
            assertEquals(100, sum, 1e-9, year + " unscored " + unscored + " small " + small + ": " + weights);
            unscored.forEach(category -> assertEquals(0.0, weights.get(category), year + " " + category));
          }
        }
      }
    }
  }

  @Test
  void scoreNeverLeaves0To100AndMorePerformanceNeverLowersIt() {
    Random random = new Random(11);
    for (int trial = 0; trial < 5_000; trial++) {
      int year = 2017 + random.nextInt(9);
      Map<Category, Double> percents = new EnumMap<>(Category.class);
      for (Category category : Category.values()) {
        if (random.nextInt(4) > 0) {
          percents.put(category, random.nextDouble() * 100);
        }
      }
      boolean small = random.nextBoolean();
      double complex = random.nextDouble() * 15;
      double score = total(year, percents, small, complex);
      assertTrue(score >= 0 && score <= 100, year + " " + percents + " -> " + score);
      for (Category category : percents.keySet()) {
        Map<Category, Double> better = new EnumMap<>(percents);
        better.put(category, Math.min(100, percents.get(category) + random.nextDouble() * 20));
        assertTrue(total(year, better, small, complex) >= score - 1e-9, year + " " + category + " " + percents);
      }
    }
  }

  private static Set<Category> subset(int mask) {
    Set<Category> set = EnumSet.noneOf(Category.class);
    for (Category category : Category.values()) {
      if ((mask & (1 << category.ordinal())) != 0) {
        set.add(category);
      }
    }
    return set;
  }

  private static EnumSet<Category> copy(Set<Category> unscored) {
    EnumSet<Category> copy = EnumSet.noneOf(Category.class);
    copy.addAll(unscored);
    return copy;
  }
}

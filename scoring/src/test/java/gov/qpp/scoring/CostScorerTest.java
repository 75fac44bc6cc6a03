package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.Benchmark;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Cost scoring against the real catalog's cost benchmarks, hand-computed. Points: decile d = the highest k with
 * cost ≤ L_k, points = d + (L_d − cost)/(L_d − L_{d+1}), decile 10 = 10. Assumed, not verified (docs/scoring.md):
 * the case minimums of scoring/cost-rules.json (MSPB 35, procedural episode-based 10, others 20), the category =
 * mean points × 10, decile 1 counting from the first decile value (2018–2022) or percentile 99 (2023+).
 * 2017-2022 use the packed catalog (its 2017-2020 files are the shared folder's); 2023+ need the shared one.
 */
class CostScorerTest {

  static ScoreNode score(int year, CostMeasureValue... values) {
    return CostScorer.score(year, Catalogs.year(year), List.of(values));
  }

  @Test
  void twoMeasuresBetweenDecileBoundsIn2018() {
    // MSPB 2018 deciles [43284 | 24418, 23155, 22358, 21726, ...]: 22358 ≥ 22000 > 21726 → decile 4,
    //   4 + (22358 − 22000)/(22358 − 21726) = 4 + 358/632 = 4.56646 → 4.5665
    // TPCC 2018 [... 12712.2 (L6), 11998.9 (L7) ...]: 12712.2 ≥ 12000 > 11998.9 → decile 6,
    //   6 + 712.2/713.3 = 6.99846 → 6.9985
    // category: (4.5665 + 6.9985)/2 × 10 = 57.825
    ScoreNode cost = score(2018, new CostMeasureValue("MSPB_1", 22000, 40), new CostMeasureValue("TPCC_1", 12000, 20));
    assertEquals("cost", cost.name());
    assertEquals("Cost Score", cost.title());
    assertEquals(4.5665, cost.parts().get(0).value());
    assertEquals(4, cost.parts().get(0).metadata().get("decile"));
    assertEquals(6.9985, cost.parts().get(1).value());
    assertEquals(57.825, cost.value());
    assertEquals(2, cost.metadata().get("scoredMeasures"));
    assertEquals(10.0, cost.metadata().get("weight"));
  }

  @Test
  void decileOneCountsFromTheHighestCostAndDecileTenIsFlat() {
    // MSPB 2018: 43284 ≥ 30000 > 24418 → decile 1, 1 + (43284 − 30000)/(43284 − 24418) = 1 + 13284/18866 = 1.7041
    //   → category 17.041; above 43284 → 1 point → 10 %; at L10 = 18657 exactly → decile 10 = 10 points → 100 %
    ScoreNode decileOne = score(2018, new CostMeasureValue("MSPB_1", 30000, 35));
    assertEquals(1.7041, decileOne.parts().get(0).value());
    assertEquals(17.041, decileOne.value());
    assertEquals(10.0, score(2018, new CostMeasureValue("MSPB_1", 50000, 35)).value());
    assertEquals(100.0, score(2018, new CostMeasureValue("MSPB_1", 18657, 35)).value());
  }

  @Test
  void aMeasureScoresFromItsCaseMinimum() {
    // MSPB case minimum 35 (assumed): 35 cases scored; at L6 = 21180 exactly → decile 6 + 0 = 6 → 60 %.
    // 34 cases: not scored, so the TPCC measure alone makes the category: 21 cases ≥ 20 (assumed), cost 12000 → 6.9985
    assertEquals(60.0, score(2018, new CostMeasureValue("MSPB_1", 21180, 35)).value());
    ScoreNode oneBelow = score(2018, new CostMeasureValue("MSPB_1", 21180, 34),
        new CostMeasureValue("TPCC_1", 12000, 21));
    assertNull(oneBelow.parts().get(0).value());
    assertEquals("34 cases, below the case minimum of 35", oneBelow.parts().get(0).detail());
    assertEquals(69.985, oneBelow.value());
    assertEquals(1, oneBelow.metadata().get("scoredMeasures"));
  }

  @Test
  void proceduralEpisodeMeasuresNeedTenCases() {
    // COST_EOPCI_1 2019 (procedural, case minimum 10 assumed): deciles [16635.3 | 13850.4, 12954.3, 12453.6,
    // 11799.3, 11120.6, ...]: 11120.6 is L6 → 6 points → 60 %; 9 cases → not scored → reweighted
    assertEquals(60.0, score(2019, new CostMeasureValue("COST_EOPCI_1", 11120.6, 10)).value());
    assertNull(score(2019, new CostMeasureValue("COST_EOPCI_1", 11120.6, 9)).value());
    // an acute inpatient condition (COST_SPH_1) needs 20 (assumed): 19 is not enough
    assertNull(score(2019, new CostMeasureValue("COST_SPH_1", 10000, 19)).value());
  }

  @Test
  void noMeasureAtItsCaseMinimumIsReweighted() {
    // 2019 has a benchmark for each of the three (the packed 2022 has no cost benchmark), each one case short
    ScoreNode cost = score(2019, new CostMeasureValue("MSPB_1", 20000, 34), new CostMeasureValue("TPCC_1", 9000, 19),
        new CostMeasureValue("COST_EOPCI_1", 11120.6, 9));
    assertNull(cost.value());
    assertEquals("no cost measure meets its case minimum and has a benchmark: the category is reweighted",
        cost.detail());
    assertEquals(3, cost.parts().size());
    assertEquals(0, cost.metadata().get("scoredMeasures"));
    assertNull(score(2019).value()); // nothing attributed at all
    // one case more each, and all three are scored
    assertEquals(3, score(2019, new CostMeasureValue("MSPB_1", 20000, 35), new CostMeasureValue("TPCC_1", 9000, 20),
        new CostMeasureValue("COST_EOPCI_1", 11120.6, 10)).metadata().get("scoredMeasures"));
  }

  @Test
  void yearsThatWeighCostZeroAreNotScored() {
    // 2017: cost weighs 0; 2020: weighed 0 for COVID (final-score-rules.json): null whatever the measures
    ScoreNode cost2017 = score(2017, new CostMeasureValue("MSPB_1", 100, 1000));
    assertNull(cost2017.value());
    assertEquals("cost weighs 0 in 2017: not scored", cost2017.detail());
    assertEquals(0.0, cost2017.metadata().get("weight"));
    assertNull(score(2020, new CostMeasureValue("MSPB_1", 100, 1000)).value());
  }

  @Test
  void aMeasureWithoutBenchmarkIsNotScored() {
    // the 2021 catalog has no cost benchmarks; a measure unknown to the year is not scored either
    ScoreNode cost = score(2021, new CostMeasureValue("MSPB_1", 20000, 100),
        new CostMeasureValue("COST_XYZ_1", 1, 100));
    assertNull(cost.value());
    assertEquals("no benchmark in the 2021 catalog", cost.parts().get(0).detail());
    assertEquals("not a cost measure of 2021", cost.parts().get(1).detail());
  }

  @Test
  void percentiles2024PutTheMedianAtSevenAndAHalf() {
    // MSPB 2024 percentiles (ascending cost) 10: 20861.63, 20: 22060.37, 30: 23259.11, 40: 25656.59, ...,
    // 90: 30451.55, 99: 31050.92. Decile k is cost ≤ percentile (11 − k) × 10, so decile 7 = (p30, p40]:
    // its middle (23259.11 + 25656.59)/2 = 24457.85 → 7 + (25656.59 − 24457.85)/(25656.59 − 23259.11) = 7.5.
    // ≤ p10 → 10; between p90 and p99, half way 30751.235 → 1 + 0.5 = 1.5; above p99 → 1
    assertEquals(7.5, measure(2024, "MSPB_1", 24457.85).value());
    assertEquals(7, measure(2024, "MSPB_1", 24457.85).metadata().get("decile"));
    assertEquals(10.0, measure(2024, "MSPB_1", 20861.63).value());
    assertEquals(1.5, measure(2024, "MSPB_1", 30751.235).value());
    assertEquals(1.0, measure(2024, "MSPB_1", 40000).value());
    // category of MSPB 7.5 and TPCC at its p10 1046.81 (10 points): (7.5 + 10)/2 × 10 = 87.5
    assertEquals(87.5, score(2024, new CostMeasureValue("MSPB_1", 24457.85, 35),
        new CostMeasureValue("TPCC_1", 1046.81, 20)).value());
  }

  @Test
  void percentiles2023ReadTheSameWay() {
    // COST_ACOPD_1 2023: p10 3005.73 < 3200 ≤ p20 3464.19 → decile 9, 9 + (3464.19 − 3200)/(3464.19 − 3005.73)
    //   = 9 + 264.19/458.46 = 9.57626 → 9.5763
    assertEquals(9.5763, measure(2023, "COST_ACOPD_1", 3200).value());
  }

  @Test
  void refusesMalformedInput() {
    assertThrows(IllegalArgumentException.class, () -> new CostMeasureValue("MSPB_1", Double.NaN, 40));
    assertThrows(IllegalArgumentException.class, () -> new CostMeasureValue("MSPB_1", -1, 40));
    assertThrows(IllegalArgumentException.class,
        () -> score(2022, new CostMeasureValue("MSPB_1", 1, 40), new CostMeasureValue("MSPB_1", 2, 40)));
    assertThrows(IllegalArgumentException.class,
        () -> CostScorer.score(2022, Catalogs.year(2021), List.of()));
  }

  /** Property: over every cost benchmark of every packed year, a higher cost never earns more points. */
  @Test
  void pointsNeverRiseWhenCostRises() {
    // the packed catalog has cost benchmarks in 2018 (2) and 2019 (10) only
    assertTrue(pointsNeverRiseWhenCostRises(Catalogs.packed(), IntStream.rangeClosed(2018, 2022)) > 5_000);
  }

  /** The same over the shared folder's 2022 (its own benchmarks) and percentile years 2023-2025. */
  @Test
  void pointsNeverRiseWhenCostRisesIn2022To2025() {
    assertTrue(pointsNeverRiseWhenCostRises(Catalogs.shared(), IntStream.rangeClosed(2022, 2025)) > 10_000);
  }

  /** How many (benchmark, cost) pairs were checked. */
  private static int pointsNeverRiseWhenCostRises(MeasureCatalog catalog, IntStream years) {
    int checked = 0;
    for (int year : years.toArray()) {
      CatalogYear catalogYear = catalog.year(year).orElseThrow();
      for (Measure measure : catalogYear.inCategory("cost")) {
        Benchmark benchmark = catalogYear.benchmark(measure.measureId(), CostScorer.BENCHMARK_METHOD).orElse(null);
        if (benchmark == null) {
          continue;
        }
        TreeSet<Double> costs = costsAround(benchmark);
        checked += costs.size();
        double previous = Double.POSITIVE_INFINITY;
        for (double cost : costs) {
          double points = CostPoints.score(benchmark, cost).points();
          assertTrue(points <= previous, year + " " + measure.measureId() + ": " + points + " at " + cost);
          assertTrue(points >= 1 && points <= 10, year + " " + measure.measureId() + ": " + points);
          previous = points;
        }
      }
    }
    return checked;
  }

  /** Ascending costs: a grid from 0 to 1.5 × the largest bound, and each bound and its neighbours. */
  private static TreeSet<Double> costsAround(Benchmark benchmark) {
    List<Double> bounds = new ArrayList<>();
    for (double bound : CostPoints.bounds(benchmark)) {
      bounds.add(bound);
    }
    bounds.add(CostPoints.decileOneStart(benchmark));
    TreeSet<Double> costs = new TreeSet<>();
    double top = 1.5 * bounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    for (int i = 0; i <= 500; i++) {
      costs.add(top * i / 500);
    }
    for (double bound : bounds) {
      costs.add(bound);
      costs.add(bound + 0.01);
      costs.add(Math.max(0, bound - 0.01));
    }
    return costs;
  }

  private static ScoreNode measure(int year, String measureId, double cost) {
    return score(year, new CostMeasureValue(measureId, cost, 1000)).parts().get(0);
  }
}

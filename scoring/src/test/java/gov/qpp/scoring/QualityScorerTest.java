package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality scoring as pure computation, against the real catalog and benchmarks. The two worked examples of the QPP
 * docs (MIPS-RULES.md §3.2) are exact; the class, floor and cap cases assume the per-year values in
 * scoring/quality-rules.json (2022: 70 % data completeness, floor 3, class 2 = 3, class 3 = 0; 2023: no floor,
 * class 2 = 0; 2018: class 3 = 1). 2017-2022 on the packed catalog; 2023+ on the shared one (skipped without it).
 */
class QualityScorerTest {

  @BeforeAll
  static void load() {
    Catalogs.packed(); // loaded once, before the first test
  }

  static MeasureValue.SinglePerformanceRate rate(long met, long notMet, long eligible) {
    return new MeasureValue.SinglePerformanceRate(false,
        new MeasureValue.Rate(null, met, notMet, eligible, null, null, null), null);
  }

  static ScoreNode scoreOne(int year, String measureId, MeasureValue value) {
    return scoreAll(year, new Measurement(measureId, value)).parts().get(0).parts().get(0).parts().get(0);
  }

  static ScoreNode scoreAll(int year, Measurement... measurements) {
    MeasurementSet set = new MeasurementSet(Category.QUALITY, "registry", "mips", null, null, null,
        Arrays.asList(measurements));
    return scoreAll(Catalogs.year(year), measurements);
  }

  static ScoreNode scoreAll(CatalogYear catalogYear, Measurement... measurements) {
    MeasurementSet set = new MeasurementSet(Category.QUALITY, "registry", "mips", null, null, null,
        Arrays.asList(measurements));
    Submission submission = new Submission(EntityType.GROUP, new Tin("000000002"), null, null, catalogYear.year(),
        List.of(set));
    return QualityScorer.score(submission, catalogYear);
  }

  @Test
  void measure047In2022MatchesTheDocs() {
    ScoreNode measure = scoreOne(2022, "047", rate(120, 36, 156));
    assertEquals(5.3676, measure.value());
    assertEquals(5, measure.metadata().get("decile"));
    assertEquals(76.92, measure.metadata().get("performanceRate"));
  }

  @Test
  void measure110In2018MatchesTheDocs() {
    ScoreNode measure = scoreOne(2018, "110", rate(8231, 1769, 10000));
    assertEquals(8.9585, measure.value());
  }

  @Test
  void percentileBenchmarksFrom2023() {
    // 2023 registry 047: p30 = 60.46, p40 = 79.06 → decile 4 + 16.46 / 18.6
    assertEquals(4.8849, scoreOne(2023, "047", rate(120, 36, 156)).value());
  }

  @Test
  void inversePercentilesListedAscendingAreReadFromTheBestEnd() {
    // 2025 EHR 001 (inverse) lists p10 13.46 ... p90 94.35 ascending. Decile 10 is a rate ≤ p10, decile 2 ≤ p90.
    // Rate 30: ≤ p50 32.915 (decile 6), > p40 27.54 → 6 + (32.915 − 30) / (32.915 − 27.54) = 6 + 2.915/5.375
    // = 6.5423. Reading the list as descending would give any rate up to 94.35 the full 10 points.
    var benchmark = Catalogs.year(2025).benchmark("001", "electronicHealthRecord").orElseThrow();
    AchievementPoints.Result result = AchievementPoints.score(benchmark, 30, true);
    assertEquals(6, result.decile());
    assertEquals(6.5423, ScoreNode.round4(result.points()));
    // 10 ≤ p10 13.46 → decile 10; 99.5 > p99 99.44 → decile 1, at 1 point
    assertEquals(10, AchievementPoints.score(benchmark, 10, true).decile());
    assertEquals(1.0, AchievementPoints.score(benchmark, 99.5, true).points());
  }

  @Test
  void inverseMeasuresScoreLowerRatesHigher() {
    // 2022 registry 001 (inverse): 30 ≥ 25 > 20 → decile 8, half way to decile 9
    assertEquals(8.5, scoreOne(2022, "001", rate(25, 75, 100)).value());
  }

  @Test
  void threePointFloorThrough2022() {
    assertEquals(3.0, scoreOne(2022, "047", rate(10, 90, 100)).value());
    assertEquals("Class 1", scoreOne(2022, "047", rate(10, 90, 100)).metadata().get("measureClass"));
  }

  @Test
  void toppedOutMeasuresAreCappedAtSeven() {
    assertEquals(7.0, scoreOne(2022, "005", rate(100, 0, 100)).value());
  }

  @Test
  void belowCaseMinimumIsClassTwo() {
    assertEquals(3.0, scoreOne(2022, "047", rate(10, 5, 15)).value());
    assertEquals("Class 2", scoreOne(2022, "047", rate(10, 5, 15)).metadata().get("measureClass"));
  }

  @Test
  void belowCaseMinimumIsClassTwoAtZeroFrom2023() {
    assertEquals(0.0, scoreOne(2023, "047", rate(10, 5, 15)).value());
  }

  @Test
  void belowDataCompletenessIsClassThree() {
    // 60 of 100 eligible reported: under 2022's 70 %
    assertEquals(0.0, scoreOne(2022, "047", rate(50, 10, 100)).value());
    assertEquals(1.0, scoreOne(2018, "047", rate(30, 10, 100)).value());
  }

  @Test
  void categoryIsTheBestSixOverSixty() {
    ScoreNode total = scoreAll(2022, new Measurement("047", rate(120, 36, 156)),
        new Measurement("001", rate(25, 75, 100)));
    ScoreNode set = total.parts().get(0).parts().get(0);
    assertEquals(23.1127, set.value()); // (5.3676 + 8.5) / 60
    assertEquals(6.9338, total.value()); // at 2022's 30 % weight
  }

  @Test
  void simpleAverageOfStrataExcludesOverall() {
    var strata = new MeasureValue.MultiPerformanceRate(false, List.of(
        new MeasureValue.Rate("a", 3, 1L, 4, null, null, null),
        new MeasureValue.Rate("b", 1, 1L, 2, null, null, null),
        new MeasureValue.Rate("overall", 4, 2L, 6, null, null, null)), null);
    var measure = Catalogs.year(2022).qualityMeasure("305").orElseThrow();
    MeasurePerformance performance = MeasurePerformance.of(measure, strata);
    assertEquals(62.5, performance.performanceRate());
    assertEquals(4, performance.caseCount());
  }

  @Test
  void yearsWithoutParametersAreNotScored() {
    // 2026: in the shared catalog, not yet in the scoring rules (skipped without ../shared)
    ScoreNode total = scoreAll(2026, new Measurement("047", rate(120, 36, 156)));
    assertNull(total.value());
    assertEquals("not scored", total.detail());
  }

  @Test
  void yearsWithoutParametersAreNotScoredInACatalogOfOurOwn(@TempDir Path root) throws IOException {
    // 2030: a catalog of our own, a year the scoring rules do not have
    ScoreNode total = scoreAll(Catalogs.empty(root, 2030), new Measurement("047", rate(120, 36, 156)));
    assertNull(total.value());
    assertEquals("not scored", total.detail());
  }
}

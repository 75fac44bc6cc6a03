package gov.qpp.gateway.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.MeasureValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promoting Interoperability, PY2019, hand-computed. The SD example (score-output-pi.json) is exact: 4 + 12 + 19 + 19
 * + 10 = 64, which at PI's 25 % is 16 points. The redistribution of excluded measures and the numerator-of-1 rule
 * are assumptions named in docs/scoring.md.
 */
class PiScorerTest {

  static CatalogYear catalog;

  @BeforeAll
  static void load() {
    assumeTrue(SharedFolder.measures().isPresent(), "skipped: ../shared/qpp-measures-data not found");
    catalog = CatalogLoader.fromDirectory(SharedFolder.measures().get()).year(2019).orElseThrow();
  }

  static Measurement yes(String id) {
    return new Measurement(id, new MeasureValue.BooleanValue(true));
  }

  static Measurement no(String id) {
    return new Measurement(id, new MeasureValue.BooleanValue(false));
  }

  static Measurement ratio(String id, long numerator, long denominator) {
    return new Measurement(id, new MeasureValue.Proportion(numerator, denominator));
  }

  /** The SD example's measures (score-output-pi.json). */
  static List<Measurement> example() {
    return new ArrayList<>(List.of(yes("PI_PPHI_1"), yes("PI_ONCACB_1"), yes("PI_INFBLO_1"), yes("PI_ONCDIR_1"),
        ratio("PI_EP_1", 49, 115), ratio("PI_HIE_1", 1123, 1951), ratio("PI_HIE_4", 923, 951),
        ratio("PI_PEA_1", 861, 1809), yes("PI_PHCDRR_1"), yes("PI_PHCDRR_1_MULTI")));
  }

  static ScoreNode score(List<Measurement> measurements, String cehrtId) {
    MeasurementSet set = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", null, null, cehrtId,
        measurements);
    return PiScorer.score(set, 2019, catalog);
  }

  static ScoreNode score(List<Measurement> measurements) {
    return score(measurements, "XX15CXXXXXXXXXX");
  }

  @Test
  void theDocumentedExample() {
    // round(49/115 x 10 = 4.26) + round(1123/1951 x 20 = 11.51) + round(923/951 x 20 = 19.41)
    // + round(861/1809 x 40 = 19.04) + two registries x 5 = 4 + 12 + 19 + 19 + 10
    ScoreNode pi = score(example());
    assertEquals(64.0, pi.value());
    assertEquals("((49/115)*10) = 4", pi.parts().get(4).metadata().get("formula"));
    // 64 % at PI's 2019 weight of 25 % is 16 points of the final score
    FinalScore.YearRules rules = FinalScore.rules(2019).orElseThrow();
    ScoreNode total = FinalScore.score(rules, new FinalScore.Inputs(Map.of(FinalScore.Category.QUALITY, 50.0,
        FinalScore.Category.PI, pi.value()), false, 0), 30);
    assertEquals(16.0, total.parts().get(1).value());
  }

  @Test
  void the2019PointsAreTheCatalogsWeights() {
    PiScorer.YearRules rules = PiScorer.rules(2019).orElseThrow();
    rules.points().forEach((id, points) -> assertEquals(String.valueOf(points.intValue()),
        ((PiMeasure) catalog.measure(id).orElseThrow()).weight(), id));
  }

  @Test
  void noSecurityRiskAnalysisMeansZero() {
    List<Measurement> measurements = example();
    measurements.set(0, no("PI_PPHI_1"));
    assertEquals(0.0, score(measurements).value());
  }

  @Test
  void noCehrtIdMeansZero() {
    assertEquals(0.0, score(example(), null).value());
  }

  @Test
  void aRequiredMeasureNeitherReportedNorExcludedMeansZero() {
    List<Measurement> measurements = example();
    measurements.removeIf(m -> m.measureId().equals("PI_HIE_4"));
    assertEquals(0.0, score(measurements).value());
  }

  @Test
  void aRequiredNumeratorOfZeroMeansZero() {
    List<Measurement> measurements = example();
    measurements.set(5, ratio("PI_HIE_1", 0, 1951));
    assertEquals(0.0, score(measurements).value());
  }

  @Test
  void excludedEPrescribingGoesToTheTwoHieMeasures() {
    // EP excluded: HIE send and receive are worth 25 each -> round(0.5756 x 25 = 14.39) + round(0.9706 x 25 =
    // 24.26) + PEA 19 + public health 10 = 14 + 24 + 19 + 10
    List<Measurement> measurements = example();
    measurements.set(4, yes("PI_LVPP_1"));
    assertEquals(67.0, score(measurements).value());
  }

  @Test
  void excludedEPrescribingAndHieSendTravelOnToPatientAccess() {
    // EP and HIE send excluded: HIE receive 25 -> 24; PEA 40 + 20 (HIE send) + 5 (EP's share to HIE send, passed
    // on) = 65 -> round(0.4760 x 65 = 30.94) = 31; public health 10: 24 + 31 + 10
    List<Measurement> measurements = example();
    measurements.set(4, yes("PI_LVPP_1"));
    measurements.set(5, yes("PI_LVOTC_1"));
    assertEquals(65.0, score(measurements).value());
  }

  @Test
  void pointsRoundHalfUpExactly() {
    // EP excluded, HIE send worth 25: 29/50 x 25 = 14.5 -> 15 (floating point would give 14.4999... -> 14);
    // HIE receive round(0.9706 x 25) = 24, PEA 19, public health 10
    List<Measurement> measurements = example();
    measurements.set(4, yes("PI_LVPP_1"));
    measurements.set(5, ratio("PI_HIE_1", 29, 50));
    assertEquals(68.0, score(measurements).value());
  }

  @Test
  void publicHealthExclusionGoesToPatientAccess() {
    // no registry Yes, an exclusion claimed: PEA worth 50 -> round(0.4760 x 50 = 23.80) = 24; 4 + 12 + 19 + 24
    List<Measurement> measurements = example();
    measurements.removeIf(m -> m.measureId().startsWith("PI_PHCDRR"));
    measurements.add(yes("PI_PHCDRR_1_EX_1"));
    assertEquals(59.0, score(measurements).value());
    // one registry Yes and the rest excluded: the full 10 (an assumption): 4 + 12 + 19 + 19 + 10
    measurements.add(yes("PI_PHCDRR_2"));
    assertEquals(64.0, score(measurements).value());
  }

  @Test
  void aPeriodShorterThan90DaysScoresZero() {
    MeasurementSet set = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips",
        java.time.LocalDate.of(2019, 12, 1), java.time.LocalDate.of(2019, 12, 31), "XX15CXXXXXXXXXX", example());
    assertEquals(0.0, PiScorer.score(set, 2019, catalog).value());
  }

  @Test
  void bonusesAndTheCap() {
    List<Measurement> measurements = example();
    measurements.add(yes("PI_EP_2"));
    // 64 + PDMP 5
    assertEquals(69.0, score(measurements).value());
    List<Measurement> perfect = new ArrayList<>(List.of(yes("PI_PPHI_1"), yes("PI_INFBLO_1"), yes("PI_ONCDIR_1"),
        ratio("PI_EP_1", 1, 1), ratio("PI_HIE_1", 1, 1), ratio("PI_HIE_4", 1, 1), ratio("PI_PEA_1", 1, 1),
        yes("PI_PHCDRR_1"), yes("PI_PHCDRR_2"), yes("PI_EP_2"), ratio("PI_EP_3", 3, 4)));
    // 10 + 20 + 20 + 40 + 10 + 5 + 5 = 110, capped
    assertEquals(100.0, score(perfect).value());
  }

  @Test
  void yearsWithoutVerifiedValuesAreNotScored() {
    MeasurementSet set = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", null, null,
        "XX15CXXXXXXXXXX", example());
    org.junit.jupiter.api.Assertions.assertNull(PiScorer.score(set, 2022, catalog).value());
  }
}

package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promoting Interoperability, PY2019, hand-computed. The SD example (score-output-pi.json) is exact: 4 + 12 + 19 + 19
 * + 10 = 64, which at PI's 25 % is 16 points. The redistribution of excluded measures and the numerator-of-1 rule
 * are assumptions named in docs/scoring.md.
 *
 * <p>2020-2025, hand-computed, assume the values of pi-rules.json, all open questions in docs/scoring.md: 2020 as
 * 2019 without the opioid bonus and PDMP bonus 5; 2021 PDMP bonus 10 and HIE bi-directional exchange worth both HIE
 * measures; 2022 immunization and case reporting required for public health's 10, other registries a bonus of 5;
 * 2023+ the notes' maxima (EP 10, PDMP 10, HIE 15 + 15 or 30, Patient Access 25, Public Health 25, bonus 5), PDMP's
 * points to e-Prescribing when excluded, HIE's and public health's to Patient Access.
 *
 * <p>2019-2022 run on the packed catalog, 2023-2025 on the shared one (skipped without it).
 */
class PiScorerTest {

  static CatalogYear catalog;

  @BeforeAll
  static void load() {
    catalog = Catalogs.year(2019);
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
  void yearsWithoutValuesAreNotScored() {
    // the notes stop at 2025
    MeasurementSet set = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", null, null,
        "XX15CXXXXXXXXXX", example());
    org.junit.jupiter.api.Assertions.assertNull(PiScorer.score(set, 2026, catalog).value());
  }

  // ---- 2020-2025 ----

  static ScoreNode score(int year, List<Measurement> measurements) {
    return score(year, measurements, null, null);
  }

  static ScoreNode score(int year, List<Measurement> measurements, java.time.LocalDate start,
      java.time.LocalDate end) {
    MeasurementSet set = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", start, end,
        "XX15CXXXXXXXXXX", measurements);
    return PiScorer.score(set, year, Catalogs.year(year));
  }

  /** The SD example's proportions with the 2020-2021 public health answers (any two registries). */
  static List<Measurement> example2020() {
    return new ArrayList<>(List.of(yes("PI_PPHI_1"), yes("PI_INFBLO_1"), yes("PI_ONCDIR_1"),
        ratio("PI_EP_1", 49, 115), ratio("PI_HIE_1", 1123, 1951), ratio("PI_HIE_4", 923, 951),
        ratio("PI_PEA_1", 861, 1809), yes("PI_PHCDRR_1"), yes("PI_PHCDRR_2")));
  }

  /** The same proportions with 2022's answers: the SAFER guides answered No, immunization and case reporting Yes. */
  static List<Measurement> example2022() {
    return new ArrayList<>(List.of(yes("PI_PPHI_1"), no("PI_PPHI_2"), yes("PI_INFBLO_1"), yes("PI_ONCDIR_1"),
        ratio("PI_EP_1", 49, 115), ratio("PI_HIE_1", 1123, 1951), ratio("PI_HIE_4", 923, 951),
        ratio("PI_PEA_1", 861, 1809), yes("PI_PHCDRR_1"), yes("PI_PHCDRR_3")));
  }

  /** 2023+: 2022's answers plus the now required PDMP query (Yes/No). */
  static List<Measurement> example2023() {
    List<Measurement> measurements = example2022();
    measurements.add(5, yes("PI_EP_2"));
    return measurements;
  }

  static List<Measurement> without(List<Measurement> measurements, String... ids) {
    List<String> gone = List.of(ids);
    measurements.removeIf(m -> gone.contains(m.measureId()));
    return measurements;
  }

  @Test
  void full2020() {
    // round(49/115 x 10 = 4.26) + round(1123/1951 x 20 = 11.51) + round(923/951 x 20 = 19.41)
    // + round(861/1809 x 40 = 19.04) + two registries x 5 + PDMP bonus 5 = 4 + 12 + 19 + 19 + 10 + 5 = 69;
    // the opioid agreement (PI_EP_3) is not a 2020 measure: no bonus for it
    List<Measurement> measurements = example2020();
    measurements.addAll(List.of(yes("PI_EP_2"), ratio("PI_EP_3", 3, 4)));
    assertEquals(69.0, score(2020, measurements).value());
  }

  @Test
  void excludedEPrescribing2020() {
    // as 2019: HIE send and receive worth 25 each -> round(14.39) + round(24.26) + PEA 19 + public health 10
    List<Measurement> measurements = example2020();
    measurements.set(3, yes("PI_LVPP_1"));
    assertEquals(67.0, score(2020, measurements).value());
  }

  @Test
  void full2021() {
    // 4 + 12 + 19 + 19 + 10 (two registries) + PDMP bonus 10 = 74
    List<Measurement> measurements = example2020();
    measurements.add(yes("PI_EP_2"));
    assertEquals(74.0, score(2021, measurements).value());
  }

  @Test
  void hieBiDirectionalExchange2021() {
    // PI_HIE_5 Yes instead of the two HIE measures: 20 + 20 = 40 -> 4 + 40 + 19 + 10 = 73
    List<Measurement> measurements = without(example2020(), "PI_HIE_1", "PI_HIE_4");
    measurements.add(yes("PI_HIE_5"));
    assertEquals(73.0, score(2021, measurements).value());
    // e-Prescribing excluded too: its 5 + 5 go to the HIE measures, so HIE_5 earns 25 + 25 = 50: 50 + 19 + 10 = 79
    measurements.set(3, yes("PI_LVPP_1"));
    assertEquals(79.0, score(2021, measurements).value());
    // bi-directional exchange answered No, no HIE measure reported: the category scores 0
    measurements.set(measurements.size() - 1, no("PI_HIE_5"));
    assertEquals(0.0, score(2021, measurements).value());
  }

  @Test
  void full2022() {
    // SAFER guides answered No still meets the attestation; 4 + 12 + 19 + 19 + public health 10 (immunization and
    // case reporting Yes) + PDMP bonus 10 + registry bonus 5 (syndromic surveillance and a clinical data registry,
    // counted once) = 79
    List<Measurement> measurements = example2022();
    measurements.addAll(List.of(yes("PI_EP_2"), yes("PI_PHCDRR_2"), yes("PI_PHCDRR_5")));
    assertEquals(79.0, score(2022, measurements).value());
  }

  @Test
  void publicHealthRequiredRegistries2022() {
    // case reporting excluded, immunization Yes: the full 10: 4 + 12 + 19 + 19 + 10 = 64
    List<Measurement> measurements = without(example2022(), "PI_PHCDRR_3");
    measurements.add(yes("PI_PHCDRR_3_EX_2"));
    assertEquals(64.0, score(2022, measurements).value());
    // both excluded: public health's 10 go to Patient Access, worth 50: round(861/1809 x 50 = 23.80) = 24;
    // 4 + 12 + 19 + 24 = 59
    measurements = without(measurements, "PI_PHCDRR_1");
    measurements.add(yes("PI_PHCDRR_1_EX_1"));
    assertEquals(59.0, score(2022, measurements).value());
    // case reporting neither answered nor excluded: 0
    assertEquals(0.0, score(2022, without(example2022(), "PI_PHCDRR_3")).value());
  }

  @Test
  void full2023() {
    // round(49/115 x 10 = 4.26) = 4 + PDMP Yes 10 + round(1123/1951 x 15 = 8.63) = 9 + round(923/951 x 15 = 14.56)
    // = 15 + round(861/1809 x 25 = 11.90) = 12 + public health 25 + registry bonus 5 = 80
    List<Measurement> measurements = example2023();
    measurements.add(yes("PI_PHCDRR_4"));
    assertEquals(80.0, score(2023, measurements).value());
    // PDMP answered No (no exclusion): the category scores 0
    measurements.set(5, no("PI_EP_2"));
    assertEquals(0.0, score(2023, measurements).value());
  }

  @Test
  void tefcaAndPdmpExclusion2023() {
    // TEFCA (PI_HIE_6) Yes instead of the HIE measures: 15 + 15 = 30 -> 4 + 10 + 30 + 12 + 25 = 81
    List<Measurement> measurements = without(example2023(), "PI_HIE_1", "PI_HIE_4");
    measurements.add(yes("PI_HIE_6"));
    assertEquals(81.0, score(2023, measurements).value());
    // PDMP excluded: its 10 go to e-Prescribing, worth 20 -> round(49/115 x 20 = 8.52) = 9;
    // 9 + 9 + 15 + 12 + 25 = 70
    measurements = example2023();
    measurements.set(5, yes("PI_EP_2_EX_1"));
    assertEquals(70.0, score(2023, measurements).value());
  }

  @Test
  void theCap2023() {
    // 10 + 10 + 15 + 15 + 25 + 25 + bonus 5 = 105 -> 100
    List<Measurement> perfect = new ArrayList<>(List.of(yes("PI_PPHI_1"), yes("PI_PPHI_2"), yes("PI_INFBLO_1"),
        yes("PI_ONCDIR_1"), ratio("PI_EP_1", 5, 5), yes("PI_EP_2"), ratio("PI_HIE_1", 5, 5), ratio("PI_HIE_4", 5, 5),
        ratio("PI_PEA_1", 5, 5), yes("PI_PHCDRR_1"), yes("PI_PHCDRR_3"), yes("PI_PHCDRR_2")));
    ScoreNode pi = score(2023, perfect);
    assertEquals(105.0, pi.parts().stream().filter(p -> p.value() != null).mapToDouble(ScoreNode::value).sum()
        + (Double) pi.metadata().get("publicHealthScore") + (Double) pi.metadata().get("bonus"));
    assertEquals(100.0, pi.value());
  }

  @Test
  void full2024AndThe180DayPeriod() {
    // as full2023 without the bonus: 4 + 10 + 9 + 15 + 12 + 25 = 75, over 180 days (Jan 1 - Jun 28, 2024:
    // 31 + 29 + 31 + 30 + 31 + 28 = 180); one day fewer scores 0
    java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 1);
    assertEquals(75.0, score(2024, example2023(), start, java.time.LocalDate.of(2024, 6, 28)).value());
    assertEquals(0.0, score(2024, example2023(), start, java.time.LocalDate.of(2024, 6, 27)).value());
  }

  @Test
  void exclusions2024() {
    // HIE send excluded: its 15 go to Patient Access, worth 40 -> round(861/1809 x 40 = 19.04) = 19;
    // 4 + 10 + 15 (receive) + 19 + 25 = 73
    List<Measurement> measurements = example2023();
    measurements.set(6, yes("PI_LVOTC_1"));
    assertEquals(73.0, score(2024, measurements).value());
    // e-Prescribing and PDMP excluded, HIE bi-directional exchange Yes: PDMP's 10 go to e-Prescribing, which is
    // excluded too, so they travel on with its own 10 to the HIE measures (5 + 5 each): HIE_5 = (15 + 10) x 2 = 50;
    // 50 + 12 + 25 = 87
    measurements = without(example2023(), "PI_HIE_1", "PI_HIE_4");
    measurements.set(4, yes("PI_LVPP_1"));
    measurements.set(5, yes("PI_EP_2_EX_2"));
    measurements.add(yes("PI_HIE_5"));
    assertEquals(87.0, score(2024, measurements).value());
  }

  @Test
  void full2025() {
    // case reporting is suppressed for 2025: answered No it still meets the objective:
    // 4 + 10 + 9 + 15 + 12 + 25 + registry bonus 5 = 80
    List<Measurement> measurements = example2023();
    measurements.set(measurements.size() - 1, no("PI_PHCDRR_3"));
    measurements.add(yes("PI_PHCDRR_5"));
    assertEquals(80.0, score(2025, measurements).value());
    // the same No in 2024 fails the required registry: 0
    assertEquals(0.0, score(2024, measurements).value());
  }

  @Test
  void publicHealthExcluded2025() {
    // immunization and case reporting both excluded: 25 to Patient Access, worth 50 -> round(861/1809 x 50 =
    // 23.80) = 24; 4 + 10 + 9 + 15 + 24 = 62
    List<Measurement> measurements = without(example2023(), "PI_PHCDRR_1", "PI_PHCDRR_3");
    measurements.addAll(List.of(yes("PI_PHCDRR_1_EX_3"), yes("PI_PHCDRR_3_EX_1")));
    assertEquals(62.0, score(2025, measurements).value());
  }

  @Test
  void the2020To2022RulesAgreeWithThePackedCatalog() {
    for (int year = 2020; year <= 2022; year++) {
      rulesAgreeWithTheCatalog(Catalogs.packed().year(year).orElseThrow());
    }
    // the notes' 2023+ maxima: EP 10 + PDMP 10 + HIE 15 + 15 + Patient Access 25 + Public Health 25 + bonus 5 = 105
    for (int year = 2023; year <= 2025; year++) {
      PiScorer.YearRules rules = PiScorer.rules(year).orElseThrow();
      assertEquals(java.util.Map.of("PI_EP_1", 10.0, "PI_EP_2", 10.0, "PI_HIE_1", 15.0, "PI_HIE_4", 15.0, "PI_PEA_1",
          25.0), rules.points());
      assertEquals(25.0, rules.publicHealth().max());
      assertEquals(5.0, rules.bonuses().get(0).points());
    }
  }

  @Test
  void the2022To2025RulesAgreeWithTheSharedCatalog() {
    for (int year = 2022; year <= 2025; year++) {
      rulesAgreeWithTheCatalog(Catalogs.shared().year(year).orElseThrow());
    }
  }

  private static void rulesAgreeWithTheCatalog(CatalogYear catalogYear) {
    int year = catalogYear.year();
    PiScorer.YearRules rules = PiScorer.rules(year).orElseThrow();
    String y = year + " ";
    // scored measures and attestations are the catalog's required ones
    rules.points().keySet().forEach(id -> assertTrue(pi(catalogYear, id).required(), y + id));
    rules.attestations().forEach(id -> assertTrue(pi(catalogYear, id).required(), y + id));
    // and every required measure outside public health is scored, attested or an alternative
    catalogYear.inCategory("pi").stream().map(PiMeasure.class::cast)
        .filter(m -> m.required() && !m.objective().equals(rules.publicHealth().objective()))
        .forEach(m -> assertTrue(rules.points().containsKey(m.measureId())
            || rules.attestations().contains(m.measureId()) || rules.alternatives().containsKey(m.measureId()),
            y + m.measureId()));
    // each exclusion is the catalog's exclusion of its measure
    rules.exclusions().forEach((exclusion, measure) ->
        assertTrue(pi(catalogYear, measure).exclusions().contains(exclusion), y + exclusion));
    // each alternative lists the measures it replaces among its catalog substitutes
    rules.alternatives().forEach((alternative, replaced) ->
        assertTrue(pi(catalogYear, alternative).substitutes().containsAll(replaced), y + alternative));
    // bonus measures are the catalog's bonus measures; required registries its required ones
    rules.bonuses().forEach(bonus -> bonus.measures().forEach(id -> assertTrue(pi(catalogYear, id).bonus(), y + id)));
    rules.publicHealth().requiredRegistries().forEach(id -> assertTrue(pi(catalogYear, id).required(), y + id));
  }

  static PiMeasure pi(CatalogYear catalogYear, String id) {
    return (PiMeasure) catalogYear.measure(id).orElseThrow(() -> new AssertionError(id + " not in the catalog"));
  }
}

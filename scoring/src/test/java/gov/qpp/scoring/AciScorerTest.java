package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Advancing Care Information, 2017 and 2018, hand-computed: min(100, base 50 + performance + bonus). Assumed (open
 * questions in docs/scoring.md, values in aci-rules.json): performance points by decile band (a rate above 0 and at
 * most 10 % is band 1, so 1 of 10 points; 10.5 % is band 2; 20-point measures earn 2 per band); a second registry
 * earns the registry bonus; the 2018 bonus cap is 25; a 2015-edition CEHRT id has 15E in characters 3-5.
 */
class AciScorerTest {

  static final String EDITION_2015 = "AA15EXXXXXXXXXX";
  static final String EDITION_2014 = "A014E01O3PDSEAK";

  static CatalogYear catalog2017;
  static CatalogYear catalog2018;

  @BeforeAll
  static void load() {
    // the packed catalog's 2017 and 2018 files are the shared folder's
    catalog2017 = Catalogs.year(2017);
    catalog2018 = Catalogs.year(2018);
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

  static ScoreNode score(int year, List<Measurement> measurements, String cehrtId) {
    MeasurementSet set = new MeasurementSet(Category.ACI, "registry", "mips", null, null, cehrtId, measurements);
    return AciScorer.score(set, year, year == 2017 ? catalog2017 : catalog2018);
  }

  /** A typical ACI-set submission; prefix ACI_ (2017) or PI_ (2018, the catalog's ids that year). */
  static List<Measurement> typical(String prefix) {
    return new ArrayList<>(List.of(yes(prefix + "PPHI_1"), yes(prefix + "INFBLO_1"), yes(prefix + "ONCDIR_1"),
        ratio(prefix + "EP_1", 80, 100), ratio(prefix + "HIE_1", 45, 100), ratio(prefix + "HIE_2", 9, 100),
        ratio(prefix + "PEA_1", 101, 200), ratio(prefix + "CCTPE_2", 10, 100), yes(prefix + "PHCDRR_1")));
  }

  static double metadata(ScoreNode node, String key) {
    return (Double) node.metadata().get(key);
  }

  @SuppressWarnings("unchecked")
  static List<String> messages(ScoreNode node) {
    return (List<String>) node.metadata().get("messages");
  }

  @Test
  void typical2017() {
    // base 50 (PPHI Yes, EP 80/100, HIE_1, HIE_2, PEA_1 numerators >= 1); performance by band x weight 10:
    // HIE_1 45 % -> band 5 = 5; HIE_2 9 % -> band 1 = 1; PEA_1 101/200 = 50.5 % -> band 6 = 6;
    // CCTPE_2 10 % -> band 1 (10 % is the top of band 1) = 1; immunization registry Yes = 10; EP_1 weighs 0.
    // 50 + (5 + 1 + 6 + 1 + 10 = 23) + bonus 0 = 73
    ScoreNode aci = score(2017, typical("ACI_"), EDITION_2014);
    assertEquals(73.0, aci.value());
    assertEquals("aci", aci.name());
    assertEquals("registry", aci.detail());
    assertEquals(50.0, metadata(aci, "baseScore"));
    assertEquals(23.0, metadata(aci, "performanceScore"));
    assertEquals(0.0, metadata(aci, "bonusScore"));
    assertEquals(6.0, aci.parts().get(6).value());
    assertEquals("(101/200) in rate band 6 of 10: 6/10 × 10 = 6", aci.parts().get(6).metadata().get("formula"));
  }

  @Test
  void aRequiredBaseMeasureFailingMeansZero2017() {
    // HIE_2 with numerator 0 fails the base: the whole category is 0, whatever the other measures earn
    List<Measurement> measurements = typical("ACI_");
    measurements.set(5, ratio("ACI_HIE_2", 0, 100));
    ScoreNode aci = score(2017, measurements, EDITION_2014);
    assertEquals(0.0, aci.value());
    assertTrue(messages(aci).get(0).startsWith("ACI_HIE_2 (required)"), messages(aci).toString());
    // the security risk analysis answered No: 0 as well
    measurements = typical("ACI_");
    measurements.set(0, no("ACI_PPHI_1"));
    assertEquals(0.0, score(2017, measurements, EDITION_2014).value());
  }

  @Test
  void anExclusionSatisfiesTheBase2017() {
    // e-Prescribing excluded (ACI_LVPP_1 Yes) and not reported: base still 50; EP weighs 0, so still 73
    List<Measurement> measurements = typical("ACI_");
    measurements.set(3, yes("ACI_LVPP_1"));
    assertEquals(73.0, score(2017, measurements, EDITION_2014).value());
  }

  @Test
  void bonusesAndTheirCap2017() {
    // typical 73 + registry bonus 5 (two further registries: Syndromic Surveillance and Electronic Case Reporting,
    // counted once) + IA with CEHRT 10 = 15, the 2017 cap: 73 + 15 = 88
    List<Measurement> measurements = typical("ACI_");
    measurements.addAll(List.of(yes("ACI_PHCDRR_2"), yes("ACI_PHCDRR_3"), yes("ACI_IACEHRT_1")));
    ScoreNode aci = score(2017, measurements, EDITION_2015);
    assertEquals(15.0, metadata(aci, "bonusScore"));
    assertEquals(88.0, aci.value());
  }

  @Test
  void theCategoryIsCappedAt100() {
    // every ACI-set measure at 100 %: 50 + 9 x 10 = 140, + bonus 15 = 155 -> 100
    List<Measurement> all = new ArrayList<>(List.of(yes("ACI_PPHI_1"), yes("ACI_INFBLO_1"), yes("ACI_ONCDIR_1"),
        ratio("ACI_EP_1", 1, 1), yes("ACI_PHCDRR_1"), yes("ACI_PHCDRR_2"), yes("ACI_IACEHRT_1")));
    for (String id : List.of("HIE_1", "HIE_2", "HIE_3", "PEA_1", "PEA_2", "CCTPE_1", "CCTPE_2", "CCTPE_3")) {
      all.add(ratio("ACI_" + id, 7, 7));
    }
    ScoreNode aci = score(2017, all, EDITION_2014);
    assertEquals(90.0, metadata(aci, "performanceScore"));
    assertEquals(100.0, aci.value());
  }

  @Test
  void noCehrtIdMeansZero() {
    ScoreNode aci = score(2017, typical("ACI_"), null);
    assertEquals(0.0, aci.value());
    assertEquals(List.of("no CEHRT id: the category scores 0"), messages(aci));
    assertEquals(0.0, score(2018, typical("PI_"), null).value());
  }

  @Test
  void theTransitionSet2017() {
    // transition measures: base met (PPHI Yes, EP 1/10, HIE 33/100, PEA 95/100); TRANS_HIE_1 weighs 20:
    // 33 % -> band 4 = 4/10 x 20 = 8; TRANS_PEA_1 (20) 95 % -> band 10 = 20; secure messaging 0/50 -> 0;
    // immunization 10; syndromic surveillance -> registry bonus 5. 50 + 8 + 20 + 0 + 10 + 5 = 93
    List<Measurement> measurements = List.of(yes("ACI_TRANS_PPHI_1"), yes("ACI_INFBLO_1"), yes("ACI_ONCDIR_1"),
        ratio("ACI_TRANS_EP_1", 1, 10), ratio("ACI_TRANS_HIE_1", 33, 100), ratio("ACI_TRANS_PEA_1", 95, 100),
        ratio("ACI_TRANS_SM_1", 0, 50), yes("ACI_TRANS_PHCDRR_1"), yes("ACI_TRANS_PHCDRR_2"));
    ScoreNode aci = score(2017, measurements, EDITION_2014);
    assertEquals("transition", aci.metadata().get("measureSet"));
    assertEquals(38.0, metadata(aci, "performanceScore"));
    assertEquals(93.0, aci.value());
  }

  @Test
  void typical2018WithAllBonuses() {
    // as typical2017 with 2018's PI_ ids: 5 + 1 + 6 + 1 + 10 = 23; bonuses: a second registry (Syndromic
    // Surveillance; 2018 weighs each registry 10 but the registries earn at most 10) 5 + IA with CEHRT 10 +
    // 2015-edition CEHRT (15E in the id) 10 = 25, within the 2018 cap of 25: 50 + 23 + 25 = 98
    List<Measurement> measurements = typical("PI_");
    measurements.addAll(List.of(yes("PI_PHCDRR_2"), yes("PI_IACEHRT_1")));
    ScoreNode aci = score(2018, measurements, EDITION_2015);
    assertEquals(23.0, metadata(aci, "performanceScore"));
    assertEquals(25.0, metadata(aci, "bonusScore"));
    assertEquals(98.0, aci.value());
    // a 2014-edition id (14E) earns no 2015-edition bonus: 50 + 23 + 15 = 88
    assertEquals(88.0, score(2018, measurements, EDITION_2014).value());
    // a 2014/2015 mix (15H) neither: 88
    assertEquals(88.0, score(2018, measurements, "AA15HXXXXXXXXXX").value());
  }

  @Test
  void baseFailAndCap2018() {
    // HIE_1 not reported and not excluded: 0
    List<Measurement> measurements = typical("PI_");
    measurements.remove(4);
    assertEquals(0.0, score(2018, measurements, EDITION_2015).value());
    // everything at 100 %: 50 + 8 x 10 + registry 10 = 140, + 25 bonus -> 100
    List<Measurement> all = new ArrayList<>(List.of(yes("PI_PPHI_1"), yes("PI_INFBLO_1"), yes("PI_ONCDIR_1"),
        ratio("PI_EP_1", 1, 1), yes("PI_PHCDRR_1"), yes("PI_PHCDRR_1_MULTI"), yes("PI_IACEHRT_1")));
    for (String id : List.of("HIE_1", "HIE_2", "HIE_3", "PEA_1", "PEA_2", "CCTPE_1", "CCTPE_2", "CCTPE_3")) {
      all.add(ratio("PI_" + id, 3, 3));
    }
    ScoreNode aci = score(2018, all, EDITION_2015);
    assertEquals(90.0, metadata(aci, "performanceScore"));
    assertEquals(25.0, metadata(aci, "bonusScore"));
    assertEquals(100.0, aci.value());
  }

  @Test
  void otherYearsAreNotScoredHere() {
    MeasurementSet set = new MeasurementSet(Category.PI, "registry", "mips", null, null, EDITION_2015, List.of());
    assertNull(AciScorer.score(set, 2019, catalog2018).value());
  }

  @Test
  void theRulesAgreeWithTheCatalog() {
    for (CatalogYear catalog : List.of(catalog2017, catalog2018)) {
      AciScorer.YearRules rules = AciScorer.rules(catalog.year()).orElseThrow();
      // each performance measure's points are the catalog's weight (10, or 20 for the transition HIE and PEA)
      rules.performance().forEach((id, points) -> assertEquals(points, weight(catalog, id), catalog.year() + " " + id));
      // and every catalog measure that weighs something and is not a bonus is in the table
      measures(catalog).filter(m -> !m.bonus() && weight(catalog, m.measureId()) > 0
              && !rules.iaCehrtBonus().containsKey(m.measureId()))
          .forEach(m -> assertTrue(rules.performance().containsKey(m.measureId()), m.measureId()));
      // every bonus registry measure weighs the registry bonus, and the IA bonus is the catalog's weight
      measures(catalog).filter(m -> m.bonus() && m.objective() != null
              && rules.publicHealthObjectives().contains(m.objective()))
          .forEach(m -> assertEquals(rules.registryBonus(), weight(catalog, m.measureId()), m.measureId()));
      rules.iaCehrtBonus().forEach((id, points) -> assertEquals(points, weight(catalog, id), id));
      // each exclusion is one the catalog names for its measure (as an exclusion or, in 2017, a substitute)
      rules.exclusions().forEach((exclusion, measure) -> {
        PiMeasure target = (PiMeasure) catalog.measure(measure).orElseThrow();
        assertTrue(target.exclusions().contains(exclusion) || target.substitutes().contains(exclusion),
            exclusion + " -> " + measure);
      });
    }
  }

  static double weight(CatalogYear catalog, String id) {
    return Double.parseDouble(((PiMeasure) catalog.measure(id).orElseThrow()).weight());
  }

  static java.util.stream.Stream<PiMeasure> measures(CatalogYear catalog) {
    return java.util.stream.Stream.concat(catalog.inCategory("aci").stream(), catalog.inCategory("pi").stream())
        .map(PiMeasure.class::cast);
  }
}

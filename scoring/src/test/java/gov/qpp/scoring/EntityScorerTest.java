package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.ImprovementActivity;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One entity's sets merged and scored into the full tree; every number worked out in the comments. */
class EntityScorerTest {

  static CatalogYear y2019;

  @BeforeAll
  static void load() {
    y2019 = Catalogs.year(2019); // the packed catalog's 2019 is the shared folder's
  }

  /** Six 2019 measures with complete data but 10 cases each (< 20): class 2, 3 points each → 18/60 = 30 %. */
  static MeasurementSet quality(String method, long cases) {
    List<Measurement> measurements = new ArrayList<>();
    for (String id : List.of("001", "047", "110", "111", "130", "134")) {
      measurements.add(new Measurement(id, new MeasureValue.SinglePerformanceRate(false,
          new MeasureValue.Rate(null, cases / 2, cases - cases / 2, cases, null, null, null), null)));
    }
    return new MeasurementSet(Category.QUALITY, method, "mips", null, null, null, measurements);
  }

  /** Two high-weight 2019 activities: 20 + 20 = 40 of 40 points → 100 %. */
  static MeasurementSet improvementActivities(int count) {
    List<Measurement> measurements = y2019.inCategory("ia").stream().map(ImprovementActivity.class::cast)
        .filter(a -> "high".equals(a.weight())).limit(count)
        .map(a -> new Measurement(a.measureId(), new MeasureValue.BooleanValue(true))).toList();
    return new MeasurementSet(Category.IA, "registry", "mips", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31),
        null, measurements);
  }

  /** The SD PI example: 4 + 12 + 19 + 19 + 10 = 64 %. */
  static MeasurementSet pi() {
    return new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", null, null, "XX15CXXXXXXXXXX",
        PiScorerTest.example());
  }

  static StoredSet stored(String submitter, int minute, MeasurementSet set) {
    return new StoredSet(UUID.randomUUID(), submitter, Instant.parse("2020-01-10T10:00:00Z").plusSeconds(60L * minute),
        set);
  }

  static ScoreNode score(List<StoredSet> sets, Eligibility eligibility) {
    return EntityScorer.score(new EntityScorer.Inputs(sets, eligibility, null, 1.0, 1.0), y2019);
  }

  static ScoreNode part(ScoreNode total, String name) {
    return total.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void allCategoriesMakeTheFinalScoreAndTheAdjustment() throws Exception {
    // 2019 weights Q45 PI25 IA15 C15; no cost data, so cost's 15 goes to quality: Q60.
    // 30 × 0.60 + 64 × 0.25 + 100 × 0.15 = 18 + 16 + 15 = 49.
    // Adjustment: 49 ≥ PT 30 → 7 % × (49 − 30) / (100 − 30) × 1 = 1.9 %; below EPT 75, no exceptional part.
    ScoreNode total = score(List.of(stored("r1", 0, quality("registry", 10)), stored("r1", 0, pi()),
        stored("r1", 0, improvementActivities(2))), Eligibility.UNKNOWN);
    assertEquals(49.0, total.value());
    assertEquals(60.0, part(total, "quality").metadata().get("maxContribution"));
    assertEquals(18.0, part(total, "quality").value());
    assertEquals(16.0, part(total, "pi").value());
    assertEquals(15.0, part(total, "ia").value());
    assertEquals(0.0, part(total, "cost").value());
    @SuppressWarnings("unchecked")
    Map<String, Object> payment = (Map<String, Object>) total.metadata().get("paymentAdjustment");
    assertEquals(1.9, payment.get("estimatedAdjustmentPercent"));
    assertEquals("SCORED", total.metadata().get("status"));
    // the tree goes total → category → measurement set → measure
    assertEquals("001", part(total, "quality").parts().get(0).parts().get(0).name());
    // what is stored is the QPP score JSON, written straight from the record
    var encoded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(total.encode());
    assertEquals(49.0, encoded.get("value").asDouble());
    assertEquals("quality", encoded.get("parts").get(0).get("name").asText());
    assertEquals("SCORED", encoded.get("metadata").get("status").asText());
  }

  @Test
  void aResubmissionReplacesTheSameSubmittersSetButNotAnotherSubmitters() {
    // r1 sends 10-case sets (class 2, 30 %), then resubmits with 40 cases. 40 cases are class 1 against the 2019
    // registry benchmarks, so the resubmission alone decides r1's quality; r2's 10-case set stays beside it.
    StoredSet first = stored("r1", 0, quality("registry", 10));
    StoredSet again = stored("r1", 5, quality("registry", 40));
    StoredSet other = stored("r2", 1, quality("registry", 10));
    List<StoredSet> current = CurrentSets.of(List.of(again, other, first));
    assertEquals(List.of(other, again), current);
    ScoreNode quality = part(score(List.of(first, other, again), Eligibility.UNKNOWN), "quality");
    assertEquals(2, quality.parts().size());
    ScoreNode picked = quality.parts().stream()
        .filter(set -> Boolean.TRUE.equals(set.metadata().get("measurementSetPicked"))).findFirst().orElseThrow();
    assertEquals(again.submissionId().toString(), picked.metadata().get("submissionId"));
    assertTrue(picked.value() > 30.0, "the 40-case set scores class 1 points above the 30 % of class 2");
  }

  @Test
  void perCategoryTheHighestScoringSetCounts() {
    // one IA set with one high activity (20 of 40 → 50 %), another with two (100 %): IA is 100 %
    ScoreNode ia = part(score(List.of(stored("r1", 0, improvementActivities(1)),
        stored("ehr", 1, improvementActivities(2))), Eligibility.UNKNOWN), "ia");
    assertEquals(100.0, ia.metadata().get("originalValue"));
    assertEquals(2, ia.parts().size());
  }

  @Test
  void fewerThanTwoScoredCategoriesGiveThePerformanceThreshold() {
    // quality alone: the final score is 2019's performance threshold, 30, and the adjustment neutral (0 %)
    ScoreNode total = score(List.of(stored("r1", 0, quality("registry", 10))), Eligibility.UNKNOWN);
    assertEquals(30.0, total.value());
    @SuppressWarnings("unchecked")
    Map<String, Object> payment = (Map<String, Object>) total.metadata().get("paymentAdjustment");
    assertEquals(0.0, payment.get("estimatedAdjustmentPercent"));
  }

  @Test
  void smallPracticesGetSixQualityPointsAndDoubledActivities() {
    // small practice: quality (18 + 6) / 60 = 40 %; one high activity doubled: 40 of 40 → 100 %.
    // PI and cost both unscored: 2019 has no row for that pair, so their 25 + 15 go to quality: Q85 IA15.
    // 40 × 0.85 + 100 × 0.15 = 34 + 15 = 49.
    Eligibility small = new Eligibility(true, false, false, false, 0, null, null, false, null, null, List.of());
    ScoreNode total = score(List.of(stored("r1", 0, quality("registry", 10)),
        stored("r1", 0, improvementActivities(1))), small);
    assertEquals(40.0, part(total, "quality").metadata().get("originalValue"));
    assertEquals(100.0, part(total, "ia").metadata().get("originalValue"));
    assertEquals(85.0, part(total, "quality").metadata().get("maxContribution"));
    assertEquals(49.0, total.value());
  }

  @Test
  void qualifyingApmParticipantsAndLowVolumeClinicianAreNotScored() {
    // QP: 2019 thresholds 50 % payments / 35 % patients; 55 % payments meets QP
    var qp = QpDetermination.determine(QpDetermination.thresholds(2019).orElseThrow(), "A1234",
        new BigDecimal("55"), null);
    Eligibility apm = new Eligibility(false, false, false, false, 0, null, null, false, "A1234", qp, List.of());
    List<StoredSet> sets = List.of(stored("r1", 0, quality("registry", 10)), stored("r1", 0, pi()));
    ScoreNode excluded = score(sets, apm);
    assertNull(excluded.value());
    assertEquals("EXCLUDED", excluded.metadata().get("status"));
    // the categories are still scored for feedback: IA and cost unscored, their 15 + 15 go to quality: Q75 PI25 →
    // 30 × 0.75 + 64 × 0.25 = 22.5 + 16 = 38.5
    assertEquals(38.5, excluded.metadata().get("voluntaryScore"));
    assertNull(excluded.metadata().get("paymentAdjustment"));

    var lowVolume = new LowVolume.Determination(LowVolume.Status.OPT_IN_ELIGIBLE, List.of("beneficiaries 150 ≤ 200"));
    Eligibility notOptedIn = new Eligibility(false, false, false, false, 0, lowVolume, "claims", false, null, null,
        List.of());
    assertNull(score(sets, notOptedIn).value());
    Eligibility optedIn = new Eligibility(false, false, false, false, 0, lowVolume, "claims", true, null, null,
        List.of());
    assertEquals(38.5, score(sets, optedIn).value());
  }

  @Test
  void setsOfOtherProgramsAreListedNotScored() {
    MeasurementSet app = new MeasurementSet(Category.QUALITY, "registry", "app1", null, null, null,
        quality("registry", 10).measurements());
    ScoreNode total = score(List.of(stored("r1", 0, app)), Eligibility.UNKNOWN);
    assertNull(part(total, "quality").metadata().get("originalValue"));
    assertTrue(total.metadata().get("messages").toString().contains("program app1"));
  }

  @Test
  void improvementPointsComeFromLastYearsAchievement() {
    // 30 % achievement against last year's 20 %, taken as the floor 30 % → no rise, 0 points; against a prior of
    // 50 % → 0 (a fall never subtracts). With 40 cases the set's achievement is above 30 %: points =
    // (achievement − 30) / 30 × 10, at most 10.
    ScoreNode none = part(EntityScorer.score(new EntityScorer.Inputs(List.of(stored("r1", 0, quality("registry", 10))),
        Eligibility.UNKNOWN, 20.0, 1.0, 1.0), y2019), "quality");
    assertEquals(0.0, none.metadata().get("improvementPercent"));
    ScoreNode rising = part(EntityScorer.score(new EntityScorer.Inputs(List.of(stored("r1", 0,
        quality("registry", 40))), Eligibility.UNKNOWN, 20.0, 1.0, 1.0), y2019), "quality");
    double achievement = (Double) rising.metadata().get("achievementPercent");
    double expected = ScoreNode.round4(Math.min(10, (achievement - 30) / 30 * 10));
    assertEquals(expected, rising.metadata().get("improvementPercent"));
    assertEquals(ScoreNode.round4(Math.min(100, (Double) rising.parts().get(0).value() + expected)),
        rising.metadata().get("originalValue"));
  }

  @Test
  void noRulesForTheYearIsNotScored() {
    // 2026: in the shared catalog, not yet in the scoring rules (skipped without ../shared)
    ScoreNode total = EntityScorer.score(new EntityScorer.Inputs(List.of(), Eligibility.UNKNOWN, null, 1.0, 1.0),
        Catalogs.shared().year(2026).orElseThrow());
    assertNull(total.value());
    assertEquals("NOT_SCORED", total.metadata().get("status"));
  }

  @Test
  void noRulesForTheYearOfACatalogOfOurOwnIsNotScored(@TempDir Path root) throws IOException {
    // a catalog of our own for 2030, a year the scoring rules do not have
    CatalogYear year2030 = Catalogs.empty(root, 2030);
    ScoreNode total = EntityScorer.score(new EntityScorer.Inputs(List.of(), Eligibility.UNKNOWN, null, 1.0, 1.0),
        year2030);
    assertNull(total.value());
    assertEquals("NOT_SCORED", total.metadata().get("status"));
  }
}

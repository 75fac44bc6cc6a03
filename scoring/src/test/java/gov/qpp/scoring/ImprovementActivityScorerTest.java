package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.ImprovementActivity;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed improvement activity scores (MIPS-RULES.md §3.4); the arithmetic is in each comment. 2017-2022 on
 * the packed catalog; 2024 and 2025 on the shared one (skipped without it).
 */
class ImprovementActivityScorerTest {

  private static CatalogYear year(int year) {
    return Catalogs.year(year);
  }

  /** The first activities of the year with the given weight (null: any). */
  private static List<String> activities(int year, String weight, int count) {
    return year(year).inCategory("ia").stream().map(ImprovementActivity.class::cast)
        .filter(a -> !a.measureId().equals(ImprovementActivityScorer.PCMH))
        .filter(a -> weight == null || weight.equals(a.weight())).limit(count).map(ImprovementActivity::measureId)
        .toList();
  }

  private static MeasurementSet set(int year, List<String> performed, List<String> notPerformed) {
    List<Measurement> measurements = new java.util.ArrayList<>();
    performed.forEach(id -> measurements.add(new Measurement(id, new MeasureValue.BooleanValue(true))));
    notPerformed.forEach(id -> measurements.add(new Measurement(id, new MeasureValue.BooleanValue(false))));
    return new MeasurementSet(Category.IA, "registry", "mips", LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31),
        null, measurements);
  }

  @Test
  void oneHighAndOneMediumActivityEarnThreeQuarters() {
    // 2022: 20 + 10 = 30 of 40 points = 75 %
    List<String> performed = new java.util.ArrayList<>(activities(2022, "high", 1));
    performed.addAll(activities(2022, "medium", 1));
    assertEquals(2, performed.size());
    ScoreNode node = ImprovementActivityScorer.score(set(2022, performed, List.of()), year(2022),
        ImprovementActivityScorer.Status.NONE);
    assertEquals(75.0, node.value());
    assertEquals(30.0, node.metadata().get("points"));
  }

  @Test
  void oneHighAndOneMediumActivityEarnThreeQuartersIn2024() {
    // 20 + 10 = 30 of 40 points = 75 %
    List<String> performed = new java.util.ArrayList<>(activities(2024, "high", 1));
    performed.addAll(activities(2024, "medium", 1));
    ScoreNode node = ImprovementActivityScorer.score(set(2024, performed, List.of()), year(2024),
        ImprovementActivityScorer.Status.NONE);
    assertEquals(75.0, node.value());
    assertEquals(30.0, node.metadata().get("points"));
  }

  @Test
  void doubledPointsAreCappedAtTheCategory() {
    // small practice, 2018: two high activities 2 x 40 = 80, capped at 40 = 100 %; one medium 20 = 50 %
    ScoreNode two = ImprovementActivityScorer.score(set(2018, activities(2018, "high", 2), List.of()), year(2018),
        new ImprovementActivityScorer.Status(true, false));
    assertEquals(100.0, two.value());
    ScoreNode one = ImprovementActivityScorer.score(set(2018, activities(2018, "medium", 1), List.of()), year(2018),
        new ImprovementActivityScorer.Status(true, false));
    assertEquals(50.0, one.value());
  }

  @Test
  void activitiesNotPerformedEarnNothing() {
    // 2019: one medium performed (10), one high answered "N" (0): 10 of 40 = 25 %
    ScoreNode node = ImprovementActivityScorer.score(set(2019, activities(2019, "medium", 1),
        activities(2019, "high", 1)), year(2019), ImprovementActivityScorer.Status.NONE);
    assertEquals(25.0, node.value());
    assertEquals("not attested as performed", node.parts().get(1).detail());
  }

  @Test
  void from2025EachActivityIsHalfTheCategory() {
    // 2025, no weights: one activity 20 of 40 = 50 %; two fill it; special status: one fills it
    assertEquals(50.0, ImprovementActivityScorer.score(set(2025, activities(2025, null, 1), List.of()), year(2025),
        ImprovementActivityScorer.Status.NONE).value());
    assertEquals(100.0, ImprovementActivityScorer.score(set(2025, activities(2025, null, 2), List.of()), year(2025),
        ImprovementActivityScorer.Status.NONE).value());
    assertEquals(100.0, ImprovementActivityScorer.score(set(2025, activities(2025, null, 1), List.of()), year(2025),
        new ImprovementActivityScorer.Status(true, false)).value());
  }

  @Test
  void medicalHomeAndApmEntitiesGetFullCredit() {
    assertEquals(100.0, ImprovementActivityScorer.score(set(2017, List.of(ImprovementActivityScorer.PCMH), List.of()),
        year(2017), ImprovementActivityScorer.Status.NONE).value());
    assertEquals(100.0, ImprovementActivityScorer.score(set(2022, List.of(), List.of()), year(2022),
        new ImprovementActivityScorer.Status(false, true)).value());
  }
}

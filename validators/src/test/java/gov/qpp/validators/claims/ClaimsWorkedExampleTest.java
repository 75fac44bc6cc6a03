package gov.qpp.validators.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of INTAKE-NOTES.md §1 on the shared claims sample (measures 001, 047 and 226 of 2025),
 * for the clinician and for the group (one clinician, so the same counts).
 */
class ClaimsWorkedExampleTest {

  private static ClaimsOutcome sample() throws Exception {
    Optional<Path> corpus = SharedFolder.corpus("claims");
    assumeTrue(corpus.isPresent(), "skipped: ../shared/corpus/claims not found");
    try (InputStream in = Files.newInputStream(corpus.get().resolve("claims-sample.jsonl"))) {
      return new ClaimsIntake(TestCatalog.get(), ClaimsIntake.Limits.DEFAULT).intake(ClaimsFormat.JSON_LINES, in,
          null);
    }
  }

  @Test
  void everyClaimOfTheSampleIsUsedForPerformanceYear2025() throws Exception {
    ClaimsOutcome outcome = sample();
    assertTrue(outcome.accepted(), () -> outcome.report().problems().toString());
    assertEquals(2025, outcome.performanceYear());
    assertEquals(5, outcome.report().claims().read());
    assertEquals(5, outcome.report().claims().used());
    assertEquals(5, outcome.report().lines().used());
    // the sample's MBIs use letters CMS does not issue (B, Z): one warning for the file
    assertEquals(List.of("CLAIM_UNISSUED_MBI_LETTERS"), outcome.report().problems().stream()
        .map(problem -> problem.code().name()).toList());
  }

  @Test
  void clinicianAndGroupReportExactlyTheThreeWorkedMeasures() throws Exception {
    ClaimsOutcome outcome = sample();
    assertEquals(2, outcome.submissions().size());
    for (ClaimsOutcome.Derived derived : outcome.submissions()) {
      assertTrue(derived.valid(), () -> derived.problems().toString());
      assertEquals("000123456", derived.clinician().tin());
      assertEquals(List.of("001", "047", "226"), measurements(derived).keySet().stream().sorted().toList());
      assertEquals("claims", derived.submission().measurementSets().get(0).submissionMethod());
    }
    assertEquals("1234567893", outcome.submissions().get(0).clinician().npi());
    assertTrue(outcome.submissions().get(1).clinician().isGroup());
  }

  @Test
  void measure001TakesTheMostRecentClaimWithAQualityCode() throws Exception {
    // bene 1EG4TE5MK73: C1 (03-10) M1373 not met, C2 (09-22) M1211 met -> C2 decides: met (poor control, inverse)
    // bene 2AB3CD4EF56 has no diabetes diagnosis; bene 3ZZ9YY8XX77 neither
    for (ClaimsOutcome.Derived derived : sample().submissions()) {
      assertRate(rate(derived, "001", null), 1, 0, 0, 0, 1);
    }
  }

  @Test
  void measure047TakesTheMostAdvantageousMarkerPerPatient() throws Exception {
    // bene 1 (68): 1123F on C1 -> met. bene 2 (75): C3 1123F-8P not met, C4 1124F met -> met. bene 3 is 35.
    for (ClaimsOutcome.Derived derived : sample().submissions()) {
      assertRate(rate(derived, "047", null), 2, 0, 0, 0, 2);
    }
  }

  @Test
  void measure226CountsEachStratumAndTheReportingGap() throws Exception {
    // screening (00): bene 1 G9903, bene 2 G9902 -> met 2; bene 3 (99213-95 at POS 02, no QDC) -> gap; eligible 3
    // intervention (01): bene 2 G9902+G9906 -> met 1; benes 1 and 3 have no such pair -> eligible 3
    // both (02): nobody has 1036F, G0030 or G0029 -> eligible 3, nothing reported
    for (ClaimsOutcome.Derived derived : sample().submissions()) {
      assertRate(rate(derived, "226", "reporting"), 2, 0, 0, 0, 3);
      assertRate(rate(derived, "226", "performance"), 1, 0, 0, 0, 3);
      assertRate(rate(derived, "226", "combinedPopulations"), 0, 0, 0, 0, 3);
    }
  }

  @Test
  void theYearsClaimsMeasuresAreComputedOrListedWithAReason() throws Exception {
    ClaimsOutcome outcome = sample();
    assertEquals(25, outcome.computedMeasures().size() + outcome.notComputed().size());
    // every 2025 claims measure has a computed class; three left traditional MIPS in the 2025 data
    assertEquals(List.of("112", "113", "128"), outcome.notComputed().stream()
        .map(ClaimsOutcome.NotComputed::measureId).toList());
    assertTrue(outcome.notComputed().get(0).reason().startsWith("not in the year's traditional MIPS program"));
  }

  static Map<String, MeasureValue> measurements(ClaimsOutcome.Derived derived) {
    return derived.submission().measurementSets().get(0).measurements().stream()
        .collect(Collectors.toMap(Measurement::measureId, Measurement::value));
  }

  static MeasureValue.Rate rate(ClaimsOutcome.Derived derived, String measureId, String stratum) {
    MeasureValue value = measurements(derived).get(measureId);
    if (value instanceof MeasureValue.SinglePerformanceRate single) {
      assertEquals(null, stratum);
      return single.rate();
    }
    return ((MeasureValue.MultiPerformanceRate) value).strata().stream()
        .filter(rate -> rate.stratum().equals(stratum)).findFirst().orElseThrow();
  }

  static void assertRate(MeasureValue.Rate rate, long met, long notMet, long exclusions, long exceptions,
      long eligible) {
    assertEquals(List.of(met, notMet, exclusions, exceptions, eligible), List.of(rate.performanceMet(),
        rate.performanceNotMet(), rate.eligiblePopulationExclusion(), rate.eligiblePopulationException(),
        rate.eligiblePopulation()), "met, notMet, exclusions, exceptions, eligible");
  }
}

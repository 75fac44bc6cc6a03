package gov.qpp.validators.qrda1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.claims.MeasureCounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QRDA I patients evaluated with the claims logic of the measures their documents reference, on the packed 2021
 * catalog (its last year with claims specifications); one 2025 case on the shared catalog.
 */
class Qrda1ResultsTest {

  @Test
  void measure001CountsEligiblePatientsAndTheQualityCodesTheDocumentsCarry() {
    // patient A: a 99213 visit and E11.9, 60 years old at the visit: eligible for 001, no quality code -> gap
    String a = Qrda1IntakeTest.valid("1EG4TE5MK73");
    // patient B: the same, plus CPT II 3046F (most recent HbA1c > 9 %, 2021's met code) as an intervention that day
    String b = Qrda1IntakeTest.valid("2AC2DE3FG45").replace("</observation></entry>", "</observation></entry>"
        + "<entry><act classCode=\"ACT\" moodCode=\"EVN\">"
        + "<templateId root=\"2.16.840.1.113883.10.20.24.3.32\"/>"
        + "<code code=\"3046F\" codeSystem=\"2.16.840.1.113883.6.12\"/>"
        + "<effectiveTime><low value=\"20210310\"/></effectiveTime></act></entry>");
    assertTrue(b.contains("3046F"), "the fixture edit applied");
    Qrda1Intake intake = new Qrda1Intake(PackedCatalog.get());
    List<Qrda1Patient> patients = new ArrayList<>();
    patients.addAll(intake.document(a.getBytes(StandardCharsets.UTF_8)).patients());
    patients.addAll(intake.document(b.getBytes(StandardCharsets.UTF_8)).patients());
    assertEquals(2, patients.size());

    Qrda1Results.Results results = Qrda1Results.compute(new ClaimsIntake(PackedCatalog.get(),
        ClaimsIntake.Limits.DEFAULT), patients);
    assertEquals(List.of(), List.copyOf(results.notComputed().keySet()), "001 has a claims specification in 2021");
    // clinician and group: eligible 2 (A and B), met 1 (B: poor control, the inverse measure's "met")
    assertEquals(2, results.computed().size());
    for (Qrda1Results.MeasureResult result : results.computed()) {
      assertEquals("001", result.measureId());
      MeasureCounts counts = result.strata().get(0);
      assertEquals(List.of(1L, 0L, 2L), List.of(counts.performanceMet(), counts.performanceNotMet(),
          counts.eligiblePopulation()));
    }
  }

  @Test
  void aReferencedMeasureWithoutClaimsLogicIsStoredNotComputed() {
    // 005 (CMS135v9) is an eCQM of 2021 (it has a UUID) without claims specifications: named with why
    String uuid005 = PackedCatalog.get().year(2021).orElseThrow().qualityMeasure("005").orElseThrow().eMeasureUuid();
    String xml = Qrda1IntakeTest.document("1EG4TE5MK73", "1234567893", "MIPS_INDIV", uuid005);
    List<Qrda1Patient> patients = new Qrda1Intake(PackedCatalog.get()).document(xml.getBytes(StandardCharsets.UTF_8))
        .patients();
    assertEquals(1, patients.size());
    Qrda1Results.Results results = Qrda1Results.compute(new ClaimsIntake(PackedCatalog.get(),
        ClaimsIntake.Limits.DEFAULT), patients);
    assertEquals(List.of(), results.computed());
    assertTrue(results.notComputed().get("005").startsWith("no claims specification"), results.toString());
  }

  @Test
  void aReferencedMeasureWithoutClaimsLogicIsStoredNotComputedIn2025() {
    // on the shared catalog, the document's dates moved to 2025. CMS165v13 (QPP 236) has claims specifications in 2025; a UUID of a measure without them is named with why
    String uuid236 = TestCatalog.year(2025).qualityMeasure("236").orElseThrow().eMeasureUuid();
    String uuid130 = TestCatalog.year(2025).qualityMeasure("130").map(m -> m.eMeasureUuid()).orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(uuid130 != null, "130 has no eMeasureUuid in 2025");
    String xml = Qrda1IntakeTest.document("1EG4TE5MK73", "1234567893", "MIPS_INDIV", uuid130)
        .replace("value=\"2021", "value=\"2025");
    List<Qrda1Patient> patients = new Qrda1Intake(TestCatalog.get()).document(xml.getBytes(StandardCharsets.UTF_8))
        .patients();
    Qrda1Results.Results results = Qrda1Results.compute(new ClaimsIntake(TestCatalog.get(),
        ClaimsIntake.Limits.DEFAULT), patients);
    assertTrue(results.notComputed().get("130").startsWith("no claims specification"), results.toString());
    assertTrue(uuid236 != null);
  }
}

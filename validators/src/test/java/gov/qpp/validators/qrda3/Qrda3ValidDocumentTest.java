package gov.qpp.validators.qrda3;

import static gov.qpp.validators.qrda3.Qrda3Document.CEHRT_ID;
import static gov.qpp.validators.qrda3.Qrda3Document.NPI;
import static gov.qpp.validators.qrda3.Qrda3Document.TIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.catalog.Mvp;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our valid 2021 report (packed catalog) converts to the expected normalised submission, and the variants that stay
 * valid; the 2025 report (shared catalog) for what starts later: the eCQM set's CEHRT id and MVPs.
 */
class Qrda3ValidDocumentTest {

  /** The MVP the MVP test reports under (MVPs start in 2023); the test checks that 2025's lists measure 134. */
  private static final String MVP = "G0053";

  @Test
  void validIndividualReportIsAcceptedWithoutProblems() {
    IntakeResult result = Qrda3Document.valid().intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void validReportNamesTheIndividualAndTheYear() {
    Submission submission = Qrda3Document.valid().intake().submission();

    assertEquals(EntityType.INDIVIDUAL, submission.entityType());
    assertEquals(NPI, submission.npi().value());
    assertEquals(TIN, submission.tin().value());
    assertNull(submission.entityId());
    assertEquals(2021, submission.performanceYear());
  }

  @Test
  void validReportHasOneSetPerSectionWithItsOwnPeriod() {
    List<MeasurementSet> sets = Qrda3Document.valid().intake().submission().measurementSets();

    assertEquals(List.of(Category.QUALITY, Category.PI, Category.IA), sets.stream().map(MeasurementSet::category).toList());
    for (MeasurementSet set : sets) {
      assertEquals("electronicHealthRecord", set.submissionMethod());
      assertEquals("mips", set.programName());
    }
    assertPeriod("2021-01-01", "2021-12-31", sets.get(0));
    assertPeriod("2021-07-01", "2021-09-28", sets.get(1));
    assertPeriod("2021-03-01", "2021-06-30", sets.get(2));
    // The CEHRT id goes on PI sets, on eCQM sets only from 2025, never on IA.
    assertNull(sets.get(0).cehrtId());
    assertEquals(CEHRT_ID, sets.get(1).cehrtId());
    assertNull(sets.get(2).cehrtId());
  }

  @Test
  void valid2025ReportIsAcceptedWithoutProblems() {
    IntakeResult result = Qrda3Document.valid2025().intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    assertEquals(List.of(), result.problems());
    assertEquals(2025, result.submission().performanceYear());
  }

  @Test
  void theCehrtIdGoesOnTheEcqmSetFrom2025() {
    List<MeasurementSet> sets = Qrda3Document.valid2025().intake().submission().measurementSets();

    assertEquals(List.of(Category.QUALITY, Category.PI, Category.IA), sets.stream().map(MeasurementSet::category).toList());
    assertEquals(CEHRT_ID, sets.get(0).cehrtId());
    assertEquals(CEHRT_ID, sets.get(1).cehrtId());
    assertNull(sets.get(2).cehrtId());
  }

  @Test
  void qualityCountsAreNormalisedFromThePopulations() {
    MeasurementSet quality = Qrda3Document.valid().intake().submission().measurementSets().get(0);

    // The fixture reports IPOP 120, DENOM 100, NUMER 80, DENEXCEP 6, DENEX 4.
    Measurement measurement = quality.measurements().get(0);
    assertEquals(1, quality.measurements().size());
    assertEquals("134", measurement.measureId());
    MeasureValue.SinglePerformanceRate value = (MeasureValue.SinglePerformanceRate) measurement.value();
    assertTrue(value.endToEndReported());
    MeasureValue.Rate rate = value.rate();
    assertEquals(100, rate.eligiblePopulation());
    assertEquals(80, rate.performanceMet());
    assertEquals(100 - 80 - 4 - 6, rate.performanceNotMet());
    assertEquals(4L, rate.eligiblePopulationExclusion());
    assertEquals(6L, rate.eligiblePopulationException());
    assertNull(rate.stratum());
  }

  @Test
  void piAndIaMeasuresKeepTheirIdsAndValues() {
    List<MeasurementSet> sets = Qrda3Document.valid().intake().submission().measurementSets();

    assertEquals(List.of(new Measurement("PI_EP_1", new MeasureValue.Proportion(310, 415)),
        new Measurement("PI_INFBLO_1", new MeasureValue.BooleanValue(true))), sets.get(1).measurements());
    assertEquals(List.of(new Measurement("IA_EPA_2", new MeasureValue.BooleanValue(true))), sets.get(2).measurements());
  }

  @Test
  void conversionToolJsonMarksEverySetAsQrda3() {
    Submission submission = Qrda3Document.valid().intake().submission();

    ObjectNode json = ConversionTool.qppJson(submission);

    JsonNode sets = json.get("measurementSets");
    assertEquals(3, sets.size());
    for (JsonNode set : sets) {
      assertEquals("qrda3", set.path("source").asText(), set::toString);
    }
    assertEquals(2021, json.get("performanceYear").asInt());
    assertEquals(NPI, json.get("nationalProviderIdentifier").asText());
  }

  @Test
  void everyQrdaProblemCodeHasAConversionToolNumberUnlessListedHere() {
    // Deliberately empty: every QRDA_* check of ours has a counterpart in CMS's tool. A new QRDA_* code without
    // one must be added here on purpose (and to docs/qrda3.md).
    Set<ProblemCode> withoutToolCode = Set.of();

    Set<ProblemCode> qrdaCodes = Arrays.stream(ProblemCode.values()).filter(c -> c.name().startsWith("QRDA_"))
        .collect(Collectors.toSet());
    Set<ProblemCode> unmapped = qrdaCodes.stream().filter(c -> ConversionTool.errorCode(c).isEmpty())
        .collect(Collectors.toSet());

    assertEquals(withoutToolCode, unmapped);
    for (ProblemCode code : qrdaCodes) {
      ConversionTool.errorCode(code).ifPresent(n -> assertTrue(n > 0, code + " maps to " + n));
    }
  }

  @Test
  void ippIsAcceptedAsTheOlderSpellingOfIpop() {
    IntakeResult result = Qrda3Document.valid().replace("code=\"IPOP\"", "code=\"IPP\"").intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void performanceRateWithNullFlavorNaIsAccepted() {
    // NA is how a report says the rate is undefined (e.g. an empty denominator); it is not a malformed rate.
    IntakeResult result = Qrda3Document.valid()
        .replace("<value xsi:type=\"REAL\" value=\"0.888889\"/>", "<value xsi:type=\"REAL\" nullFlavor=\"NA\"/>")
        .intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void mvpIdBecomesTheProgramNameOfEverySet() {
    Mvp mvp = TestCatalog.year(2025).mvp(MVP).orElseThrow();
    assertTrue(mvp.qualityMeasureIds().contains("134"), "fixture's measure must belong to " + MVP);

    IntakeResult result = Qrda3Document.valid2025()
        .at("<participant typeCode=\"DEV\">").insertBeforeLine(""
            + "  <participant typeCode=\"TRC\">\n"
            + "    <associatedEntity classCode=\"PROG\">\n"
            + "      <id root=\"2.16.840.1.113883.3.249.5.6\" extension=\"" + MVP + "\"/>\n"
            + "    </associatedEntity>\n"
            + "  </participant>\n")
        .intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    List<MeasurementSet> sets = result.submission().measurementSets();
    assertEquals(3, sets.size());
    for (MeasurementSet set : sets) {
      assertEquals(MVP, set.programName(), set.category() + " set");
    }
  }

  private static void assertPeriod(String start, String end, MeasurementSet set) {
    assertEquals(LocalDate.parse(start), set.performanceStart(), set.category() + " start");
    assertEquals(LocalDate.parse(end), set.performanceEnd(), set.category() + " end");
  }
}

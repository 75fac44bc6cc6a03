package gov.qpp.validators.fhir;

import static gov.qpp.validators.fhir.FhirFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accepted FHIR submissions: what each shape of report becomes in the normalised model. */
class FhirIntakeTest {

  static FhirIntake intake;

  @BeforeAll
  static void build() {
    intake = new FhirIntake(PackedCatalog.get(), SharedValidator.get(), Map.of());
  }

  static IntakeResult accept(ObjectNode document) {
    IntakeResult result = intake.intake(bytes(document));
    assertTrue(result.accepted(), () -> "expected accepted, got " + errors(result));
    return result;
  }

  static List<Problem> errors(IntakeResult result) {
    return result.problems().stream().filter(Problem::isError).toList();
  }

  static MeasureValue.Rate onlyRate(Submission submission) {
    var value = (MeasureValue.SinglePerformanceRate) submission.measurementSets().get(0).measurements().get(0).value();
    return value.rate();
  }

  @Test
  void summaryReportForGroupBecomesEcqmMeasurement() {
    Submission submission = accept(groupBundle(summary(typicalCounts()))).submission();
    assertEquals(EntityType.GROUP, submission.entityType());
    assertEquals(TIN, submission.tin().value());
    assertNull(submission.npi());
    assertEquals(2021, submission.performanceYear());
    var set = submission.measurementSets().get(0);
    assertEquals("electronicHealthRecord", set.submissionMethod());
    assertEquals(CEHRT, set.cehrtId());
    assertEquals("001", set.measurements().get(0).measureId());
    // denominator 90, numerator 30, exclusions 5: not met = 90 - 30 - 5 = 55
    assertEquals(new MeasureValue.Rate(null, 30, 55L, 90, 5L, null, null), onlyRate(submission));
  }

  @Test
  void practitionerRoleReporterIsAnIndividual() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "PractitionerRole/role");
    Submission submission = accept(bundle("collection", report, role("role", "Practitioner/doc",
        "Organization/practice"), practitioner("doc", NPI), organization("practice", TIN), device(CEHRT)))
        .submission();
    assertEquals(EntityType.INDIVIDUAL, submission.entityType());
    assertEquals(NPI, submission.npi().value());
    assertEquals(TIN, submission.tin().value());
  }

  @Test
  void reporterGivenByIdentifierAloneIsRead() {
    ObjectNode report = summary(typicalCounts());
    ObjectNode reporter = report.putObject("reporter");
    reporter.put("type", "Organization");
    reporter.putObject("identifier").put("system", Reporters.TIN_SYSTEM).put("value", TIN);
    Submission submission = accept(bundle("collection", report, device(CEHRT))).submission();
    assertEquals(TIN, submission.tin().value());
  }

  @Test
  void individualReportsAreAddedUpPerMeasure() {
    // three patients: met; excluded; in the denominator and not met
    Submission submission = accept(groupBundle(
        individual("p1", counts("initial-population", 1, "denominator", 1, "numerator", 1)),
        individual("p2", counts("initial-population", 1, "denominator", 1, "denominator-exclusion", 1,
            "numerator", 0)),
        individual("p3", counts("initial-population", 1, "denominator", 1, "numerator", 0)))).submission();
    // denominator 3, numerator 1, exclusions 1: not met = 3 - 1 - 1 = 1
    assertEquals(new MeasureValue.Rate(null, 1, 1L, 3, 1L, null, null), onlyRate(submission));
  }

  @Test
  void multiRateMeasureTakesOneGroupPerStratumInCatalogOrder() {
    ObjectNode report = report("summary", "https://madie.cms.gov/Measure/CMS128FHIRAntidepressantMedication",
        "Organization/practice", group(counts("denominator", 40, "numerator", 30)),
        group(counts("denominator", 40, "numerator", 20)));
    Submission submission = accept(groupBundle(report)).submission();
    var value = (MeasureValue.MultiPerformanceRate) submission.measurementSets().get(0).measurements().get(0).value();
    assertEquals("009", submission.measurementSets().get(0).measurements().get(0).measureId());
    // 2021's catalog names 009's strata >=84Days and >=180Days
    assertEquals(List.of(new MeasureValue.Rate(">=84Days", 30, 10L, 40, null, null, null),
        new MeasureValue.Rate(">=180Days", 20, 20L, 40, null, null, null)), value.strata());
  }

  static ObjectNode stratum(String label, int denominator, int numerator) {
    ObjectNode stratum = group(counts("denominator", denominator, "numerator", numerator));
    stratum.putObject("value").put("text", label);
    return stratum;
  }

  static ObjectNode report370(ObjectNode... strata) {
    ObjectNode group = group(counts("denominator", 50, "numerator", 10));
    var list = group.putArray("stratifier").addObject().putArray("stratum");
    for (ObjectNode stratum : strata) {
      list.add(stratum);
    }
    return report("summary", "https://madie.cms.gov/Measure/CMS159FHIRDepressionRemission", "Organization/practice",
        group);
  }

  static List<MeasureValue.Rate> strata(Submission submission) {
    return ((MeasureValue.MultiPerformanceRate) submission.measurementSets().get(0).measurements().get(0).value())
        .strata();
  }

  /** The 2025 documents on the shared catalog (skipped without it): 370's strata are adolescents and adults. */
  static Submission accept2025(ObjectNode document) {
    IntakeResult result = new FhirIntake(TestCatalog.get(), SharedValidator.get(), Map.of())
        .intake(bytes(inYear(document, 2025)));
    assertTrue(result.accepted(), () -> "expected accepted, got " + errors(result));
    return result.submission();
  }

  @Test
  void measure370IsReadByItsStratifierStrataByLabelNotPosition() {
    // 18+ listed first: matched by label to the 2021 catalog's order (12-17, 18+)
    Submission submission = accept(groupBundle(report370(stratum("18+", 30, 5), stratum("12-17", 20, 5))))
        .submission();
    assertEquals(List.of(new MeasureValue.Rate("12-17", 5, 15L, 20, null, null, null),
        new MeasureValue.Rate("18+", 5, 25L, 30, null, null, null)), strata(submission));
  }

  @Test
  void measure370IsReadByItsStratifierStrataByLabelNotPositionIn2025() {
    // adults listed first: matched by label, whatever its case, to the catalog's order (adolescents, adults)
    Submission submission = accept2025(groupBundle(report370(stratum("adults", 30, 5),
        stratum("Adolescents", 20, 5))));
    assertEquals(List.of(new MeasureValue.Rate("adolescents", 5, 15L, 20, null, null, null),
        new MeasureValue.Rate("adults", 5, 25L, 30, null, null, null)), strata(submission));
  }

  @Test
  void individualReportsAddStrataByLabel() {
    // patient 1 lists 12-17 (met) then 18+ (0); patient 2 only 18+ (not met): one patient in each
    ObjectNode first = report370(stratum("12-17", 1, 1), stratum("18+", 0, 0)).put("type", "individual");
    first.putObject("subject").put("reference", "Patient/p1");
    ObjectNode second = report370(stratum("18+", 1, 0)).put("type", "individual");
    second.putObject("subject").put("reference", "Patient/p2");
    Submission submission = accept(groupBundle(first, second)).submission();
    assertEquals(List.of(new MeasureValue.Rate("12-17", 1, 0L, 1, null, null, null),
        new MeasureValue.Rate("18+", 0, 1L, 1, null, null, null)), strata(submission));
  }

  @Test
  void individualReportsAddStrataByLabelIn2025() {
    ObjectNode first = report370(stratum("adolescents", 1, 1), stratum("adults", 0, 0)).put("type", "individual");
    first.putObject("subject").put("reference", "Patient/p1");
    ObjectNode second = report370(stratum("adults", 1, 0)).put("type", "individual");
    second.putObject("subject").put("reference", "Patient/p2");
    Submission submission = accept2025(groupBundle(first, second));
    assertEquals(List.of(new MeasureValue.Rate("adolescents", 1, 0L, 1, null, null, null),
        new MeasureValue.Rate("adults", 0, 1L, 1, null, null, null)), strata(submission));
  }

  @Test
  void submitDataParametersCarryReportAndResources() {
    ObjectNode parameters = JSON.createObjectNode().put("resourceType", "Parameters");
    var list = parameters.putArray("parameter");
    list.addObject().put("name", "measureReport").set("resource", summary(typicalCounts()));
    list.addObject().put("name", "resource").set("resource", organization("practice", TIN));
    list.addObject().put("name", "resource").set("resource", device(CEHRT));
    FhirIntake.Outcome outcome = intake.intake(bytes(parameters), FhirBody.SUBMIT_DATA, "001");
    assertTrue(outcome.result().accepted(), () -> errors(outcome.result()).toString());
    assertEquals(1, outcome.reports());
  }

  @Test
  void submitDataPathMayNameTheMadieMeasure() {
    var outcome = intake.intake(bytes(groupBundle(summary(typicalCounts()))), FhirBody.SUBMIT_DATA,
        "CMS122FHIRDiabetesAssessGreaterThan9Percent");
    assertTrue(outcome.result().accepted(), () -> errors(outcome.result()).toString());
  }

  @Test
  void fhirValidateParametersAreRead() {
    // what HAPI's client.validate() sends: Parameters{resource, mode}
    ObjectNode parameters = JSON.createObjectNode().put("resourceType", "Parameters");
    var list = parameters.putArray("parameter");
    list.addObject().put("name", "resource").set("resource", groupBundle(summary(typicalCounts())));
    list.addObject().put("name", "mode").put("valueCode", "create");
    var outcome = intake.intake(bytes(parameters), FhirBody.VALIDATE, null);
    assertTrue(outcome.result().accepted(), () -> errors(outcome.result()).toString());
  }

  @Test
  void xmlAndJsonOfOneBundleReadTheSame() {
    ObjectNode bundle = groupBundle(summary(typicalCounts()));
    IntakeResult json = intake.intake(bytes(bundle));
    FhirIntake.Outcome xml = intake.intake(xml(bundle), FhirBody.ANY, null);
    assertEquals(FhirEncoding.XML, xml.encoding());
    assertEquals(json.submission(), xml.result().submission());
    assertTrue(xml.result().accepted());
  }

  @Test
  void transactionBundleIsAccepted() {
    ObjectNode bundle = bundle("transaction", summary(typicalCounts()), organization("practice", TIN), device(CEHRT));
    assertTrue(intake.intake(bytes(bundle)).accepted());
  }

  @Test
  void qiCoreProfilesWeCannotLoadAreWarningsNotErrors() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("meta").putArray("profile")
        .add("http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/summary-measurereport-deqm");
    IntakeResult result = accept(groupBundle(report));
    assertTrue(result.warnings().stream().anyMatch(p -> p.code() == ProblemCode.FHIR_WARNING
        && p.message().contains("summary-measurereport-deqm")), result.warnings().toString());
  }

  @Test
  void configuredCanonicalMappingResolvesAMeasure() {
    FhirIntake mapped = new FhirIntake(PackedCatalog.get(), SharedValidator.get(),
        Map.of("http://example.org/fhir/Measure/diabetes-a1c", "001"));
    ObjectNode report = summary(typicalCounts());
    report.put("measure", "http://example.org/fhir/Measure/diabetes-a1c|3.1.0");
    assertTrue(mapped.intake(bytes(groupBundle(report))).accepted());
    assertFalse(intake.intake(bytes(groupBundle(report))).accepted(), "no mapping: unknown");
  }

  @Test
  void eMeasureUuidAsVersionResolvesTheMeasure() {
    ObjectNode report = summary(typicalCounts());
    // CMS122v9's eMeasureUuid in 2021
    report.put("measure", "http://example.org/fhir/Measure/a1c|2c928085-7198-38ee-0171-9d78a0d406b3");
    assertEquals("001", accept(groupBundle(report)).submission().measurementSets().get(0).measurements().get(0)
        .measureId());
  }
}

package gov.qpp.validators.fhir;

import static gov.qpp.validators.fhir.FhirFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One fixture per rule: each mistake is refused with its code, at its place, and nothing is made of it. */
class FhirProblemsTest {

  static FhirIntake intake;

  @BeforeAll
  static void build() {
    intake = new FhirIntake(PackedCatalog.get(), SharedValidator.get(), Map.of());
  }

  static Problem refused(byte[] document, ProblemCode code) {
    return refused(intake.intake(document, FhirBody.ANY, null).result(), code);
  }

  static Problem refused(IntakeResult result, ProblemCode code) {
    assertFalse(result.accepted(), "expected a refusal");
    return result.problems().stream().filter(p -> p.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " among " + result.problems()));
  }

  static Problem refused(ObjectNode document, ProblemCode code) {
    return refused(bytes(document), code);
  }

  @Test
  void unknownResourceTypeIsNamedByTheValidator() {
    Problem problem = refused("{\"resourceType\": \"NoSuchThing\"}".getBytes(StandardCharsets.UTF_8),
        ProblemCode.FHIR_INVALID);
    assertTrue(problem.message().contains("NoSuchThing"), problem.message());
  }

  @Test
  void jsonWithoutResourceTypeIsUnreadable() {
    refused("[1, 2]".getBytes(StandardCharsets.UTF_8), ProblemCode.FHIR_UNREADABLE);
  }

  @Test
  void brokenJsonNamesLineAndColumn() {
    Problem problem = refused("{\"resourceType\": \"Bundle\",\n \"type\": }".getBytes(StandardCharsets.UTF_8),
        ProblemCode.JSON_SYNTAX);
    assertTrue(problem.location().toString().contains("line 2"), problem.location().toString());
  }

  @Test
  void deepJsonIsRefusedBeforeHapiSeesIt() {
    String deep = "{\"a\":".repeat(FhirR4.MAX_JSON_NESTING + 1) + "1" + "}".repeat(FhirR4.MAX_JSON_NESTING + 1);
    refused(deep.getBytes(StandardCharsets.UTF_8), ProblemCode.JSON_LIMIT_EXCEEDED);
  }

  @Test
  void xmlWithExternalEntityIsRefused() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"&x;\"/></Patient>";
    refused(xxe.getBytes(StandardCharsets.UTF_8), ProblemCode.XML_DTD_NOT_ALLOWED);
  }

  @Test
  void baseR4ErrorsAreReportedWithTheirPath() {
    ObjectNode patient = patient("p1").put("gender", "woman");
    Problem problem = refused(groupBundle(summary(typicalCounts()), patient), ProblemCode.FHIR_INVALID);
    assertTrue(problem.location().toString().startsWith("Bundle.entry[1].resource.gender"), problem.location().toString());
    assertTrue(problem.location().toString().contains("(line "), problem.location().toString());
  }

  @Test
  void cardinalityErrorFromBaseR4() {
    ObjectNode report = summary(typicalCounts());
    report.remove("status");
    Problem problem = refused(groupBundle(report), ProblemCode.FHIR_INVALID);
    assertTrue(problem.message().contains("status"), problem.message());
  }

  @Test
  void wrongResourceForTheEndpoint() {
    var result = intake.intake(bytes(patient("p1")), FhirBody.MEASURE_REPORT, null).result();
    assertEquals("Patient", refused(result, ProblemCode.FHIR_RESOURCE_TYPE).location().toString());
  }

  @Test
  void searchsetBundleIsNotASubmission() {
    refused(bundle("searchset", summary(typicalCounts())), ProblemCode.FHIR_RESOURCE_TYPE);
  }

  @Test
  void bundleWithoutReports() {
    refused(bundle("collection", organization("practice", TIN)), ProblemCode.FHIR_NO_MEASURE_REPORT);
  }

  @Test
  void pendingReportIsNotStored() {
    Problem problem = refused(groupBundle(summary(typicalCounts()).put("status", "pending")),
        ProblemCode.FHIR_REPORT_STATUS);
    assertEquals("Bundle.entry[0].resource.status", problem.location().toString());
  }

  @Test
  void dataCollectionReportIsNotAResult() {
    refused(groupBundle(summary(typicalCounts()).put("type", "data-collection")),
        ProblemCode.FHIR_REPORT_TYPE_UNSUPPORTED);
  }

  @Test
  void testCaseReportIsNotRealData() {
    ObjectNode report = summary(typicalCounts());
    report.putArray("modifierExtension").addObject().put("url", FhirIntake.TEST_CASE).put("valueBoolean", true);
    refused(groupBundle(report), ProblemCode.FHIR_MODIFIER_EXTENSION);
  }

  @Test
  void unknownMeasure() {
    Problem problem = refused(groupBundle(summary(typicalCounts()).put("measure",
        "http://example.org/Measure/EXM130-FHIR|2.0.0")), ProblemCode.FHIR_MEASURE_UNKNOWN);
    assertEquals("Bundle.entry[0].resource.measure", problem.location().toString());
  }

  @Test
  void measureOfAnotherYearsVersionIsUnknownByUuid() {
    // a UUID that is no eMeasureUuid of the report's year
    refused(groupBundle(summary(typicalCounts()).put("measure",
        "http://example.org/Measure/a1c|00000000-0000-0000-0000-000000000000")), ProblemCode.FHIR_MEASURE_UNKNOWN);
  }

  @Test
  void submitDataPathNamesAnotherMeasure() {
    var result = intake.intake(bytes(groupBundle(summary(typicalCounts()))), FhirBody.SUBMIT_DATA, "236").result();
    refused(result, ProblemCode.FHIR_MEASURE_MISMATCH);
  }

  @Test
  void noReporter() {
    ObjectNode report = summary(typicalCounts());
    report.remove("reporter");
    refused(groupBundle(report), ProblemCode.FHIR_REPORTER_MISSING);
  }

  @Test
  void reporterNotInTheSubmission() {
    Problem problem = refused(bundle("collection", summary(typicalCounts()), device(CEHRT)),
        ProblemCode.FHIR_REPORTER_MISSING);
    assertTrue(problem.message().contains("Organization/practice"), problem.message());
  }

  @Test
  void reporterWithoutTin() {
    ObjectNode organization = organization("practice", TIN);
    organization.putArray("identifier").addObject().put("system", "http://example.org/ids").put("value", "x");
    refused(bundle("collection", summary(typicalCounts()), organization, device(CEHRT)),
        ProblemCode.FHIR_REPORTER_IDENTIFIER);
  }

  @Test
  void practitionerWithoutTinCannotReportAlone() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "Practitioner/doc");
    refused(bundle("collection", report, practitioner("doc", NPI), device(CEHRT)),
        ProblemCode.ENTITY_IDENTIFIER_MISSING);
  }

  @Test
  void npiCheckDigitIsChecked() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "PractitionerRole/role");
    Problem problem = refused(bundle("collection", report, role("role", "Practitioner/doc", "Organization/practice"),
        practitioner("doc", "1234567890"), organization("practice", TIN), device(CEHRT)),
        ProblemCode.NPI_CHECK_DIGIT);
    assertEquals("Bundle.entry[2].resource.identifier[0]", problem.location().toString());
  }

  @Test
  void practitionerRoleLoopIsRefusedNotFollowed() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "PractitionerRole/r1");
    ObjectNode loop = role("r1", "PractitionerRole/r1", "PractitionerRole/r1");
    Problem problem = refused(bundle("collection", report, loop, device(CEHRT)), ProblemCode.FHIR_REPORTER_MISSING);
    assertTrue(problem.message().contains("must point at a Practitioner"), problem.message());
  }

  @Test
  void clinicianWithoutNpiIsNotReadAsTheGroup() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "PractitionerRole/role");
    ObjectNode practitioner = practitioner("doc", NPI);
    ((ObjectNode) practitioner.get("identifier").get(0)).put("system", "http://hl7.org/fhir/sid/us-npi/");
    refused(bundle("collection", report, role("role", "Practitioner/doc", "Organization/practice"), practitioner,
        organization("practice", TIN), device(CEHRT)), ProblemCode.FHIR_REPORTER_IDENTIFIER);
  }

  @Test
  void stratumLabelsMustBeTheCatalogs() {
    // 2021's strata are 12-17 and 18+: a later year's name is not one of them
    ObjectNode report = FhirIntakeTest.report370(FhirIntakeTest.stratum("adolescents", 20, 5),
        FhirIntakeTest.stratum("18+", 30, 5));
    Problem problem = refused(groupBundle(report), ProblemCode.FHIR_GROUPS);
    assertTrue(problem.message().contains("12-17"), problem.message());
  }

  @Test
  void stratumLabelsMustBeTheCatalogsIn2025() {
    // 2025's strata are adolescents and adults: the older 12-17 is not one of them (shared catalog)
    ObjectNode report = FhirIntakeTest.report370(FhirIntakeTest.stratum("12-17", 20, 5),
        FhirIntakeTest.stratum("adults", 30, 5));
    FhirIntake shared = new FhirIntake(TestCatalog.get(), SharedValidator.get(), Map.of());
    Problem problem = refused(shared.intake(bytes(inYear(groupBundle(report), 2025))), ProblemCode.FHIR_GROUPS);
    assertTrue(problem.message().contains("adolescents"), problem.message());
  }

  @Test
  void twoCehrtIdsAreRefused() {
    ObjectNode other = device("0015C01ZZZZZZZZ").put("id", "ehr2");
    refused(groupBundle(summary(typicalCounts()), other), ProblemCode.FHIR_CEHRT_ID_CONFLICT);
  }

  @Test
  void transactionEntriesMustBeCreates() {
    ObjectNode bundle = bundle("transaction", summary(typicalCounts()), organization("practice", TIN), device(CEHRT));
    ((ObjectNode) bundle.get("entry").get(1).get("request")).put("method", "DELETE");
    Problem problem = refused(bundle, ProblemCode.FHIR_RESOURCE_TYPE);
    assertEquals("Bundle.entry[1].request.method", problem.location().toString());
  }

  @Test
  void samePatientByRelativeAndAbsoluteReference() {
    ObjectNode second = individual("p1", counts("denominator", 1, "numerator", 0));
    second.putObject("subject").put("reference", "http://ehr.example.org/fhir/Patient/p1");
    refused(groupBundle(individual("p1", counts("denominator", 1, "numerator", 1)), second),
        ProblemCode.FHIR_PATIENT_DUPLICATE);
  }

  @Test
  void theRefusalsReasonSurvivesTheCapOfWarnings() {
    ObjectNode[] resources = new ObjectNode[260];
    resources[0] = summary(typicalCounts()).put("measure", "http://example.org/Measure/EXM130-FHIR");
    resources[1] = organization("practice", TIN);
    resources[2] = device(CEHRT);
    for (int i = 3; i < resources.length; i++) {
      resources[i] = patient("p" + i); // each without narrative: a best-practice warning
    }
    refused(bundle("collection", resources), ProblemCode.FHIR_MEASURE_UNKNOWN);
  }

  @Test
  void metaOfTheWrongShapeIsAProblemNotACrash() {
    ObjectNode report = summary(typicalCounts());
    report.put("meta", "x");
    IntakeResult result = intake.intake(bytes(groupBundle(report)));
    assertFalse(result.accepted());
    assertTrue(result.problems().stream().noneMatch(p -> p.message().contains("com.google")), result.problems()
        .toString());
  }

  @Test
  void malformedTin() {
    refused(bundle("collection", summary(typicalCounts()), organization("practice", "12-3456789"), device(CEHRT)),
        ProblemCode.TIN_FORMAT);
  }

  @Test
  void reportsForTwoGroupsInOneSubmission() {
    ObjectNode second = summary(typicalCounts()).put("measure", "https://madie.cms.gov/Measure/CMS165FHIR");
    second.putObject("reporter").put("reference", "Organization/other");
    refused(bundle("collection", summary(typicalCounts()), second, organization("practice", TIN),
        organization("other", "987654321"), device(CEHRT)), ProblemCode.FHIR_REPORTERS_DIFFER);
  }

  @Test
  void periodWithoutFullDates() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("period").put("start", "2021").put("end", "2021-12-31");
    assertEquals("Bundle.entry[0].resource.period.start",
        refused(groupBundle(report), ProblemCode.FHIR_PERIOD).location().toString());
  }

  @Test
  void yearWithoutCatalog() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("period").put("start", "2015-01-01").put("end", "2015-12-31");
    refused(groupBundle(report), ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED);
  }

  @Test
  void periodOutsideItsYear() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("period").put("start", "2021-01-01").put("end", "2022-03-31");
    refused(groupBundle(report), ProblemCode.PERIOD_OUTSIDE_YEAR);
  }

  @Test
  void populationCodeFromAnotherSystem() {
    ObjectNode group = group(typicalCounts());
    ((ObjectNode) group.get("population").get(0).get("code").get("coding").get(0)).put("system",
        "http://example.org/populations");
    Problem problem = refused(groupBundle(report("summary", CMS122, "Organization/practice", group)),
        ProblemCode.FHIR_POPULATION_CODE);
    assertEquals("Bundle.entry[0].resource.group[0].population[0].code", problem.location().toString());
  }

  @Test
  void populationWithoutCount() {
    ObjectNode group = group(typicalCounts());
    ((ObjectNode) group.get("population").get(1)).remove("count");
    refused(groupBundle(report("summary", CMS122, "Organization/practice", group)), ProblemCode.FHIR_POPULATION_COUNT);
  }

  @Test
  void missingNumerator() {
    Problem problem = refused(groupBundle(summary(counts("initial-population", 10, "denominator", 10))),
        ProblemCode.FHIR_POPULATION_MISSING);
    assertTrue(problem.message().contains("numerator"), problem.message());
  }

  @Test
  void negativeCount() {
    refused(groupBundle(summary(counts("denominator", 10, "numerator", -1))), ProblemCode.NEGATIVE_COUNT);
  }

  @Test
  void denominatorLargerThanInitialPopulation() {
    refused(groupBundle(summary(counts("initial-population", 5, "denominator", 10, "numerator", 1))),
        ProblemCode.QRDA_DENOMINATOR_EXCEEDS_POPULATION);
  }

  @Test
  void numeratorLargerThanDenominator() {
    refused(groupBundle(summary(counts("denominator", 10, "numerator", 11))),
        ProblemCode.PERFORMANCE_MET_EXCEEDS_ELIGIBLE_POPULATION);
  }

  @Test
  void exclusionsLargerThanTheRestOfTheDenominator() {
    // 90 - 30 - 80 = -20 not met
    refused(groupBundle(summary(counts("denominator", 90, "denominator-exclusion", 80, "numerator", 30))),
        ProblemCode.NEGATIVE_COUNT);
  }

  @Test
  void multiRateMeasureWithTooFewGroups() {
    ObjectNode report = report("summary", "https://madie.cms.gov/Measure/CMS128FHIR", "Organization/practice",
        group(counts("denominator", 40, "numerator", 30)));
    Problem problem = refused(groupBundle(report), ProblemCode.FHIR_GROUPS);
    assertTrue(problem.message().contains(">=84Days, >=180Days"), problem.message());
  }

  @Test
  void individualReportWithoutPatient() {
    ObjectNode report = individual("p1", counts("denominator", 1, "numerator", 1));
    report.remove("subject");
    refused(groupBundle(report), ProblemCode.FHIR_SUBJECT_MISSING);
  }

  @Test
  void samePatientTwice() {
    refused(groupBundle(individual("p1", counts("denominator", 1, "numerator", 1)),
        individual("p1", counts("denominator", 1, "numerator", 0))), ProblemCode.FHIR_PATIENT_DUPLICATE);
  }

  @Test
  void summaryAndIndividualForOneMeasure() {
    refused(groupBundle(summary(typicalCounts()), individual("p1", counts("denominator", 1, "numerator", 1))),
        ProblemCode.FHIR_MIXED_REPORT_TYPES);
  }

  @Test
  void twoSummariesOfOneMeasure() {
    refused(groupBundle(summary(typicalCounts()), summary(typicalCounts())), ProblemCode.DUPLICATE_MEASURE);
  }

  @Test
  void ecqmSetWithoutCehrtIdFrom2025() {
    // a 2025 rule: on the shared catalog (skipped without it)
    FhirIntake shared = new FhirIntake(TestCatalog.get(), SharedValidator.get(), Map.of());
    refused(shared.intake(bytes(inYear(bundle("collection", summary(typicalCounts()), organization("practice", TIN)),
        2025))), ProblemCode.CEHRT_ID_MISSING);
  }

  @Test
  void ecqmSetWithoutCehrtIdBefore2025IsAccepted() {
    IntakeResult result = intake.intake(bytes(bundle("collection", summary(typicalCounts()),
        organization("practice", TIN))));
    assertTrue(result.accepted(), () -> result.problems().toString());
    assertTrue(result.problems().stream().noneMatch(p -> p.code() == ProblemCode.CEHRT_ID_MISSING),
        () -> result.problems().toString());
  }

  @Test
  void measureNotReportableByEhr() {
    // measure 047 (advance care plan) is a claims/registry measure, with no eCQM: it has no eMeasureId, so only a
    // configured mapping can name it, and the catalog then refuses the submission method
    FhirIntake mapped = new FhirIntake(PackedCatalog.get(), SharedValidator.get(),
        Map.of("http://example.org/Measure/acp", "047"));
    ObjectNode report = summary(typicalCounts()).put("measure", "http://example.org/Measure/acp");
    refused(mapped.intake(bytes(groupBundle(report))), ProblemCode.MEASURE_SUBMISSION_METHOD_NOT_ALLOWED);
  }

  @Test
  void everyMistakeOfOneDocumentIsListed() {
    ObjectNode report = summary(counts("denominator", 10)).put("status", "pending")
        .put("measure", "http://example.org/Measure/unknown");
    IntakeResult result = intake.intake(bytes(bundle("collection", report, device(CEHRT))));
    assertNull(result.submission());
    for (ProblemCode code : new ProblemCode[] {ProblemCode.FHIR_REPORT_STATUS, ProblemCode.FHIR_REPORTER_MISSING,
        ProblemCode.FHIR_MEASURE_UNKNOWN}) {
      assertTrue(result.problems().stream().anyMatch(p -> p.code() == code), code + " in " + result.problems());
    }
  }
}

package gov.qpp.validators.registry;

import static gov.qpp.validators.registry.RegistryFixtures.JSON;
import static gov.qpp.validators.registry.RegistryFixtures.bytes;
import static gov.qpp.validators.registry.RegistryFixtures.individual;
import static gov.qpp.validators.registry.RegistryFixtures.measurement;
import static gov.qpp.validators.registry.RegistryFixtures.proportion;
import static gov.qpp.validators.registry.RegistryFixtures.rate;
import static gov.qpp.validators.registry.RegistryFixtures.set;
import static gov.qpp.validators.registry.RegistryFixtures.stratum;
import static gov.qpp.validators.registry.RegistryFixtures.valid2022;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per rule: each changes one thing in a valid document and expects its problem code at its path. */
class RegistryJsonIntakeTest {

  private static IntakeResult intake(ObjectNode document) {
    return intake(bytes(document));
  }

  /** Against the packed 2017-2022 catalog, which every build has. */
  private static IntakeResult intake(byte[] document) {
    return new RegistryJsonIntake(PackedCatalog.get()).intake(document);
  }

  private static IntakeResult intake(String document) {
    return intake(document.getBytes(StandardCharsets.UTF_8));
  }

  private static Problem expect(IntakeResult result, ProblemCode code, String location) {
    for (Problem problem : result.problems()) {
      if (problem.code() == code && problem.location().toString().equals(location)) {
        return problem;
      }
    }
    return fail("expected " + code + " at " + location + ", got " + result.problems());
  }

  private static ObjectNode firstSet(ObjectNode submission) {
    return (ObjectNode) submission.get("measurementSets").get(0);
  }

  private static ObjectNode firstValue(ObjectNode submission) {
    return (ObjectNode) firstSet(submission).get("measurements").get(0).get("value");
  }

  @Test
  void validSubmissionIsAcceptedAndNormalised() {
    IntakeResult result = intake(valid2022());
    assertTrue(result.accepted(), result.problems().toString());
    assertEquals(EntityType.INDIVIDUAL, result.submission().entityType());
    assertEquals("1234567893", result.submission().npi().value());
    assertEquals(3, result.submission().measurementSets().size());
    var value = (MeasureValue.SinglePerformanceRate) result.submission().measurementSets().get(0)
        .measurements().get(0).value();
    assertEquals(120, value.rate().performanceMet());
    assertEquals(76.923, value.rate().performanceRate(), 0.001);
  }

  @Test
  void writerOutputReadsBackToTheSameSubmission() {
    ObjectNode multi = JSON.createObjectNode().put("isEndToEndReported", true);
    multi.putArray("strata").add(stratum("14DaysOfDiagnosis", 3, 1, 4)).add(stratum("30DaysOfVisit", 2, 2, 4));
    ObjectNode document = valid2022();
    ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("measurementSets"))
        .add(set("quality", "electronicHealthRecord", 2022, measurement("305", multi)));
    IntakeResult first = intake(document);
    assertTrue(first.accepted(), first.problems().toString());
    IntakeResult second = intake(QppJsonWriter.submission(first.submission()));
    assertEquals(first.submission(), second.submission());
  }

  // --- JSON layer

  @Test
  void syntaxErrorSaysWhere() {
    Problem problem = expect(intake("{\n  \"entityType\": \"group\",\n  oops\n}"), ProblemCode.JSON_SYNTAX,
        "$ (line 3, column 3)");
    assertTrue(problem.message().contains("Unexpected character"), problem.message());
  }

  @Test
  void emptyBodyIsASyntaxProblem() {
    expect(intake(""), ProblemCode.JSON_SYNTAX, "$");
  }

  @Test
  void topLevelMustBeAnObject() {
    expect(intake("[1,2]"), ProblemCode.JSON_WRONG_TYPE, "$");
  }

  @Test
  void absurdNestingIsRefused() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    IntakeResult result = intake("{\"entityType\": " + deep + "}");
    assertEquals(ProblemCode.JSON_LIMIT_EXCEEDED, result.problems().get(0).code());
    assertTrue(result.problems().get(0).message().contains("nesting depth"), result.problems().toString());
  }

  @Test
  void hugeStringIsRefused() {
    IntakeResult result = intake("{\"entityId\": \"" + "x".repeat(RegistryJsonReader.MAX_STRING_LENGTH + 1) + "\"}");
    assertEquals(ProblemCode.JSON_LIMIT_EXCEEDED, result.problems().get(0).code());
  }

  @Test
  void duplicateKeysAreRefused() {
    expect(intake("{\"entityType\": \"group\", \"entityType\": \"individual\"}"), ProblemCode.JSON_DUPLICATE_KEY,
        "$ (line 1, column 37)");
  }

  @Test
  void wrongTypeNamesThePath() {
    ObjectNode document = valid2022();
    firstValue(document).put("performanceMet", "120");
    Problem problem = expect(intake(document), ProblemCode.JSON_WRONG_TYPE,
        "$.measurementSets[0].measurements[0].value.performanceMet");
    assertTrue(problem.message().contains("found the string \"120\""), problem.message());
  }

  @Test
  void yearMustBeAnInteger() {
    ObjectNode document = valid2022();
    document.put("performanceYear", "2022");
    expect(intake(document), ProblemCode.JSON_WRONG_TYPE, "$.performanceYear");
  }

  @Test
  void unknownFieldsAreRefused() {
    ObjectNode document = valid2022();
    firstSet(document).put("measureSetz", "x");
    expect(intake(document), ProblemCode.JSON_UNKNOWN_FIELD, "$.measurementSets[0].measureSetz");
  }

  @Test
  void serverFieldsEchoedBackAreIgnored() {
    ObjectNode document = valid2022();
    document.put("id", "abc").put("createdAt", "2022-03-01T00:00:00Z");
    assertTrue(intake(document).accepted());
  }

  @Test
  void missingFieldIsNamed() {
    ObjectNode document = valid2022();
    firstSet(document).remove("submissionMethod");
    expect(intake(document), ProblemCode.JSON_MISSING_FIELD, "$.measurementSets[0].submissionMethod");
  }

  @Test
  void unknownEntityTypeAndCategoryAreInvalidValues() {
    ObjectNode document = valid2022();
    document.put("entityType", "clinic");
    firstSet(document).put("category", "cost");
    IntakeResult result = intake(document);
    expect(result, ProblemCode.JSON_INVALID_VALUE, "$.entityType");
    expect(result, ProblemCode.JSON_INVALID_VALUE, "$.measurementSets[0].category");
    assertNull(result.submission());
  }

  @Test
  void valueOfNoMetricTypeIsInvalid() {
    ObjectNode document = valid2022();
    ((ObjectNode) firstSet(document).get("measurements").get(0)).set("value", JSON.createObjectNode().put("x", 1));
    expect(intake(document), ProblemCode.JSON_INVALID_VALUE, "$.measurementSets[0].measurements[0].value");
  }

  @Test
  void negativeCountsAreRefused() {
    ObjectNode document = valid2022();
    firstValue(document).put("performanceNotMet", -1);
    expect(intake(document), ProblemCode.NEGATIVE_COUNT,
        "$.measurementSets[0].measurements[0].value.performanceNotMet");
  }

  // --- identifiers and entity

  @Test
  void tinMustBeNineDigits() {
    ObjectNode document = valid2022();
    document.put("taxpayerIdentificationNumber", "00-0456789");
    expect(intake(document), ProblemCode.TIN_FORMAT, "$.taxpayerIdentificationNumber");
  }

  @Test
  void npiShapeAndCheckDigit() {
    ObjectNode document = valid2022();
    document.put("nationalProviderIdentifier", "123456789");
    expect(intake(document), ProblemCode.NPI_FORMAT, "$.nationalProviderIdentifier");
    document.put("nationalProviderIdentifier", "1234567890");
    Problem problem = expect(intake(document), ProblemCode.NPI_CHECK_DIGIT, "$.nationalProviderIdentifier");
    assertTrue(problem.message().contains("should be 3"), problem.message());
    document.put("nationalProviderIdentifier", "9234567896");
    problem = expect(intake(document), ProblemCode.NPI_FORMAT, "$.nationalProviderIdentifier");
    assertTrue(problem.message().contains("start with 1 or 2"), problem.message());
  }

  @Test
  void individualNeedsTinAndNpi() {
    ObjectNode document = valid2022();
    document.remove("nationalProviderIdentifier");
    expect(intake(document), ProblemCode.ENTITY_IDENTIFIER_MISSING, "$.nationalProviderIdentifier");
  }

  @Test
  void groupTakesNoNpi() {
    ObjectNode document = valid2022();
    document.put("entityType", "group");
    expect(intake(document), ProblemCode.ENTITY_IDENTIFIER_NOT_ALLOWED, "$.nationalProviderIdentifier");
  }

  @Test
  void apmEntityNeedsEntityIdAndReportsNoPi() {
    ObjectNode document = valid2022();
    document.put("entityType", "apm");
    document.remove("nationalProviderIdentifier");
    document.remove("taxpayerIdentificationNumber");
    IntakeResult result = intake(document);
    expect(result, ProblemCode.ENTITY_IDENTIFIER_MISSING, "$.entityId");
    expect(result, ProblemCode.PI_ENTITY_NOT_ALLOWED, "$.measurementSets[2].category");
  }

  @Test
  void virtualGroupCannotUseApp() {
    ObjectNode document = individual(2022, set("quality", "registry", 2022, measurement("001", rate(5, 15, 20))));
    document.put("entityType", "virtualGroup").put("entityId", "VG-000123");
    document.remove("nationalProviderIdentifier");
    document.remove("taxpayerIdentificationNumber");
    firstSet(document).put("programName", "app1");
    expect(intake(document), ProblemCode.APP_ENTITY_NOT_ALLOWED, "$.measurementSets[0].programName");
  }

  // --- year and period

  @Test
  void yearWithoutCatalog() {
    ObjectNode document = valid2022();
    document.put("performanceYear", 2016);
    expect(intake(document), ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, "$.performanceYear");
  }

  @Test
  void periodOutsideTheYear() {
    ObjectNode document = valid2022();
    firstSet(document).put("performanceEnd", "2023-01-31");
    expect(intake(document), ProblemCode.PERIOD_OUTSIDE_YEAR, "$.measurementSets[0].performanceEnd");
  }

  @Test
  void periodBackwardsOrUnparseable() {
    ObjectNode document = valid2022();
    firstSet(document).put("performanceStart", "2022-12-31").put("performanceEnd", "2022-01-01");
    expect(intake(document), ProblemCode.PERIOD_INVALID, "$.measurementSets[0].performanceStart");
    firstSet(document).put("performanceEnd", "31/12/2022");
    expect(intake(document), ProblemCode.PERIOD_INVALID, "$.measurementSets[0].performanceEnd");
  }

  // --- measurement sets

  @Test
  void duplicateMeasurementSets() {
    ObjectNode document = valid2022();
    ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("measurementSets")).add(firstSet(document).deepCopy());
    expect(intake(document), ProblemCode.DUPLICATE_MEASUREMENT_SET, "$.measurementSets[3]");
  }

  @Test
  void submissionMethodMustFitTheCategory() {
    ObjectNode document = valid2022();
    ((ObjectNode) document.get("measurementSets").get(1)).put("submissionMethod", "claims");
    expect(intake(document), ProblemCode.SUBMISSION_METHOD_NOT_ALLOWED_FOR_CATEGORY,
        "$.measurementSets[1].submissionMethod");
  }

  @Test
  void unknownProgram() {
    ObjectNode document = valid2022();
    firstSet(document).put("programName", "mipz");
    expect(intake(document), ProblemCode.PROGRAM_UNKNOWN, "$.measurementSets[0].programName");
  }

  @Test
  void piNeedsAWellFormedCehrtId() {
    ObjectNode document = valid2022();
    ObjectNode pi = (ObjectNode) document.get("measurementSets").get(2);
    pi.put("cehrtId", "12345");
    expect(intake(document), ProblemCode.CEHRT_ID_FORMAT, "$.measurementSets[2].cehrtId");
    pi.remove("cehrtId");
    expect(intake(document), ProblemCode.CEHRT_ID_MISSING, "$.measurementSets[2].cehrtId");
  }

  @Test
  void ecqmNeedsCehrtIdFrom2025() {
    // a 2025 rule: needs the shared folder's 2025 catalog (skipped without it)
    ObjectNode document = individual(2025, set("quality", "electronicHealthRecord", 2025,
        measurement("236", rate(50, 10, 60))));
    IntakeResult result = new RegistryJsonIntake(TestCatalog.get()).intake(bytes(document));
    expect(result, ProblemCode.CEHRT_ID_MISSING, "$.measurementSets[0].cehrtId");
  }

  @Test
  void ecqmNeedsNoCehrtIdBefore2025() {
    // the same rule's other side, on the packed catalog: a 2022 eCQM set without cehrtId is accepted
    ObjectNode document = individual(2022, set("quality", "electronicHealthRecord", 2022,
        measurement("236", rate(50, 10, 60))));
    IntakeResult result = intake(document);
    assertTrue(result.accepted(), result.problems().toString());
    assertTrue(result.problems().stream().noneMatch(p -> p.code() == ProblemCode.CEHRT_ID_MISSING),
        result.problems().toString());
  }

  @Test
  void emptySetIsAWarningOnly() {
    ObjectNode document = individual(2022, set("ia", "registry", 2022));
    IntakeResult result = intake(document);
    expect(result, ProblemCode.MEASUREMENT_SET_EMPTY, "$.measurementSets[0].measurements");
    assertTrue(result.accepted());
    assertEquals(1, result.warnings().size());
  }

  // --- measures against the catalog

  @Test
  void unknownMeasureIsNamedWithTheYear() {
    ObjectNode document = individual(2022, set("ia", "registry", 2022, measurement("IA_EPA_10", true)));
    Problem problem = expect(intake(document), ProblemCode.MEASURE_UNKNOWN,
        "$.measurementSets[0].measurements[0].measureId");
    assertTrue(problem.message().contains("IA_EPA_10 does not exist"), problem.message());
  }

  @Test
  void measureOfAnotherCategory() {
    ObjectNode document = individual(2022, set("ia", "registry", 2022, measurement("047", true)));
    expect(intake(document), ProblemCode.MEASURE_CATEGORY_MISMATCH, "$.measurementSets[0].measurements[0].measureId");
  }

  @Test
  void submissionMethodNotAllowedForMeasure() {
    ObjectNode document = individual(2022, set("quality", "electronicHealthRecord", 2022,
        measurement("047", rate(1, 1, 2))));
    expect(intake(document), ProblemCode.MEASURE_SUBMISSION_METHOD_NOT_ALLOWED,
        "$.measurementSets[0].measurements[0].measureId");
  }

  @Test
  void programNotAllowedForMeasure() {
    ObjectNode document = valid2022();
    firstSet(document).put("programName", "app1");
    expect(intake(document), ProblemCode.MEASURE_PROGRAM_NOT_ALLOWED,
        "$.measurementSets[0].measurements[0].measureId");
  }

  @Test
  void valueShapeMustMatchMetricType() {
    ObjectNode document = individual(2022, set("quality", "registry", 2022, measurement("047", proportion(1, 2))));
    expect(intake(document), ProblemCode.MEASURE_VALUE_TYPE_MISMATCH, "$.measurementSets[0].measurements[0].value");
  }

  @Test
  void duplicateMeasureInOneSet() {
    ObjectNode document = individual(2022, set("ia", "registry", 2022, measurement("IA_EPA_1", true),
        measurement("IA_EPA_1", false)));
    expect(intake(document), ProblemCode.DUPLICATE_MEASURE, "$.measurementSets[0].measurements[1].measureId");
  }

  // --- values

  @Test
  void numeratorAboveDenominator() {
    ObjectNode document = valid2022();
    ((ObjectNode) document.get("measurementSets").get(2).get("measurements").get(0).get("value"))
        .put("numerator", 116);
    expect(intake(document), ProblemCode.NUMERATOR_EXCEEDS_DENOMINATOR,
        "$.measurementSets[2].measurements[0].value.numerator");
  }

  @Test
  void zeroDenominatorNeedsZeroNumerator() {
    ObjectNode document = valid2022();
    ((ObjectNode) document.get("measurementSets").get(2).get("measurements").get(0)).set("value", proportion(1, 0));
    expect(intake(document), ProblemCode.NUMERATOR_EXCEEDS_DENOMINATOR,
        "$.measurementSets[2].measurements[0].value.numerator");
  }

  @Test
  void performanceMetAboveEligiblePopulation() {
    ObjectNode document = valid2022();
    firstValue(document).put("performanceMet", 157);
    expect(intake(document), ProblemCode.PERFORMANCE_MET_EXCEEDS_ELIGIBLE_POPULATION,
        "$.measurementSets[0].measurements[0].value.performanceMet");
  }

  @Test
  void populationsLargerThanEligibleIsAWarning() {
    ObjectNode document = valid2022();
    firstValue(document).put("performanceNotMet", 40);
    IntakeResult result = intake(document);
    expect(result, ProblemCode.POPULATION_SUM_EXCEEDS_ELIGIBLE_POPULATION,
        "$.measurementSets[0].measurements[0].value");
    assertTrue(result.accepted());
  }

  @Test
  void cqmByRegistryTakesNoExclusions() {
    ObjectNode document = valid2022();
    firstValue(document).put("eligiblePopulationExclusion", 3);
    expect(intake(document), ProblemCode.CQM_EXCLUSION_NOT_ALLOWED,
        "$.measurementSets[0].measurements[0].value.eligiblePopulationExclusion");
  }

  @Test
  void qcdrMeasureNeedsPerformanceRateInRange() {
    ObjectNode document = individual(2022, set("quality", "registry", 2022, measurement("AAAAI17", rate(5, 5, 10))));
    expect(intake(document), ProblemCode.PERFORMANCE_RATE_REQUIRED,
        "$.measurementSets[0].measurements[0].value.performanceRate");
    firstValue(document).put("performanceRate", 101.5);
    expect(intake(document), ProblemCode.PERFORMANCE_RATE_OUT_OF_RANGE,
        "$.measurementSets[0].measurements[0].value.performanceRate");
    firstValue(document).put("performanceRate", 50);
    assertTrue(intake(document).accepted(), intake(document).problems().toString());
  }

  @Test
  void strataNamesMustMatchTheCatalog() {
    ObjectNode value = JSON.createObjectNode().put("isEndToEndReported", false);
    value.putArray("strata").add(stratum("14days", 1, 1, 2)).add(stratum("30DaysOfVisit", 1, 1, 2));
    ObjectNode document = individual(2022, set("quality", "electronicHealthRecord", 2022, measurement("305", value)));
    Problem problem = expect(intake(document), ProblemCode.STRATUM_UNKNOWN,
        "$.measurementSets[0].measurements[0].value.strata[0].stratum");
    assertTrue(problem.message().contains("[14DaysOfDiagnosis, 30DaysOfVisit]"), problem.message());
  }

  @Test
  void strataOnceEachAndAllForQcdr() {
    ObjectNode value = JSON.createObjectNode().put("isEndToEndReported", false).put("performanceRate", 50);
    value.putArray("strata").add(stratum("abdomen", 1, 1, 2)).add(stratum("abdomen", 1, 1, 2));
    ObjectNode document = individual(2022, set("quality", "registry", 2022, measurement("ACRAD34", value)));
    IntakeResult result = intake(document);
    expect(result, ProblemCode.STRATUM_DUPLICATE, "$.measurementSets[0].measurements[0].value.strata[1].stratum");
    expect(result, ProblemCode.STRATUM_MISSING, "$.measurementSets[0].measurements[0].value.strata");
  }

  @Test
  void piExclusionWithItsMeasure() {
    ObjectNode document = valid2022();
    ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("measurementSets").get(2).get("measurements"))
        .add(measurement("PI_LVPP_1", true));
    expect(intake(document), ProblemCode.PI_EXCLUSION_WITH_BASE_MEASURE,
        "$.measurementSets[2].measurements[2].measureId");
  }

  @Test
  void piSubstituteWithItsOriginal() {
    ObjectNode pi = set("pi", "electronicHealthRecord", 2022, measurement("PI_HIE_4", proportion(1, 2)),
        measurement("PI_HIE_5", true));
    pi.put("cehrtId", "0015C01ABCDEFGH");
    expect(intake(individual(2022, pi)), ProblemCode.PI_SUBSTITUTE_WITH_ORIGINAL,
        "$.measurementSets[0].measurements[1].measureId");
  }

  @Test
  void measurementSetBodyWithEmbeddedSubmission() {
    ObjectNode body = set("quality", "registry", 2022, measurement("047", rate(120, 36, 156)));
    body.set("submission", JSON.createObjectNode().put("entityType", "group")
        .put("taxpayerIdentificationNumber", "000000002").put("performanceYear", 2022));
    IntakeResult result = intake(body);
    assertTrue(result.accepted(), result.problems().toString());
    assertEquals(EntityType.GROUP, result.submission().entityType());
    body.put("performanceEnd", "2021-12-31");
    expect(intake(body), ProblemCode.PERIOD_OUTSIDE_YEAR, "$.performanceEnd");
    ((ObjectNode) body.get("submission")).put("taxpayerIdentificationNumber", "12");
    expect(intake(body), ProblemCode.TIN_FORMAT, "$.submission.taxpayerIdentificationNumber");
  }

  @Test
  void problemsAreCapped() {
    ObjectNode set = set("ia", "registry", 2022);
    for (int i = 0; i < 300; i++) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) set.get("measurements")).add(measurement("IA_NOPE_" + i, true));
    }
    IntakeResult result = intake(individual(2022, set));
    assertEquals(gov.qpp.validators.problems.Problems.MAX_PROBLEMS_PER_DOCUMENT + 1, result.problems().size());
    assertEquals(ProblemCode.TOO_MANY_PROBLEMS, result.problems().get(result.problems().size() - 1).code());
    assertFalse(result.accepted());
  }
}

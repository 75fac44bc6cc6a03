package gov.qpp.validators.qrda3;

import static gov.qpp.validators.qrda3.Qrda3Document.AGGREGATE_COUNT;
import static gov.qpp.validators.qrda3.Qrda3Document.COUNT_IN;
import static gov.qpp.validators.qrda3.Qrda3Document.DENEXCEP_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.DENEXCEP_UUID;
import static gov.qpp.validators.qrda3.Qrda3Document.DENEX_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.DENEX_UUID;
import static gov.qpp.validators.qrda3.Qrda3Document.DENOM_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.DENOM_UUID;
import static gov.qpp.validators.qrda3.Qrda3Document.IA_MEASURE;
import static gov.qpp.validators.qrda3.Qrda3Document.IA_MEASURE_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.IA_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.IPOP_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.IPOP_UUID;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_134_GUID;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_DATA;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_GUID_ID;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_PERFORMED;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_REFERENCE;
import static gov.qpp.validators.qrda3.Qrda3Document.NUMER_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.PERFORMANCE_RATE;
import static gov.qpp.validators.qrda3.Qrda3Document.PERFORMANCE_RATE_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_NUMERATOR;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_PROPORTION;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_PROPORTION_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.QUALITY_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.assertLocation;
import static gov.qpp.validators.qrda3.Qrda3Document.errorCodes;
import static gov.qpp.validators.qrda3.Qrda3Document.rejectedFor;
import static gov.qpp.validators.qrda3.Qrda3Document.the;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Severity;
import gov.qpp.validators.rules.IntakeResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mistakes inside measures (the eCQM's GUID, populations, counts and rate; IA and PI measures): one edit of our
 * valid report per test, the one problem it must cause, and the node it points at (path and templateId line).
 */
class Qrda3MeasureProblemsTest {

  /** Where the NUMER measure data is: the first NUMER value code after the quality section starts. */
  private static final String[] QUALITY_NUMER = {QUALITY_SECTION, "code=\"NUMER\""};

  private final Qrda3Document valid = Qrda3Document.valid();

  /** The measure data observation (its whole component) that holds the anchor, removed. */
  private static Qrda3Document withoutMeasureData(Qrda3Document document, String... anchors) {
    return document.at(anchors).removeEnclosing("component");
  }

  /** The line of the measure data templateId of the population the anchors point into. */
  private static int measureDataLine(Qrda3Document document, String... anchors) {
    return document.at(anchors).back(MEASURE_DATA).line();
  }

  // --- the measure's GUID

  @Test
  void measureWithoutGuidIsRefused() {
    Qrda3Document document = valid.at(MEASURE_GUID_ID).removeEnclosing("id");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_GUID);

    assertLocation(MEASURE_PATH, document.lineOf(MEASURE_REFERENCE), problem);
  }

  @Test
  void guidThatIsNoMeasureOfTheYearIsRefused() {
    String madeUp = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    Qrda3Document document = valid.replace(MEASURE_134_GUID, madeUp);

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_GUID_UNKNOWN);

    // On the GUID's id element.
    assertLocation(MEASURE_PATH, document.lineOf(madeUp), problem);
    assertTrue(problem.message().contains(madeUp), problem::message);
  }

  // --- population data

  @Test
  void measureWithoutPopulationDataIsRefused() {
    Qrda3Document document = withoutMeasureData(valid, IPOP_UUID);
    document = withoutMeasureData(document, DENOM_UUID);
    document = withoutMeasureData(document, QUALITY_NUMER);
    document = withoutMeasureData(document, DENEXCEP_UUID);
    document = withoutMeasureData(document, DENEX_UUID);

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_DATA_MISSING);

    assertLocation(MEASURE_PATH, document.lineOf(MEASURE_REFERENCE), problem);
  }

  @Test
  void populationWithUnknownTypeCodeIsRefused() {
    Qrda3Document document = valid.at(QUALITY_SECTION, "code=\"DENEXCEP\"").replace("DENEXCEP", "XYZ");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_DATA_INVALID);

    assertLocation(DENEXCEP_PATH, measureDataLine(document, QUALITY_SECTION, "code=\"XYZ\""), problem);
    assertTrue(problem.message().contains("XYZ"), problem::message);
  }

  @Test
  void populationWithoutItsPopulationReferenceIsRefused() {
    Qrda3Document document = valid.at(DENOM_UUID).removeEnclosing("reference");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_DATA_INVALID);

    assertLocation(DENOM_PATH, measureDataLine(document, QUALITY_SECTION, "code=\"DENOM\""), problem);
  }

  @Test
  void missingNumeratorIsRefusedForMips() {
    Qrda3Document document = withoutMeasureData(valid, QUALITY_NUMER);

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_POPULATION_MISSING);

    assertLocation(MEASURE_PATH, document.lineOf(MEASURE_REFERENCE), problem);
    assertTrue(problem.message().contains("NUMER"), problem::message);
  }

  @Test
  void denominatorUuidTheCatalogDoesNotDefineIsRefusedForMips() {
    String wrong = "11111111-2222-4333-8444-555555555555";
    Qrda3Document document = valid.replace(DENOM_UUID, wrong);

    // The catalog's DENOM is then also missing.
    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_POPULATION_UNKNOWN,
        ProblemCode.QRDA_POPULATION_MISSING);

    // On the reference's id of the DENOM measure data.
    assertLocation(DENOM_PATH, document.lineOf(wrong), problem);
  }

  @Test
  void missingNumeratorIsOnlyAWarningForApp() {
    IntakeResult result = withoutMeasureData(app1(valid), QUALITY_NUMER).intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    Problem warning = the(ProblemCode.QRDA_POPULATION_MISSING, result);
    assertEquals(Severity.WARNING, warning.severity());
    assertTrue(result.warnings().contains(warning));
    // The counts are still read by population type: nothing met.
    MeasureValue.SinglePerformanceRate value = (MeasureValue.SinglePerformanceRate)
        result.submission().measurementSets().get(0).measurements().get(0).value();
    assertEquals(0, value.rate().performanceMet());
  }

  @Test
  void unknownDenominatorUuidIsOnlyAWarningForApp() {
    String wrong = "11111111-2222-4333-8444-555555555555";
    Qrda3Document document = app1(valid).replace(DENOM_UUID, wrong);

    IntakeResult result = document.intake();

    assertTrue(result.accepted(), () -> "problems: " + result.problems());
    Problem warning = the(ProblemCode.QRDA_POPULATION_UNKNOWN, result);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals(Severity.WARNING, the(ProblemCode.QRDA_POPULATION_MISSING, result).severity());
    assertLocation(DENOM_PATH, document.lineOf(wrong), warning);
    assertEquals("app1", result.submission().measurementSets().get(0).programName());
  }

  @Test
  void denominatorLargerThanInitialPopulationIsRefused() {
    Qrda3Document document = valid.replace("value=\"120\"", "value=\"90\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_DENOMINATOR_EXCEEDS_POPULATION);

    assertLocation(DENOM_PATH, measureDataLine(document, QUALITY_SECTION, "code=\"DENOM\""), problem);
  }

  // --- aggregate counts

  @Test
  void countThatIsNotAWholeNumberIsRefused() {
    Qrda3Document document = valid.at(QUALITY_NUMER).replace("value=\"80\"", "value=\"80.5\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_COUNT_NOT_INTEGER);

    // On the count's value element inside the NUMER's aggregate count.
    assertLocation(NUMER_PATH + COUNT_IN, document.lineOf("value=\"80.5\""), problem);
  }

  @Test
  void countWithoutItsValueIsRefused() {
    Qrda3Document document = valid.at(QUALITY_NUMER).replace("value=\"80\"", "");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_COUNT_VALUE_NOT_SINGLE);

    assertTrue(problem.message().contains("found 0"), problem::message);
  }

  @Test
  void negativeCountIsRefused() {
    Qrda3Document document = valid.at(QUALITY_SECTION, "code=\"DENEX\"").replace("value=\"4\"", "value=\"-4\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_COUNT_NEGATIVE);

    assertLocation(DENEX_PATH + COUNT_IN, document.lineOf("value=\"-4\""), problem);
  }

  @Test
  void populationWithTwoCountsIsRefused() {
    Qrda3Document document = valid.at(QUALITY_SECTION, "code=\"IPOP\"", AGGREGATE_COUNT)
        .duplicateEnclosing("entryRelationship");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_COUNT_MISSING);

    // The population is at fault, not either count.
    assertLocation(IPOP_PATH, measureDataLine(document, QUALITY_SECTION, "code=\"IPOP\""), problem);
    assertTrue(problem.message().contains("found 2"), problem::message);
  }

  // --- performance rate

  @Test
  void performanceRateAboveOneIsRefused() {
    Qrda3Document document = valid.replace("value=\"0.888889\"", "value=\"1.5\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PERFORMANCE_RATE);

    assertLocation(PERFORMANCE_RATE_PATH, document.lineOf(PERFORMANCE_RATE), problem);
    assertTrue(problem.message().contains("1.5"), problem::message);
  }

  @Test
  void performanceRateInJavaNumberNotationIsRefused() {
    for (String rate : new String[] {"0.5f", "0x1p-1"}) {
      Qrda3Document document = valid.replace("value=\"0.888889\"", "value=\"" + rate + "\"");
      rejectedFor(document.intake(), ProblemCode.QRDA_PERFORMANCE_RATE);
    }
  }

  @Test
  void activityWithoutItsIdIsAMeasureIdProblem() {
    Qrda3Document document = valid.replace("extension=\"IA_EPA_2\"", "extension=\"\"");
    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_ID);
    assertTrue(problem.message().startsWith("an improvement activity needs exactly one"), problem::message);
  }

  // --- IA and PI measures

  @Test
  void activityPerformedCodeOtherThanYesOrNoIsRefused() {
    Qrda3Document document = valid.at(IA_SECTION, "code=\"Y\"").replace("code=\"Y\"", "code=\"X\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_PERFORMED);

    assertLocation(IA_MEASURE_PATH + "/component/observation", document.lineOf(IA_SECTION, MEASURE_PERFORMED),
        problem);
    assertTrue(problem.message().contains("IA_EPA_2"), problem::message);
  }

  @Test
  void piProportionMeasureWithoutNumeratorIsRefused() {
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR).removeEnclosing("component");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_MEASURE);

    assertLocation(PI_PROPORTION_PATH, document.lineOf(PI_SECTION, PI_PROPORTION), problem);
    assertTrue(problem.message().contains("PI_EP_1"), problem::message);
  }

  @Test
  void activityWithoutMeasurePerformedIsRefused() {
    Qrda3Document document = valid.at(IA_SECTION, MEASURE_PERFORMED).removeEnclosing("component");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_MEASURE_PERFORMED_MISSING);

    assertLocation(IA_MEASURE_PATH, document.lineOf(IA_SECTION, IA_MEASURE), problem);
  }

  @Test
  void piMeasureWithTwoNumeratorsStillHasItsCountsChecked() {
    // Both mistakes in one answer, as CMS's tool gives them (18 and 41).
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR).duplicateEnclosing("component")
        .at(PI_SECTION, PI_NUMERATOR).replace("value=\"310\"", "value=\"Bob\"");

    rejectedFor(document.intake(), ProblemCode.QRDA_PI_MEASURE, ProblemCode.QRDA_PI_COUNT_NOT_INTEGER);
  }

  // A PI numerator's or denominator's count has its own codes, as CMS's tool has (39, 41, 42).

  @Test
  void piNumeratorCountThatIsNotAWholeNumberIsRefused() {
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR).replace("value=\"310\"", "value=\"Bob\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_COUNT_NOT_INTEGER);

    assertLocation(PI_PROPORTION_PATH + "/component/observation" + COUNT_IN, document.lineOf("value=\"Bob\""),
        problem);
    assertTrue(problem.message().contains("PI_EP_1 numerator"), problem::message);
  }

  @Test
  void negativePiNumeratorCountIsRefused() {
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR).replace("value=\"310\"", "value=\"-1\"");

    rejectedFor(document.intake(), ProblemCode.QRDA_PI_COUNT_INVALID);
  }

  @Test
  void piNumeratorCountWithoutItsValueIsRefused() {
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR).replace("value=\"310\"", "");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_COUNT_INVALID);

    assertTrue(problem.message().contains("found 0"), problem::message);
  }

  @Test
  void piNumeratorWithoutItsCountIsRefused() {
    Qrda3Document document = valid.at(PI_SECTION, PI_NUMERATOR, AGGREGATE_COUNT).removeEnclosing("entryRelationship");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_COUNT_MISSING);

    assertLocation(PI_PROPORTION_PATH + "/component/observation", document.lineOf(PI_SECTION, PI_NUMERATOR), problem);
  }

  /** The same report for the APM Performance Pathway (individual), where CMS's tool does not check populations. */
  private static Qrda3Document app1(Qrda3Document document) {
    Qrda3Document app = document.replace("extension=\"MIPS_INDIV\"", "extension=\"MIPS_APP1_INDIV\"");
    assertEquals(Set.of(), errorCodes(app.intake()), "the APP version of the fixture must be valid");
    return app;
  }
}

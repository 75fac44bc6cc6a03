package gov.qpp.validators.qrda3;

import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_REFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measure 370 (CMS159v13, depression remission at twelve months) in 2025: one set of populations stratified by age.
 * The catalog names two strata (adolescents, adults) and lists the two stratification UUIDs on the first; each
 * QPP stratum takes every population's count in its own reporting stratum (template 2.16.840.1.113883.10.20.27.3.4).
 */
class Qrda3StratifiedMeasureTest {

  private static final String GUID = "8a6d0454-8df0-2d9f-018e-38c36cb320f0";
  private static final String IPOP = "B74991E6-6F3A-4A01-A60A-6FEEFC966414";
  private static final String DENOM = "55D888FB-ADA0-4D51-858F-4E942F0F670E";
  private static final String NUMER = "BF66AA4C-0510-43F8-BF08-A95A71A1E50E";
  private static final String DENEX = "21908786-DDBF-4121-A704-D2E237A676BB";
  private static final String ADOLESCENTS = "C4A59042-1634-4A8B-812F-BE0A4450D0D2";
  private static final String ADULTS = "A3418DB5-F6AE-47A4-9F77-EA8B7EA583C9";

  /** Our report with measure 134 replaced by 370: population totals, then the 12-17 and 18+ counts. */
  private static Qrda3Document with370(String strata) {
    String entry = "          <entry>\n"
        + "            <organizer classCode=\"CLUSTER\" moodCode=\"EVN\">\n"
        + "              <templateId root=\"2.16.840.1.113883.10.20.27.3.17\" extension=\"2016-11-01\"/>\n"
        + "              <reference typeCode=\"REFR\"><externalDocument classCode=\"DOC\" moodCode=\"EVN\">\n"
        + "                <id root=\"2.16.840.1.113883.4.738\" extension=\"" + GUID + "\"/>\n"
        + "              </externalDocument></reference>\n"
        + population("IPOP", IPOP, 110, 45, 65, strata)
        + population("DENOM", DENOM, 100, 40, 60, strata)
        + population("NUMER", NUMER, 40, 10, 30, strata)
        + population("DENEX", DENEX, 5, 2, 3, strata)
        + "            </organizer>\n"
        + "          </entry>\n";
    return Qrda3Document.valid().at(MEASURE_REFERENCE).removeEnclosing("entry")
        .at("quality-reporting-parameters").insertAfterEnclosing("entry", entry);
  }

  private static String population(String type, String uuid, long total, long adolescents, long adults,
      String strata) {
    String reportingStrata = (strata.contains("adolescents") ? stratum(ADOLESCENTS, adolescents) : "")
        + (strata.contains("adults") ? stratum(ADULTS, adults) : "");
    return "              <component><observation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "                <templateId root=\"2.16.840.1.113883.10.20.27.3.16\" extension=\"2018-05-01\"/>\n"
        + "                <value xsi:type=\"CD\" code=\"" + type + "\" codeSystem=\"2.16.840.1.113883.5.4\"/>\n"
        + count(total)
        + reportingStrata
        + "                <reference typeCode=\"REFR\"><externalObservation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "                  <id root=\"" + uuid + "\"/>\n"
        + "                </externalObservation></reference>\n"
        + "              </observation></component>\n";
  }

  private static String stratum(String uuid, long value) {
    return "                <entryRelationship typeCode=\"COMP\"><observation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "                  <templateId root=\"2.16.840.1.113883.10.20.27.3.4\"/>\n"
        + "                  <value xsi:type=\"CD\" nullFlavor=\"OTH\"><originalText>Stratum</originalText></value>\n"
        + count(value)
        + "                  <reference typeCode=\"REFR\"><externalObservation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "                    <id root=\"" + uuid + "\"/>\n"
        + "                  </externalObservation></reference>\n"
        + "                </observation></entryRelationship>\n";
  }

  private static String count(long value) {
    return "                <entryRelationship typeCode=\"SUBJ\" inversionInd=\"true\">"
        + "<observation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "                  <templateId root=\"2.16.840.1.113883.10.20.27.3.3\"/>\n"
        + "                  <value xsi:type=\"INT\" value=\"" + value + "\"/>\n"
        + "                </observation></entryRelationship>\n";
  }

  @Test
  void eachAgeStratumTakesItsReportingStratumCounts() {
    IntakeResult result = with370("adolescents adults").intake();
    assertTrue(result.accepted(), () -> "problems: " + result.problems());

    MeasureValue value = result.submission().measurementSets().stream()
        .filter(set -> set.category() == Category.QUALITY).findFirst().orElseThrow()
        .measurements().get(0).value();
    MeasureValue.MultiPerformanceRate rates = (MeasureValue.MultiPerformanceRate) value;
    // adolescents: DENOM 40, NUMER 10, DENEX 2 -> not met 40 - 10 - 2 = 28; adults: 60, 30, 3 -> 27
    assertEquals(List.of(
        new MeasureValue.Rate("adolescents", 10, 28L, 40, 2L, null, null),
        new MeasureValue.Rate("adults", 30, 27L, 60, 3L, null, null)), rates.strata());
  }

  @Test
  void aPopulationWithoutOneOfItsReportingStrataIsRefused() {
    IntakeResult result = with370("adolescents").intake();

    assertFalse(result.accepted());
    // one problem per population that lacks it: DENOM, NUMER and DENEX (IPOP carries no QPP value)
    assertEquals(List.of("DENOM", "NUMER", "DENEX"), result.problems().stream()
        .peek(problem -> assertEquals(ProblemCode.QRDA_POPULATION_MISSING, problem.code()))
        .peek(problem -> assertTrue(problem.message().contains(ADULTS + " (stratum adults)"), problem::message))
        .map(problem -> problem.message().split(" ")[2]).toList());
  }
}

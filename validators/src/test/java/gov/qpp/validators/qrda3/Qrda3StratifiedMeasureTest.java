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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Measure 370 (CMS159, depression remission at twelve months): one set of populations stratified by age. The
 * catalog names two strata and lists the two stratification UUIDs on the first; each QPP stratum takes every
 * population's count in its own reporting stratum (template 2.16.840.1.113883.10.20.27.3.4). In the packed catalog
 * 2019 and 2020 give the stratification UUIDs (2021's and the packed 2022's do not), so the case runs on 2020 (CMS159v8,
 * strata 12-17 and 18+) everywhere and on 2025 (CMS159v13, strata adolescents and adults) with the shared catalog.
 */
class Qrda3StratifiedMeasureTest {

  /** One year's 370: its report, GUID, population UUIDs, stratification UUIDs and stratum names, from the catalog. */
  private record Version(Supplier<Qrda3Document> report, String guid, String ipop, String denom, String numer,
      String denex, String firstStratification, String secondStratification, String first, String second) {
  }

  /** 2020 (packed catalog): our 2021 report moved to 2020, where IA_EPA_2, PI_EP_1 and PI_INFBLO_1 exist too. */
  private static final Version V2020 = new Version(
      () -> Qrda3Document.valid().replaceEvery("value=\"2021", "value=\"2020"),
      "40280382-6963-bf5e-016a-03dca9e446e0", "3E189A2F-18C6-4788-80AD-7B6D31977E23",
      "9374A2BA-D848-4631-BD7F-B9301CB16C6F", "A5976BE6-7F1C-419D-898D-7AFEB141A355",
      "368D79F7-DFF9-4987-B870-266C0560A1CE", "4A779584-DBC5-4A07-8E9F-A7502BA537E8",
      "28EB1666-9599-452B-A722-5FDB1BA72FF4", "12-17", "18+");

  /** 2025 (shared catalog, skipped without it). */
  private static final Version V2025 = new Version(Qrda3Document::valid2025,
      "8a6d0454-8df0-2d9f-018e-38c36cb320f0", "B74991E6-6F3A-4A01-A60A-6FEEFC966414",
      "55D888FB-ADA0-4D51-858F-4E942F0F670E", "BF66AA4C-0510-43F8-BF08-A95A71A1E50E",
      "21908786-DDBF-4121-A704-D2E237A676BB", "C4A59042-1634-4A8B-812F-BE0A4450D0D2",
      "A3418DB5-F6AE-47A4-9F77-EA8B7EA583C9", "adolescents", "adults");

  /** Our report with measure 134 replaced by 370: population totals, then the first and (optionally) second counts. */
  private static Qrda3Document with370(Version v, boolean withSecond) {
    String entry = "          <entry>\n"
        + "            <organizer classCode=\"CLUSTER\" moodCode=\"EVN\">\n"
        + "              <templateId root=\"2.16.840.1.113883.10.20.27.3.17\" extension=\"2016-11-01\"/>\n"
        + "              <reference typeCode=\"REFR\"><externalDocument classCode=\"DOC\" moodCode=\"EVN\">\n"
        + "                <id root=\"2.16.840.1.113883.4.738\" extension=\"" + v.guid() + "\"/>\n"
        + "              </externalDocument></reference>\n"
        + population(v, "IPOP", v.ipop(), 110, 45, 65, withSecond)
        + population(v, "DENOM", v.denom(), 100, 40, 60, withSecond)
        + population(v, "NUMER", v.numer(), 40, 10, 30, withSecond)
        + population(v, "DENEX", v.denex(), 5, 2, 3, withSecond)
        + "            </organizer>\n"
        + "          </entry>\n";
    return v.report().get().at(MEASURE_REFERENCE).removeEnclosing("entry")
        .at("quality-reporting-parameters").insertAfterEnclosing("entry", entry);
  }

  private static String population(Version v, String type, String uuid, long total, long first, long second,
      boolean withSecond) {
    String reportingStrata = stratum(v.firstStratification(), first)
        + (withSecond ? stratum(v.secondStratification(), second) : "");
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
    eachAgeStratumTakesItsReportingStratumCounts(V2020);
  }

  @Test
  void eachAgeStratumTakesItsReportingStratumCountsIn2025() {
    eachAgeStratumTakesItsReportingStratumCounts(V2025);
  }

  @Test
  void aPopulationWithoutOneOfItsReportingStrataIsRefused() {
    aPopulationWithoutOneOfItsReportingStrataIsRefused(V2020);
  }

  @Test
  void aPopulationWithoutOneOfItsReportingStrataIsRefusedIn2025() {
    aPopulationWithoutOneOfItsReportingStrataIsRefused(V2025);
  }

  private static void eachAgeStratumTakesItsReportingStratumCounts(Version v) {
    IntakeResult result = with370(v, true).intake();
    assertTrue(result.accepted(), () -> "problems: " + result.problems());

    MeasureValue value = result.submission().measurementSets().stream()
        .filter(set -> set.category() == Category.QUALITY).findFirst().orElseThrow()
        .measurements().get(0).value();
    MeasureValue.MultiPerformanceRate rates = (MeasureValue.MultiPerformanceRate) value;
    // first (12-17): DENOM 40, NUMER 10, DENEX 2 -> not met 40 - 10 - 2 = 28; second (18+): 60, 30, 3 -> 27
    assertEquals(List.of(
        new MeasureValue.Rate(v.first(), 10, 28L, 40, 2L, null, null),
        new MeasureValue.Rate(v.second(), 30, 27L, 60, 3L, null, null)), rates.strata());
  }

  private static void aPopulationWithoutOneOfItsReportingStrataIsRefused(Version v) {
    IntakeResult result = with370(v, false).intake();

    assertFalse(result.accepted());
    // one problem per population that lacks it: DENOM, NUMER and DENEX (IPOP carries no QPP value)
    assertEquals(List.of("DENOM", "NUMER", "DENEX"), result.problems().stream()
        .peek(problem -> assertEquals(ProblemCode.QRDA_POPULATION_MISSING, problem.code()))
        .peek(problem -> assertTrue(problem.message().contains(v.secondStratification() + " (stratum " + v.second()
            + ")"), problem::message))
        .map(problem -> problem.message().split(" ")[2]).toList());
  }
}

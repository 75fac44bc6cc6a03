package gov.qpp.validators.qrda3;

import static gov.qpp.validators.qrda3.Qrda3Document.BODY_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.DOCUMENT_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.IA_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.IA_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.NPI;
import static gov.qpp.validators.qrda3.Qrda3Document.NPI_ID;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.PROGRAM_ID;
import static gov.qpp.validators.qrda3.Qrda3Document.QUALITY_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.QUALITY_SECTION;
import static gov.qpp.validators.qrda3.Qrda3Document.REPORTING_PARAMETERS;
import static gov.qpp.validators.qrda3.Qrda3Document.TIN;
import static gov.qpp.validators.qrda3.Qrda3Document.assertLocation;
import static gov.qpp.validators.qrda3.Qrda3Document.rejectedFor;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import org.junit.jupiter.api.Test;

/**
 * Mistakes of the document as a whole (what it is, program, sections, reporting periods, who reports, the
 * year): one edit of our valid report per test, the one problem it must cause, and where that problem points.
 */
class Qrda3DocumentProblemsTest {

  private static final String ROOT_START = "<ClinicalDocument xmlns=";

  private final Qrda3Document valid = Qrda3Document.valid();

  /** The line of the root element's start tag, where document-level problems point. */
  private int rootLine(Qrda3Document document) {
    return document.lineOf(ROOT_START);
  }

  // --- is it XML, is it QRDA III

  @Test
  void trailingJunkAfterTheRootIsNotWellFormedXml() {
    // The reader reads past the root's end tag, so nothing can hide after it.
    Qrda3Document document = valid.append("trailing junk\n");

    IntakeResult result = document.intake();

    Problem problem = rejectedFor(result, ProblemCode.XML_NOT_WELL_FORMED);
    assertNull(result.submission());
    assertTrue(problem.location().toString().startsWith("line " + document.lineOf("trailing junk") + ","), problem::toString);
  }

  @Test
  void rootOtherThanClinicalDocumentIsNotQrda3() {
    Qrda3Document document = valid.replace(ROOT_START, "<QualityReport xmlns=")
        .replace("</ClinicalDocument>", "</QualityReport>");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_NOT_QRDA3);

    assertLocation("/QualityReport", document.lineOf("<QualityReport xmlns="), problem);
  }

  @Test
  void clinicalDocumentWithoutTheQrda3TemplateIdsIsNotQrda3() {
    Qrda3Document document = valid.at("root=\"2.16.840.1.113883.10.20.27.1.1\"").removeEnclosing("templateId")
        .at("root=\"2.16.840.1.113883.10.20.27.1.2\"").removeEnclosing("templateId");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_NOT_QRDA3);

    assertLocation(DOCUMENT_PATH, rootLine(document), problem);
  }

  // --- program

  @Test
  void documentWithoutProgramIsRefused() {
    Qrda3Document document = valid.at(PROGRAM_ID).removeEnclosing("informationRecipient");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PROGRAM_MISSING);

    assertLocation(DOCUMENT_PATH, rootLine(document), problem);
  }

  @Test
  void documentWithTwoProgramsIsRefused() {
    Qrda3Document document = valid.at(PROGRAM_ID)
        .insertBeforeLine("      <id root=\"2.16.840.1.113883.3.249.7\" extension=\"MIPS_GROUP\"/>\n");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PROGRAM_MISSING);

    // Points at the first program id.
    assertLocation(DOCUMENT_PATH, document.lineOf("extension=\"MIPS_GROUP\""), problem);
    assertTrue(problem.message().contains("MIPS_GROUP") && problem.message().contains("MIPS_INDIV"),
        problem::message);
  }

  @Test
  void cpcPlusIsNoLongerAnAcceptedProgram() {
    Qrda3Document document = valid.replace("extension=\"MIPS_INDIV\"", "extension=\"CPCPLUS\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PROGRAM_UNKNOWN);

    assertLocation(DOCUMENT_PATH, document.lineOf(PROGRAM_ID), problem);
    assertTrue(problem.message().contains("CPCPLUS"), problem::message);
  }

  // --- sections

  @Test
  void documentWithoutAnySectionIsRefused() {
    Qrda3Document document = valid.at(QUALITY_SECTION).removeEnclosing("component")
        .at(IA_SECTION).removeEnclosing("component")
        .at(PI_SECTION).removeEnclosing("component");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_NO_SECTION);

    assertLocation(DOCUMENT_PATH, rootLine(document), problem);
  }

  @Test
  void secondIaSectionIsRefused() {
    Qrda3Document document = valid.at(IA_SECTION).duplicateEnclosing("component");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_DUPLICATE_SECTION);

    // The copy is the structuredBody's third component; the second IA section is the one reported.
    assertLocation(BODY_PATH + "/component[3]/section", document.lineOf(QUALITY_SECTION, IA_SECTION, IA_SECTION),
        problem);
  }

  @Test
  void secondPiSectionHasThePiCode() {
    Qrda3Document document = valid.at(PI_SECTION).duplicateEnclosing("component");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_DUPLICATE_SECTION);

    assertLocation(BODY_PATH + "/component[4]/section", document.lineOf(IA_SECTION, PI_SECTION, PI_SECTION), problem);
  }

  // Each section's missing reporting parameters act has its own code, as CMS's tool has (32, 44, 22).

  @Test
  void qualitySectionWithoutReportingParametersActIsRefused() {
    Qrda3Document document = valid.at("quality-reporting-parameters").removeEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_REPORTING_PARAMETERS);

    assertLocation(QUALITY_PATH, document.lineOf(QUALITY_SECTION), problem);
  }

  @Test
  void iaSectionWithoutReportingParametersActIsRefused() {
    Qrda3Document document = valid.at("ia-reporting-parameters").removeEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_IA_REPORTING_PARAMETERS);

    assertLocation(IA_PATH, document.lineOf(IA_SECTION), problem);
  }

  @Test
  void piSectionWithoutReportingParametersActIsRefused() {
    Qrda3Document document = valid.at("pi-reporting-parameters").removeEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PI_REPORTING_PARAMETERS);

    assertLocation(PI_PATH, document.lineOf(PI_SECTION), problem);
  }

  @Test
  void sectionsAreCheckedEvenWhenTheProgramIsUnknown() {
    // One answer lists every mistake: the program and the IA section's missing reporting parameters act.
    Qrda3Document document = valid.replace("extension=\"MIPS_INDIV\"", "extension=\"CPCPLUS\"")
        .at("ia-reporting-parameters").removeEnclosing("entry");

    rejectedFor(document.intake(), ProblemCode.QRDA_PROGRAM_UNKNOWN, ProblemCode.QRDA_IA_REPORTING_PARAMETERS);
  }

  @Test
  void noReportingPeriodAnywhereIsNamedOncePerSection() {
    Qrda3Document document = valid.at("quality-reporting-parameters").removeEnclosing("entry")
        .at("ia-reporting-parameters").removeEnclosing("entry").at("pi-reporting-parameters").removeEnclosing("entry");

    rejectedFor(document.intake(), ProblemCode.QRDA_REPORTING_PARAMETERS, ProblemCode.QRDA_IA_REPORTING_PARAMETERS,
        ProblemCode.QRDA_PI_REPORTING_PARAMETERS);
  }

  @Test
  void reportingPeriodWithoutEndIsRefused() {
    Qrda3Document document = valid.at("ia-reporting-parameters").replace("<high value=\"20210630\"/>", "");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PERIOD_END);

    assertLocation(IA_PATH + "/entry/act", document.lineOf(IA_SECTION, REPORTING_PARAMETERS), problem);
  }

  @Test
  void reportingPeriodWithoutStartIsRefused() {
    Qrda3Document document = valid.at("ia-reporting-parameters").replace("<low value=\"20210301\"/>", "");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PERIOD_START);

    assertLocation(IA_PATH + "/entry/act", document.lineOf(IA_SECTION, REPORTING_PARAMETERS), problem);
  }

  @Test
  void reportingPeriodStartThatIsNotADateIsRefused() {
    Qrda3Document document = valid.at("pi-reporting-parameters").replace("20210701", "2021-07-xx");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_PERIOD_DATE);

    // Points at the low element itself.
    assertLocation(PI_PATH + "/entry/act", document.lineOf("2021-07-xx"), problem);
    assertTrue(problem.message().contains("2021-07-xx"), problem::message);
  }

  @Test
  void iaSectionWithoutActivitiesIsRefused() {
    Qrda3Document document = valid.at("IA_EPA_2").removeEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_IA_SECTION_EMPTY);

    assertLocation(IA_PATH, document.lineOf(IA_SECTION), problem);
  }

  @Test
  void qualitySectionWithoutMeasuresIsRefused() {
    Qrda3Document document = valid.at(Qrda3Document.MEASURE_REFERENCE).removeEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_SECTION_EMPTY);

    assertLocation(QUALITY_PATH, document.lineOf(QUALITY_SECTION), problem);
  }

  @Test
  void aggregateCountDirectlyInTheIaSectionIsRefused() {
    Qrda3Document document = valid.at("IA_EPA_2").insertAfterEnclosing("entry", ""
        + "          <entry>\n"
        + "            <observation classCode=\"OBS\" moodCode=\"EVN\">\n"
        + "              <templateId root=\"2.16.840.1.113883.10.20.27.3.3\"/>\n"
        + "              <code code=\"MSRAGG\" codeSystem=\"2.16.840.1.113883.5.4\"/>\n"
        + "              <value xsi:type=\"INT\" value=\"7\"/>\n"
        + "            </observation>\n"
        + "          </entry>\n");

    Problem problem = rejectedFor(document.intake(), ProblemCode.QRDA_SECTION_WRONG_CHILD);

    assertLocation(IA_PATH + "/entry[3]/observation",
        document.lineOf(IA_SECTION, Qrda3Document.AGGREGATE_COUNT), problem);
  }

  // --- who reports, and the year

  @Test
  void npiWithWrongCheckDigitIsRefused() {
    Qrda3Document document = valid.replace("extension=\"" + NPI + "\"", "extension=\"1234567890\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.NPI_CHECK_DIGIT);

    // On the performer's NPI id, not the document's start.
    assertLocation(DOCUMENT_PATH, document.lineOf(NPI_ID), problem);
  }

  @Test
  void tinWithADashIsRefused() {
    Qrda3Document document = valid.replace("extension=\"" + TIN + "\"", "extension=\"00-0456789\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.TIN_FORMAT);

    assertLocation(DOCUMENT_PATH, document.lineOf("00-0456789"), problem);
  }

  @Test
  void virtualGroupWithoutItsEntityIdIsRefused() {
    Qrda3Document document = valid.replace("extension=\"MIPS_INDIV\"", "extension=\"MIPS_VIRTUALGROUP\"");

    IntakeResult result = document.intake();

    Problem problem = rejectedFor(result, ProblemCode.ENTITY_IDENTIFIER_MISSING);
    assertLocation(DOCUMENT_PATH, rootLine(document), problem);
    assertNull(result.submission());
  }

  @Test
  void reportingPeriodIn2016HasNoCatalog() {
    Qrda3Document document = valid.replaceEvery("value=\"2021", "value=\"2016");

    IntakeResult result = document.intake();

    Problem problem = rejectedFor(result, ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED);
    assertLocation(DOCUMENT_PATH, rootLine(document), problem);
    assertTrue(problem.message().contains("2016"), problem::message);
  }
}

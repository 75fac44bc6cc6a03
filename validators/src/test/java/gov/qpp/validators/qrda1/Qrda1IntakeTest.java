package gov.qpp.validators.qrda1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.problems.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** QRDA I documents and zips of them: our own EC fixture, CMS's 2026 HQR sample, and hostile archives. */
class Qrda1IntakeTest {

  /** CMS122v9 (QPP 001) in 2021, the packed catalog's last year with eMeasure UUIDs and claims specifications. */
  static final String CMS122_2021 = "2c928085-7198-38ee-0171-9d78a0d406b3";

  /** An eligible clinician's QRDA I for one patient, as an EHR exports it (our own fixture). */
  static String document(String mbi, String npi, String program, String measureUuid) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <realmCode code="US"/>
          <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
          <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>
          <templateId root="2.16.840.1.113883.10.20.24.1.1" extension="2017-08-01"/>
          <templateId root="2.16.840.1.113883.10.20.24.1.2" extension="2021-08-01"/>
          <id root="6b2e4a7c-1f3d-4c5e-9a8b-0d1e2f3a4b5c"/>
          <code code="55182-0" codeSystem="2.16.840.1.113883.6.1"/>
          <recordTarget><patientRole>
            <id root="2.16.840.1.113883.4.927" extension="%s"/>
            <id root="1.3.6.1.4.1.99999.1" extension="ehr-42"/>
            <patient>
              <administrativeGenderCode nullFlavor="OTH">
                <translation code="248152002" codeSystem="2.16.840.1.113883.6.96"/>
              </administrativeGenderCode>
              <birthTime value="19600315"/>
            </patient>
          </patientRole></recordTarget>
          <informationRecipient><intendedRecipient>
            <id root="2.16.840.1.113883.3.249.7" extension="%s"/>
          </intendedRecipient></informationRecipient>
          <documentationOf><serviceEvent classCode="PCPR">
            <effectiveTime><low value="20210101"/><high value="20211231"/></effectiveTime>
            <performer typeCode="PRF"><assignedEntity>
              <id root="2.16.840.1.113883.4.6" extension="%s"/>
              <representedOrganization><id root="2.16.840.1.113883.4.2" extension="000123456"/></representedOrganization>
            </assignedEntity></performer>
          </serviceEvent></documentationOf>
          <component><structuredBody>
            <component><section>
              <templateId root="2.16.840.1.113883.10.20.24.2.2"/>
              <entry><organizer classCode="CLUSTER" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.98"/>
                <reference typeCode="REFR"><externalDocument classCode="DOC" moodCode="EVN">
                  <id root="2.16.840.1.113883.4.738" extension="%s"/>
                </externalDocument></reference>
              </organizer></entry>
            </section></component>
            <component><section>
              <templateId root="2.16.840.1.113883.10.20.17.2.1"/>
              <entry><act classCode="ACT" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.17.3.8"/>
                <effectiveTime><low value="20210101"/><high value="20211231"/></effectiveTime>
              </act></entry>
            </section></component>
            <component><section>
              <templateId root="2.16.840.1.113883.10.20.17.2.4"/>
              <entry><encounter classCode="ENC" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.23" extension="2021-08-01"/>
                <code code="99213" codeSystem="2.16.840.1.113883.6.12"/>
                <effectiveTime><low value="20210310093000"/><high value="20210310100000"/></effectiveTime>
              </encounter></entry>
              <entry><act classCode="ACT" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.137"/>
                <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">
                  <templateId root="2.16.840.1.113883.10.20.24.3.135"/>
                  <code code="282291009" codeSystem="2.16.840.1.113883.6.96"/>
                  <effectiveTime><low value="20200101"/></effectiveTime>
                  <value xsi:type="CD" code="E11.9" codeSystem="2.16.840.1.113883.6.90"/>
                </observation></entryRelationship>
              </act></entry>
              <entry><observation classCode="OBS" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.38"/>
                <code code="4548-4" codeSystem="2.16.840.1.113883.6.1"/>
                <effectiveTime value="20210922"/>
                <value xsi:type="PQ" value="9.5" unit="%%"/>
              </observation></entry>
            </section></component>
          </structuredBody></component>
        </ClinicalDocument>
        """.formatted(mbi, program, npi, measureUuid);
  }

  static String valid(String mbi) {
    return document(mbi, "1234567893", "MIPS_INDIV", CMS122_2021);
  }

  private static Qrda1Intake intake() {
    return new Qrda1Intake(PackedCatalog.get());
  }

  private static List<String> codes(Qrda1Outcome outcome) {
    return outcome.problems().stream().map(problem -> problem.code().name()).toList();
  }

  @Test
  void anEligibleClinicansDocumentIsReadIntoItsPatient() {
    String xml = valid("1EG4TE5MK73");
    assertTrue(Qrda1Intake.isQrda1(xml.getBytes(StandardCharsets.UTF_8)));
    Qrda1Outcome outcome = intake().document(xml.getBytes(StandardCharsets.UTF_8));
    assertFalse(outcome.refused(), outcome.problems().toString());
    assertEquals(List.of(), outcome.problems());
    Qrda1Patient patient = outcome.patients().get(0);
    assertEquals(List.of("000123456", "1234567893", "1EG4TE5MK73", "F", "mips"), List.of(patient.tin(),
        patient.npi(), patient.patientId(), patient.sex(), patient.programName()));
    assertEquals(LocalDate.of(1960, 3, 15), patient.birthDate());
    assertEquals(2021, patient.performanceYear());
    assertEquals(List.of("001"), patient.measureIds());
    assertEquals(Map.of("001", 1), outcome.patientsPerMeasure());

    List<Qrda1Entry> entries = patient.entries();
    assertEquals(List.of("encounterPerformed", "diagnosis", "laboratoryTestPerformed"),
        entries.stream().map(Qrda1Entry::datatype).toList());
    assertEquals(List.of("99213", "E11.9", "4548-4"), entries.stream().map(Qrda1Entry::code).toList());
    assertEquals(LocalDate.of(2021, 3, 10), entries.get(0).start());
    assertEquals(LocalDate.of(2021, 3, 10), entries.get(0).end());
    assertEquals(LocalDate.of(2021, 9, 22), entries.get(2).start());
    assertEquals(List.of("9.5", "%"), List.of(entries.get(2).valueQuantity(), entries.get(2).unit()));
  }

  @Test
  void wrongProgramClinicianAndMeasureAreEachNamedWithTheirLine() {
    String xml = document("1EG4TE5MK73", "1234567890", "HQR_IQR", "00000000-0000-0000-0000-000000000000");
    Qrda1Outcome outcome = intake().document(xml.getBytes(StandardCharsets.UTF_8));
    assertTrue(outcome.refused());
    assertEquals(List.of("QRDA1_PROGRAM", "NPI_CHECK_DIGIT", "QRDA1_MEASURE_UNKNOWN"), codes(outcome));
    assertTrue(outcome.problems().get(2).location().toString().startsWith("document: line "), outcome.problems().toString());
  }

  @Test
  void cmsHospitalSampleIsReadButNotForMips() throws Exception {
    Path sample = SharedFolder.find().map(root -> root.resolve(
        "corpus/qrda1/cms-2026/Sample Files/2026-CMS-QRDA-I-v1.0-Sample-File.xml")).orElse(null);
    assumeTrue(sample != null && Files.exists(sample), "skipped: the CMS QRDA I sample is not in ../shared");
    byte[] xml = Files.readAllBytes(sample);
    assertTrue(Qrda1Intake.isQrda1(xml));
    Qrda1Document read = Qrda1Reader.read(new ByteArrayInputStream(xml));
    assertEquals("HQR_IQR", read.program().value());
    assertEquals("800890", read.ccn().value());
    assertEquals(2, read.measureUuids().size());
    assertTrue(read.entries().size() >= 20, "every QDM template of the sample: " + read.entries().size());
    assertTrue(read.entries().stream().anyMatch(entry -> entry.datatype().equals("diagnosis")
        && entry.code() != null));
    List<String> codes = codes(new Qrda1Intake(TestCatalog.get()).document(xml));
    assertTrue(codes.containsAll(List.of("QRDA1_PROGRAM", "QRDA1_PERFORMER_MISSING")), codes.toString());
  }

  @Test
  void aZipOfPatientsCountsEachPatientOncePerMeasure() throws Exception {
    byte[] zip = zip(Map.of(
        "patients/a.xml", valid("1EG4TE5MK73").getBytes(StandardCharsets.UTF_8),
        "patients/b.xml", valid("2AC2DE3FG45").getBytes(StandardCharsets.UTF_8),
        "patients/c.xml", document("3AC2DE3FG45", "12345", "MIPS_INDIV", CMS122_2021)
            .getBytes(StandardCharsets.UTF_8),
        "README.txt", "not a document".getBytes(StandardCharsets.UTF_8)));
    Qrda1Outcome outcome = intake().zip(new ByteArrayInputStream(zip));
    assertFalse(outcome.refused());
    assertEquals(List.of(3, 1, 2), List.of(outcome.documentsRead(), outcome.documentsRejected(),
        outcome.patients().size()));
    assertEquals(Map.of("001", 2), outcome.patientsPerMeasure());
    assertEquals(List.of("NPI_FORMAT"), codes(outcome));
    assertTrue(outcome.problems().get(0).location().toString().startsWith("patients/c.xml: line "));
  }

  @Test
  void hostileArchivesAreRefusedWithTheirReason() throws Exception {
    byte[] traversal = zip(Map.of("../../etc/evil.xml", valid("1EG4TE5MK73").getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("QRDA1_ZIP_ENTRY_NAME"), codes(intake().zip(new ByteArrayInputStream(traversal))));

    byte[] nested = zip(Map.of("inner.zip", zip(Map.of("a.xml", new byte[10]))));
    assertEquals(List.of("QRDA1_ZIP_NESTED"), codes(intake().zip(new ByteArrayInputStream(nested))));

    byte[] bomb = zip(Map.of("bomb.xml", new byte[50 * 1024 * 1024]));
    assertTrue(bomb.length < 200_000, "50 MB of zeros compresses to " + bomb.length + " bytes");
    Qrda1Outcome refused = intake().zip(new ByteArrayInputStream(bomb));
    assertTrue(refused.refused());
    assertEquals(List.of("QRDA1_ZIP_LIMIT"), codes(refused));

    assertEquals(List.of("QRDA1_ZIP_UNREADABLE"), codes(intake().zip(new ByteArrayInputStream(
        java.util.Arrays.copyOf(zip(Map.of("a.xml", valid("1EG4TE5MK73").getBytes(StandardCharsets.UTF_8))), 60)))));
    assertEquals(List.of("QRDA1_ZIP_EMPTY"), codes(intake().zip(new ByteArrayInputStream(zip(Map.of(
        "notes.txt", new byte[3]))))));
  }

  @Test
  void aCcnWhenGivenHasItsShape() {
    String custodian = "<custodian><assignedCustodian><representedCustodianOrganization>"
        + "<id root=\"2.16.840.1.113883.4.336\" extension=\"%s\"/></representedCustodianOrganization>"
        + "</assignedCustodian></custodian><informationRecipient>";
    String good = valid("1EG4TE5MK73").replace("<informationRecipient>", custodian.formatted("800890"));
    assertEquals(List.of(), codes(intake().document(good.getBytes(StandardCharsets.UTF_8))));
    String bad = valid("1EG4TE5MK73").replace("<informationRecipient>", custodian.formatted("8008"));
    assertEquals(List.of("QRDA1_CCN_FORMAT"), codes(intake().document(bad.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aDocumentWithADoctypeIsRejectedUnread() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&e;</ClinicalDocument>";
    Qrda1Outcome outcome = intake().document(xxe.getBytes(StandardCharsets.UTF_8));
    assertTrue(outcome.refused());
    assertEquals(List.of("XML_DTD_NOT_ALLOWED"), codes(outcome));
  }

  @Test
  void problemsNeverRepeatTheBirthDate() {
    String xml = valid("1EG4TE5MK73").replace("19600315", "1960031X");
    for (Problem problem : intake().document(xml.getBytes(StandardCharsets.UTF_8)).problems()) {
      assertFalse((problem.message() + problem.location().toString()).contains("1960031"), problem.toString());
    }
  }

  static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}

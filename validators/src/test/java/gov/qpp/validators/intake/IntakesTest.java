package gov.qpp.validators.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.model.PartBVolume;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One contract for every format: a body and what the request declares in, one outcome type out. */
class IntakesTest {

  static final String REGISTRY = "{\"category\":\"quality\",\"submissionMethod\":\"registry\",\"performanceStart\":"
      + "\"2022-01-01\",\"performanceEnd\":\"2022-12-31\",\"submission\":{\"entityType\":\"group\","
      + "\"taxpayerIdentificationNumber\":\"TIN\",\"performanceYear\":2022},\"measurements\":[{\"measureId\":"
      + "\"047\",\"value\":{\"isEndToEndReported\":false,\"performanceMet\":120,\"performanceNotMet\":36,"
      + "\"eligiblePopulation\":156}}]}";
  /** A 2021 visit of a 70-year-old with an advance care plan documented (measure 047: performance met). */
  static final String CLAIM = "{\"claimId\":\"C1\",\"tin\":\"000123456\",\"npi\":\"1234567893\",\"bene\":{\"mbi\":"
      + "\"1EG4TE5MK73\",\"dob\":\"1950-04-02\",\"sex\":\"F\"},\"fromDate\":\"2021-03-10\",\"dx\":[\"I10\"],\"lines\":"
      + "[{\"n\":1,\"hcpcs\":\"99213\",\"mods\":[],\"pos\":\"11\",\"charge\":\"125.00\"},{\"n\":2,\"hcpcs\":\"1123F\","
      + "\"mods\":[],\"pos\":\"11\"}]}\n";

  static Intakes intakes;

  @TempDir
  Path spool;

  @BeforeAll
  static void load() {
    intakes = new Intakes(PackedCatalog.get());
  }

  private static IntakeOutcome read(Format format, String text) {
    return intakes.read(format, Body.of(text.getBytes(StandardCharsets.UTF_8)), Declared.of(format.mediaType()));
  }

  private Body spooled(String text) throws IOException {
    Path file = spool.resolve("upload.part");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    return Body.spooled(file, bytes.length, Body.of(bytes).sha256());
  }

  @Test
  void aDocumentReadsAsOneSubmission() {
    IntakeOutcome outcome = read(Format.REGISTRY_JSON, REGISTRY.replace("TIN", "000000002"));
    IntakeOutcome.Document document = assertInstanceOf(IntakeOutcome.Document.class, outcome);
    assertTrue(document.accepted(), document.problems().toString());
    assertEquals("000000002", document.submission().tin().value());
  }

  @Test
  void aWrongDocumentIsRefusedWithEveryErrorCounted() {
    IntakeOutcome outcome = read(Format.REGISTRY_JSON, REGISTRY.replace("TIN", "12-345"));
    assertFalse(outcome.accepted());
    assertFalse(outcome.unreadable(), "read, and wrong: 422");
    assertEquals("invalid submission: 1 error found; nothing was stored", outcome.refusal());
  }

  @Test
  void xmlThatIsNotXmlCannotBeReadAtAll() {
    IntakeOutcome outcome = read(Format.QRDA3, "<ClinicalDocument><unclosed>");
    assertTrue(outcome.unreadable(), "400");
    assertTrue(outcome.refusal().startsWith("the document cannot be read: "), outcome.refusal());
  }

  @Test
  void aSpooledClaimsFileBecomesOneSetPerClinicianAndGroupWithTheirVolumes() throws IOException {
    IntakeOutcome outcome = intakes.read(Format.CLAIMS_JSONL, spooled(CLAIM),
        Declared.of("application/x-ndjson").withYear(2021));
    IntakeOutcome.Claims claims = assertInstanceOf(IntakeOutcome.Claims.class, outcome);
    assertTrue(claims.accepted(), claims.problems().toString());
    assertEquals(2, claims.claims().validSubmissions().size(), "the clinician and the group");
    assertEquals(List.of(new PartBVolume("000123456", "", 2021, new BigDecimal("125.00"), 1, 1),
        new PartBVolume("000123456", "1234567893", 2021, new BigDecimal("125.00"), 1, 1)),
        claims.volumes().stream().sorted(java.util.Comparator.comparing(PartBVolume::npi)).toList());
  }

  @Test
  void aClaimsFileOfNothingUsableIsRefusedWhole() throws IOException {
    IntakeOutcome outcome = intakes.read(Format.CLAIMS_JSONL, spooled("not a claim\n"),
        Declared.of("application/x-ndjson").withYear(2021));
    assertFalse(outcome.accepted());
    assertEquals("the claims file was refused: 1 lines read, 1 rejected; nothing was stored", outcome.refusal());
  }

  @Test
  void aQrda1DocumentThatIsNotXmlIsUnreadable() {
    IntakeOutcome outcome = read(Format.QRDA1, "not xml");
    assertInstanceOf(IntakeOutcome.Qrda1.class, outcome);
    assertTrue(outcome.unreadable());
    assertEquals("the QRDA I document was refused: 1 of 1 documents rejected; nothing was stored",
        outcome.refusal());
  }

  @Test
  void anEligibilityFileGivesItsRowsAndTheirVolumes() {
    IntakeOutcome outcome = read(Format.ELIGIBILITY, "{\"tin\": \"000123456\", \"performanceYear\": 2021,"
        + " \"lowVolume\": {\"allowedCharges\": 80000, \"beneficiaries\": 150, \"coveredServices\": 300}}\n");
    IntakeOutcome.Eligibility eligibility = assertInstanceOf(IntakeOutcome.Eligibility.class, outcome);
    assertTrue(eligibility.accepted(), eligibility.problems().toString());
    assertEquals(List.of(new PartBVolume("000123456", "", 2021, new BigDecimal("80000.0"), 150, 300)),
        eligibility.volumes());
  }

  @Test
  void aBodyIsTheSameUploadInMemoryOrSpooled() throws IOException {
    assertEquals(Body.of(CLAIM.getBytes(StandardCharsets.UTF_8)).sha256(), spooled(CLAIM).sha256());
    assertEquals(64, spooled(CLAIM).sha256().length());
  }
}

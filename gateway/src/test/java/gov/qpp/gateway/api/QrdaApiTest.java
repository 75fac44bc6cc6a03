package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway;
import gov.qpp.gateway.TestGateway.Reply;
import gov.qpp.validators.SharedFolder;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * QRDA III through the real gateway: submission by XML, the conversion endpoint, and hostile XML. Our own 2021
 * report runs on either catalog; CMS's 2025 sample and its tool's answer need the shared folder.
 */
class QrdaApiTest extends RunningGatewayTest {

  /** A file of the shared QRDA III corpus (CMS's samples and its tool's answers): skips the test without it. */
  static Path corpus(String relative) {
    Path folder = SharedFolder.corpus("qrda3").orElse(null);
    assumeTrue(folder != null, "skipped: needs the shared folder (CMS's QRDA III samples and its tool's answers);"
        + " ../shared/corpus/qrda3 not found (set qpp.shared.dir)");
    return folder.resolve(relative);
  }

  /**
   * Our own 2021 report (the validators' fixture, from their test jar): measure 134 for NPI 1234567893 of TIN
   * 000456789.
   */
  static byte[] own2021() throws Exception {
    try (var in = QrdaApiTest.class.getResourceAsStream("/qrda3/valid-2021-individual.xml")) {
      return in.readAllBytes();
    }
  }

  static Reply postXml(String path, byte[] xml) throws Exception {
    return gateway.send(gateway.request(path).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build());
  }

  static Reply convert(String fileName, byte[] content) throws Exception {
    String boundary = "qpp-boundary-7d1f";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return gateway.send(gateway.request("/api/convert")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  static String firstCode(Reply reply) {
    return reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("code");
  }

  @Test
  void qrda3SubmissionIsStoredAndScored() throws Exception {
    Reply created = postXml("/api/submissions", own2021());
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().getJsonObject("data").getString("id");
    Reply read = gateway.get("/api/submissions/" + id);
    assertEquals("qrda3", read.json().getJsonObject("data").getString("format"));
    JsonObject score = gateway.awaitScore("000456789", "1234567893", 2021, id);
    assertEquals("134", score.getJsonArray("parts").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
        .getJsonArray("parts").getJsonObject(0).getString("name"));
  }

  @Test
  void cmsSampleOf2025IsStoredAndScored() throws Exception {
    byte[] sample = Files.readAllBytes(corpus("files/converter-tests/app/2025/App1-Indv-QRDA-III.xml"));
    TestGateway.assumeSharedFolder("the sample is of 2025");
    Reply created = postXml("/api/submissions", sample);
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().getJsonObject("data").getString("id");
    Reply read = gateway.get("/api/submissions/" + id);
    assertEquals("qrda3", read.json().getJsonObject("data").getString("format"));
    JsonObject score = gateway.awaitScore("990000099", "2567891421", 2025, id);
    assertEquals("134", score.getJsonArray("parts").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
        .getJsonArray("parts").getJsonObject(0).getString("name"));
  }

  @Test
  void conversionAnswersWhatCmsToolAnswers() throws Exception {
    Reply reply = convert("App1-Indv-QRDA-III.xml",
        Files.readAllBytes(corpus("files/converter-tests/app/2025/App1-Indv-QRDA-III.xml")));
    assertEquals(201, reply.status(), reply.raw().body());
    JsonObject expected = new JsonObject(Files.readString(
        corpus("answers-tool-py2025/converter-tests/app/2025/App1-Indv-QRDA-III-qpp.json")));
    assertEquals(expected, reply.json());
  }

  @Test
  void conversionAnswersTheSubmissionTheReportMakes() throws Exception {
    Reply reply = convert("valid-2021-individual.xml", own2021());
    assertEquals(201, reply.status(), reply.raw().body());
    JsonObject qpp = reply.json();
    assertEquals(2021, qpp.getInteger("performanceYear"));
    assertEquals("individual", qpp.getString("entityType"));
    assertEquals("1234567893", qpp.getString("nationalProviderIdentifier"));
    assertEquals("000456789", qpp.getString("taxpayerIdentificationNumber"));
    JsonObject quality = qpp.getJsonArray("measurementSets").getJsonObject(0);
    assertEquals("quality", quality.getString("category"));
    assertEquals("qrda3", quality.getString("source"));
    JsonObject measure = quality.getJsonArray("measurements").getJsonObject(0);
    assertEquals("134", measure.getString("measureId"));
    // DENOM 100, NUMER 80, DENEXCEP 6, DENEX 4: not met 100 - 80 - 6 - 4
    JsonObject value = measure.getJsonObject("value");
    assertEquals(100, value.getInteger("eligiblePopulation"));
    assertEquals(80, value.getInteger("performanceMet"));
    assertEquals(10, value.getInteger("performanceNotMet"));
    assertEquals(6, value.getInteger("eligiblePopulationException"));
    assertEquals(4, value.getInteger("eligiblePopulationExclusion"));
  }

  @Test
  void conversionErrorsUseTheToolsShape() throws Exception {
    Reply reply = convert("bad.xml", "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, reply.status());
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("bad.xml", error.getString("sourceIdentifier"));
    JsonObject detail = error.getJsonArray("details").getJsonObject(0);
    assertEquals(5, detail.getInteger("errorCode"));
    assertEquals("QRDA_NOT_QRDA3", detail.getString("code"));
    assertEquals("/ClinicalDocument", detail.getJsonObject("location").getString("path"));
    assertEquals(1, detail.getJsonObject("location").getInteger("line"));
  }

  @Test
  void conversionNeedsTheFileField() throws Exception {
    Reply reply = gateway.send(gateway.request("/api/convert").header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build());
    assertEquals(400, reply.status());
    assertEquals("INVALID_PARAMETER", firstCode(reply));
  }

  @Test
  void otherXmlIsAClear422() throws Exception {
    Reply reply = postXml("/api/submissions", "<invoice><total>3</total></invoice>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, reply.status());
    assertEquals("QRDA_NOT_QRDA3", firstCode(reply));
  }

  @Test
  void xxeIsRefusedWithoutReadingTheFile() throws Exception {
    Reply reply = postXml("/api/submissions", ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]><r>&x;</r>").getBytes(StandardCharsets.UTF_8));
    assertEquals(400, reply.status());
    assertEquals("XML_DTD_NOT_ALLOWED", firstCode(reply));
    assertTrue(!reply.raw().body().contains("root:"));
  }

  @Test
  void billionLaughsIsRefused() throws Exception {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"ha\">");
    for (int i = 1; i <= 9; i++) {
      doc.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doc.append("]><l>&l9;</l>");
    Reply reply = postXml("/api/submissions", doc.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(400, reply.status());
    assertEquals("XML_DTD_NOT_ALLOWED", firstCode(reply));
  }

  @Test
  void deepNestingIsRefused() throws Exception {
    String doc = "<a>".repeat(100_000) + "</a>".repeat(100_000);
    Reply reply = postXml("/api/submissions", doc.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, reply.status());
    assertEquals("XML_LIMIT_EXCEEDED", firstCode(reply));
  }

  @Test
  void truncatedDocumentIsRefused() throws Exception {
    byte[] whole = own2021();
    Reply reply = postXml("/api/submissions", java.util.Arrays.copyOf(whole, whole.length / 2));
    assertEquals(400, reply.status());
    assertEquals("XML_NOT_WELL_FORMED", firstCode(reply));
  }

  @Test
  void nonXmlBytesAreRefused() throws Exception {
    Reply reply = postXml("/api/submissions", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    assertEquals(400, reply.status());
    assertEquals("XML_NOT_WELL_FORMED", firstCode(reply));
  }

  @Test
  void hugeDocumentsAre413BeforeParsing() throws Exception {
    byte[] big = new byte[TestGateway.MAX_BODY_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    Reply reply = postXml("/api/submissions", big);
    assertEquals(413, reply.status());
    assertEquals("DOCUMENT_TOO_LARGE", firstCode(reply));
  }
}

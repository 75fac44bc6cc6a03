package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway;
import gov.qpp.gateway.TestGateway.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The FHIR endpoints through the real gateway: FHIR shapes in and out, stored like every other format. The reports
 * are of 2021, a year of both catalogs; the 2025 rule on eCQM CEHRT ids needs the shared catalog.
 */
class FhirApiTest extends RunningGatewayTest {

  static final String TIN = "123456789";
  static final String CEHRT_ID = "0015C01ABCDEFGH";
  /** 2021: a year of both catalogs with eMeasure UUIDs (the packed 2022 has none), CMS122v9 as measure 001. */
  static final int YEAR = 2021;

  /**
   * A 2021 summary report of measure 001 (CMS122) for a group named by identifier, with the EHR as a contained Device
   * that the report names (cqfm-softwaresystem), whose identifier is the CEHRT id.
   */
  static JsonObject measureReport(int denominator, int numerator) {
    return measureReport(YEAR, denominator, numerator);
  }

  static JsonObject measureReport(int year, int denominator, int numerator) {
    return new JsonObject()
        .put("resourceType", "MeasureReport")
        .put("contained", new JsonArray().add(new JsonObject().put("resourceType", "Device").put("id", "ehr")
            .put("identifier", new JsonArray().add(new JsonObject()
                .put("system", "https://chpl.healthit.gov/cehrt-id").put("value", CEHRT_ID)))))
        .put("extension", new JsonArray().add(new JsonObject()
            .put("url", "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-softwaresystem")
            .put("valueReference", new JsonObject().put("reference", "#ehr"))))
        .put("status", "complete").put("type", "summary")
        .put("measure", "https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent|0.5.000")
        .put("period", new JsonObject().put("start", year + "-01-01").put("end", year + "-12-31"))
        .put("reporter", new JsonObject().put("type", "Organization").put("identifier",
            new JsonObject().put("system", "urn:oid:2.16.840.1.113883.4.2").put("value", TIN)))
        .put("group", new JsonArray().add(new JsonObject().put("population", new JsonArray()
            .add(population("initial-population", denominator))
            .add(population("denominator", denominator))
            .add(population("numerator", numerator)))));
  }

  static JsonObject population(String code, int count) {
    return new JsonObject().put("code", new JsonObject().put("coding", new JsonArray().add(new JsonObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/measure-population").put("code", code))))
        .put("count", count);
  }

  static Reply post(String path, String contentType, String body) throws Exception {
    return gateway.send(gateway.request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static JsonObject firstIssue(Reply reply) {
    return reply.json().getJsonArray("issue").getJsonObject(0);
  }

  @Test
  void metadataTellsWhatIsSupported() throws Exception {
    Reply reply = gateway.send(gateway.request("/fhir/metadata").header("Accept", "application/fhir+json").GET()
        .build());
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/fhir+json"), reply.header("Content-Type"));
    assertEquals("CapabilityStatement", reply.json().getString("resourceType"));
    assertEquals("4.0.1", reply.json().getString("fhirVersion"));
    String text = reply.raw().body();
    assertTrue(text.contains("submit-data") && text.contains("\"validate\""), text);
  }

  @Test
  void metadataInXmlByFormatParameter() throws Exception {
    Reply reply = gateway.get("/fhir/metadata?_format=xml");
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/fhir+xml"));
    assertTrue(reply.raw().body().contains("<CapabilityStatement xmlns=\"http://hl7.org/fhir\">"));
  }

  @Test
  void measureReportIsStoredAndScoredLikeEveryFormat() throws Exception {
    Reply created = post("/fhir/MeasureReport", "application/fhir+json", measureReport(80, 20).encode());
    assertEquals(201, created.status(), created.raw().body());
    assertEquals("OperationOutcome", created.json().getString("resourceType"));
    String location = created.header("Location");
    assertNotNull(location);
    Reply read = gateway.get(location);
    assertEquals("fhir", read.json().getJsonObject("data").getString("format"));
    JsonObject set = read.json().getJsonObject("data").getJsonObject("submission").getJsonArray("measurementSets")
        .getJsonObject(0);
    assertEquals(CEHRT_ID, set.getString("cehrtId"), "the contained Device the report names gives the CEHRT id");
    String id = location.substring(location.lastIndexOf('/') + 1);
    JsonObject score = gateway.awaitScore(TIN, null, YEAR, id);
    assertNotNull(score.getJsonArray("parts"));
  }

  @Test
  void from2025AnEcqmReportNeedsTheCehrtIdOfItsContainedDevice() throws Exception {
    TestGateway.assumeSharedFolder("2025, the first year an eCQM set needs a CEHRT id");
    Reply created = post("/fhir/MeasureReport/$validate", "application/fhir+json",
        measureReport(2025, 80, 20).encode());
    assertEquals(200, created.status(), created.raw().body());
    assertEquals("information", firstIssue(created).getString("severity"), created.raw().body());
    JsonObject withoutDevice = measureReport(2025, 80, 20);
    withoutDevice.remove("contained");
    withoutDevice.remove("extension");
    Reply refused = post("/fhir/MeasureReport", "application/fhir+json", withoutDevice.encode());
    assertEquals(422, refused.status(), refused.raw().body());
    assertEquals("CEHRT_ID_MISSING", code(refused));
  }

  @Test
  void transactionGetsATransactionResponse() throws Exception {
    JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "transaction")
        .put("entry", new JsonArray().add(new JsonObject().put("fullUrl", "urn:uuid:6f1c0d54-3b7e-4b8e-9f1a-2d3c4b5a6e7f")
            .put("resource", measureReport(50, 10))
            .put("request", new JsonObject().put("method", "POST").put("url", "MeasureReport"))));
    Reply reply = post("/fhir", "application/fhir+json", bundle.encode());
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals("transaction-response", reply.json().getString("type"));
    assertEquals("201 Created", reply.json().getJsonArray("entry").getJsonObject(0).getJsonObject("response")
        .getString("status"));
  }

  @Test
  void submitDataForANamedMeasure() throws Exception {
    JsonObject parameters = new JsonObject().put("resourceType", "Parameters").put("parameter", new JsonArray()
        .add(new JsonObject().put("name", "measureReport").put("resource", measureReport(30, 3))));
    Reply reply = post("/fhir/Measure/CMS122/$submit-data", "application/fhir+json", parameters.encode());
    assertEquals(200, reply.status(), reply.raw().body());
    Reply wrong = post("/fhir/Measure/236/$submit-data", "application/fhir+json", parameters.encode());
    assertEquals(422, wrong.status(), wrong.raw().body());
    assertEquals("FHIR_MEASURE_MISMATCH", code(wrong));
  }

  static String code(Reply reply) {
    for (Object issue : reply.json().getJsonArray("issue")) {
      JsonObject details = ((JsonObject) issue).getJsonObject("details");
      if (((JsonObject) issue).getString("severity").equals("error")) {
        return details.getJsonArray("coding").getJsonObject(0).getString("code");
      }
    }
    return null;
  }

  @Test
  void invalidReportIsRefusedWithAnOperationOutcomeAndNothingStored() throws Exception {
    JsonObject report = measureReport(10, 20); // numerator larger than denominator
    Reply reply = post("/fhir/MeasureReport", "application/fhir+json", report.encode());
    assertEquals(422, reply.status(), reply.raw().body());
    assertEquals("OperationOutcome", reply.json().getString("resourceType"));
    assertEquals("PERFORMANCE_MET_EXCEEDS_ELIGIBLE_POPULATION", code(reply));
  }

  @Test
  void validateStoresNothingAndAnswers200EvenWhenInvalid() throws Exception {
    Reply valid = post("/fhir/MeasureReport/$validate", "application/fhir+json", measureReport(10, 5).encode());
    assertEquals(200, valid.status(), valid.raw().body());
    assertEquals("information", firstIssue(valid).getString("severity"));
    Reply invalid = post("/fhir/MeasureReport/$validate", "application/fhir+json",
        measureReport(10, 5).put("status", "finished").encode());
    assertEquals(200, invalid.status());
    JsonObject issue = firstIssue(invalid);
    assertEquals("error", issue.getString("severity"));
    assertTrue(issue.getJsonArray("expression").getString(0).startsWith("MeasureReport.status"), issue.encode());
  }

  @Test
  void acceptQualityValuesChooseTheEncoding() throws Exception {
    Reply reply = gateway.send(gateway.request("/fhir/metadata")
        .header("Accept", "application/fhir+json;q=0.1, application/fhir+xml").GET().build());
    assertTrue(reply.header("Content-Type").startsWith("application/fhir+xml"), reply.header("Content-Type"));
  }

  @Test
  void validateTakesFhirsValidateParameters() throws Exception {
    JsonObject parameters = new JsonObject().put("resourceType", "Parameters").put("parameter", new JsonArray()
        .add(new JsonObject().put("name", "resource").put("resource", measureReport(10, 5)))
        .add(new JsonObject().put("name", "mode").put("valueCode", "create")));
    Reply reply = post("/fhir/MeasureReport/$validate", "application/fhir+json", parameters.encode());
    assertEquals(200, reply.status());
    assertEquals("information", firstIssue(reply).getString("severity"), reply.raw().body());
  }

  @Test
  void transactionWithADeleteIsRefused() throws Exception {
    JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("type", "transaction")
        .put("entry", new JsonArray().add(new JsonObject().put("fullUrl", "urn:uuid:6f1c0d54-3b7e-4b8e-9f1a-2d3c4b5a6e70")
            .put("resource", measureReport(50, 10))
            .put("request", new JsonObject().put("method", "DELETE").put("url", "MeasureReport/42"))));
    Reply reply = post("/fhir", "application/fhir+json", bundle.encode());
    assertEquals(422, reply.status(), reply.raw().body());
    assertEquals("FHIR_RESOURCE_TYPE", code(reply));
  }

  @Test
  void xmlBodyIsAnsweredInXml() throws Exception {
    String xml = "<MeasureReport xmlns=\"http://hl7.org/fhir\"><status value=\"complete\"/></MeasureReport>";
    Reply reply = post("/fhir/MeasureReport", "application/fhir+xml", xml);
    assertEquals(422, reply.status(), reply.raw().body());
    assertTrue(reply.header("Content-Type").startsWith("application/fhir+xml"));
    assertTrue(reply.raw().body().contains("<OperationOutcome"), reply.raw().body());
  }

  @Test
  void doctypeIsRefusedAs400() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<MeasureReport xmlns=\"http://hl7.org/fhir\"><status value=\"&x;\"/></MeasureReport>";
    Reply reply = post("/fhir/MeasureReport", "application/fhir+xml", xxe);
    assertEquals(400, reply.status(), reply.raw().body());
    assertTrue(reply.raw().body().contains("XML_DTD_NOT_ALLOWED"));
  }

  @Test
  void wrongMediaTypeIs415AsOperationOutcome() throws Exception {
    Reply reply = post("/fhir/MeasureReport", "text/plain", "hello");
    assertEquals(415, reply.status());
    assertEquals("OperationOutcome", reply.json().getString("resourceType"));
    assertEquals("not-supported", firstIssue(reply).getString("code"));
  }

  @Test
  void noTokenIs401AsOperationOutcome() throws Exception {
    Reply reply = gateway.send(HttpRequest.newBuilder(gateway.request("/fhir/MeasureReport").build().uri())
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(measureReport(1, 1).encode())).build());
    assertEquals(401, reply.status());
    assertEquals("login", firstIssue(reply).getString("code"));
  }

  @Test
  void fhirJsonAlsoGoesThroughApiSubmissions() throws Exception {
    Reply reply = post("/api/submissions", "application/fhir+json", measureReport(40, 10).encode());
    assertEquals(201, reply.status(), reply.raw().body());
    assertEquals("001", reply.json().getJsonObject("data").getJsonObject("submission")
        .getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements").getJsonObject(0)
        .getString("measureId"));
  }
}

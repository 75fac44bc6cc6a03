package gov.qpp.gateway.api;

import static gov.qpp.gateway.CorpusDocuments.DOCS_NPI;
import static gov.qpp.gateway.CorpusDocuments.VALID_NPI;
import static gov.qpp.gateway.CorpusDocuments.bytes;
import static gov.qpp.gateway.CorpusDocuments.registryJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.OwnDocuments;
import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway;
import gov.qpp.gateway.TestGateway.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real gateway, real PostgreSQL, real HTTP: one request and one expectation per test. Tests of the QPP docs'
 * own examples read them from the shared corpus and skip themselves without it; each has a sibling on a document of
 * our own (OwnDocuments) in a year of the packed catalog, as have the tests that needed just some document.
 */
class SubmissionApiTest extends RunningGatewayTest {

  private static Set<String> codes(Reply reply) {
    Set<String> codes = new HashSet<>();
    for (Object detail : reply.json().getJsonObject("error").getJsonArray("details")) {
      codes.add(((JsonObject) detail).getString("code"));
    }
    return codes;
  }

  private static String fixedNpi(String document) {
    return document.replace(DOCS_NPI, VALID_NPI);
  }

  @Test
  void healthAndReady() throws Exception {
    assertEquals(200, gateway.get("/health").status());
    Reply ready = gateway.get("/ready");
    assertEquals(200, ready.status());
    assertEquals("UP", ready.json().getString("database"));
    JsonObject catalog = ready.json().getJsonObject("catalog");
    if (TestGateway.sharedCatalog()) {
      assertTrue(catalog.getJsonArray("years").contains(2026), catalog::encode);
    } else {
      assertEquals(new JsonArray(List.of(2017, 2018, 2019, 2020, 2021, 2022)), catalog.getJsonArray("years"));
      assertTrue(catalog.getString("source").startsWith("classpath:"), catalog::encode);
    }
  }

  @Test
  void managementPortServesProbesAndMetricsOnly() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
      try {
        return http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + gateway.managementPort()
            + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    assertEquals(200, get.apply("/health").statusCode());
    assertEquals("READY", new JsonObject(get.apply("/ready").body()).getString("status"));
    assertTrue(get.apply("/metrics").body().contains("qpp_intake_pending"));
    assertEquals(404, get.apply("/api/scores").statusCode(), "no API on the management port");
  }

  @Test
  void measurementSetExampleIsStoredAndScoredAsTheDocsSay() throws Exception {
    Reply created = gateway.post("/api/submissions", bytes(registryJson("measurement-set-post-request.json", 2022)));
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().getJsonObject("data").getString("id");
    assertEquals("/api/submissions/" + id, created.header("Location"));

    JsonObject score = gateway.awaitScore("000000002", null, 2022, id);
    JsonObject measure = score.getJsonArray("parts").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
        .getJsonArray("parts").getJsonObject(0);
    assertEquals("047", measure.getString("name"));
    assertEquals(5.3676, measure.getDouble("value"), 1e-9);
    assertEquals(5, measure.getJsonObject("metadata").getInteger("decile"));
  }

  @Test
  void aMeasurementSetIsStoredAndScored() throws Exception {
    Reply created = gateway.post("/api/submissions", bytes(OwnDocuments.measurementSet047("000000047", 2022)));
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().getJsonObject("data").getString("id");
    assertEquals("/api/submissions/" + id, created.header("Location"));

    JsonObject score = gateway.awaitScore("000000047", null, 2022, id);
    JsonObject measure = score.getJsonArray("parts").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
        .getJsonArray("parts").getJsonObject(0);
    assertEquals("047", measure.getString("name"));
    // 120 / 156 = 76.92 %, in 2022's registry decile 5 (72.06 to 85.28): 5 + (76.92 - 72.06) / (85.28 - 72.06)
    assertEquals(5.3676, measure.getDouble("value"), 1e-9);
    assertEquals(5, measure.getJsonObject("metadata").getInteger("decile"));
  }

  @Test
  void iaAndPiExamplesAreStoredAndReadBack() throws Exception {
    for (String name : List.of("submission-ia.json", "submission-pi.json")) {
      String document = fixedNpi(registryJson(name, 2024));
      Reply created = gateway.post("/api/submissions", bytes(document));
      assertEquals(201, created.status(), name + ": " + created.raw().body());
      String id = created.json().getJsonObject("data").getString("id");
      Reply read = gateway.get("/api/submissions/" + id);
      assertEquals(200, read.status());
      JsonObject stored = read.json().getJsonObject("data").getJsonObject("submission");
      JsonObject sent = new JsonObject(document);
      assertEquals(sent.getString("nationalProviderIdentifier"), stored.getString("nationalProviderIdentifier"));
      JsonArray sentMeasures = sent.getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements");
      JsonArray storedMeasures = stored.getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements");
      assertEquals(sentMeasures, storedMeasures, name);
      JsonObject score = gateway.awaitScore("000456789", VALID_NPI, 2024, id);
      assertEquals("quality not reported", score.getString("detail"));
    }
  }

  @Test
  void iaAndPiSetsAreStoredAndReadBack() throws Exception {
    String tin = "000456021";
    for (String document : List.of(OwnDocuments.ia(tin, VALID_NPI, 2021), OwnDocuments.pi(tin, VALID_NPI, 2021))) {
      Reply created = gateway.post("/api/submissions", bytes(document));
      assertEquals(201, created.status(), created.raw().body());
      String id = created.json().getJsonObject("data").getString("id");
      Reply read = gateway.get("/api/submissions/" + id);
      assertEquals(200, read.status());
      JsonObject stored = read.json().getJsonObject("data").getJsonObject("submission");
      JsonObject sent = new JsonObject(document);
      assertEquals(VALID_NPI, stored.getString("nationalProviderIdentifier"));
      JsonArray sentMeasures = sent.getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements");
      JsonArray storedMeasures = stored.getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements");
      assertEquals(sentMeasures, storedMeasures, document);
      JsonObject score = gateway.awaitScore(tin, VALID_NPI, 2021, id);
      assertEquals("quality not reported", score.getString("detail"));
    }
  }

  @Test
  void docsNpiIsRefusedForItsCheckDigit() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes(registryJson("submission-ia.json", 2024)));
    assertEquals(422, reply.status());
    JsonObject detail = reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0);
    assertEquals("NPI_CHECK_DIGIT", detail.getString("code"));
    assertEquals("$.nationalProviderIdentifier", detail.getString("path"));
  }

  @Test
  void aWrongNpiIsRefusedForItsCheckDigit() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes(OwnDocuments.ia("000456022", OwnDocuments.BAD_NPI, 2021)));
    assertEquals(422, reply.status());
    JsonObject detail = reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0);
    assertEquals("NPI_CHECK_DIGIT", detail.getString("code"));
    assertEquals("$.nationalProviderIdentifier", detail.getString("path"));
  }

  @Test
  void qualityExampleIsRefusedForExactlyItsMistakes() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes(registryJson("submission-quality.json", 2024)));
    assertEquals(422, reply.status());
    assertEquals(Set.of("NPI_CHECK_DIGIT", "STRATUM_UNKNOWN", "MEASURE_SUBMISSION_METHOD_NOT_ALLOWED"), codes(reply));
    assertEquals("ValidationError", reply.json().getJsonObject("error").getString("type"));
  }

  @Test
  void aQualitySetIsRefusedForExactlyItsMistakes() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes(OwnDocuments.qualityWithThreeMistakes("000456023", 2021)));
    assertEquals(422, reply.status());
    assertEquals(Set.of("NPI_CHECK_DIGIT", "STRATUM_UNKNOWN", "MEASURE_SUBMISSION_METHOD_NOT_ALLOWED"), codes(reply));
    assertEquals("ValidationError", reply.json().getJsonObject("error").getString("type"));
  }

  @Test
  void brokenJsonIsA422WithItsLocation() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes("{\"entityType\": \"group\",,}"));
    assertEquals(422, reply.status());
    JsonObject detail = reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0);
    assertEquals("JSON_SYNTAX", detail.getString("code"));
    assertEquals("$ (line 1, column 24)", detail.getString("path"));
  }

  @Test
  void validateStoresNothing() throws Exception {
    String document = OwnDocuments.ia("000456024", VALID_NPI, 2021);
    Reply valid = gateway.post("/api/submissions/validate", bytes(document));
    assertEquals(200, valid.status(), valid.raw().body());
    assertEquals(true, valid.json().getJsonObject("data").getBoolean("valid"));
    Reply scores = gateway.get("/api/scores?tin=000456024&npi=" + VALID_NPI + "&year=2021");
    assertTrue(scores.json().getJsonObject("data").getJsonArray("submissionScores").isEmpty());
  }

  @Test
  void validateRefusesInvalidDocuments() throws Exception {
    Reply reply = gateway.post("/api/submissions/validate",
        bytes(OwnDocuments.ia("000456025", OwnDocuments.BAD_NPI, 2021)));
    assertEquals(422, reply.status());
    assertEquals(Set.of("NPI_CHECK_DIGIT"), codes(reply));
  }

  @Test
  void missingTokenIs401BeforeTheBodyIsRead() throws Exception {
    Reply reply = gateway.send(HttpRequest.newBuilder(gateway.request("/api/submissions").build().uri())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(401, reply.status());
    assertEquals(Set.of("AUTHENTICATION_REQUIRED"), codes(reply));
    assertNotNull(reply.header("WWW-Authenticate"));
  }

  @Test
  void wrongTokenIs401() throws Exception {
    Reply reply = gateway.send(HttpRequest.newBuilder(gateway.request("/api/scores").build().uri())
        .header("Authorization", "Bearer nope").GET().build());
    assertEquals(401, reply.status());
  }

  @Test
  void unknownContentTypeIs415() throws Exception {
    Reply reply = gateway.send(gateway.request("/api/submissions").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("a,b")).build());
    assertEquals(415, reply.status());
    assertEquals(Set.of("UNSUPPORTED_MEDIA_TYPE"), codes(reply));
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    byte[] big = new byte[TestGateway.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Reply reply = gateway.post("/api/submissions", big);
    assertEquals(413, reply.status());
    assertEquals(Set.of("DOCUMENT_TOO_LARGE"), codes(reply));
  }

  @Test
  void oversizedChunkedBodyIs413WhileItIsRead() throws Exception {
    // no Content-Length: the limit can only be found while reading
    byte[] big = new byte[TestGateway.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Reply reply = gateway.send(gateway.request("/api/submissions/validate").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
    assertEquals(413, reply.status());
    assertEquals(Set.of("DOCUMENT_TOO_LARGE"), codes(reply));
  }

  @Test
  void chunkedBodyIsReadWhole() throws Exception {
    byte[] document = bytes(OwnDocuments.measurementSet047("000000048", 2022));
    Reply reply = gateway.send(gateway.request("/api/submissions/validate").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(document))).build());
    assertEquals(200, reply.status(), reply.raw().body());
  }

  @Test
  void aClientThatExpectsContinueIsToldToSend() throws Exception {
    byte[] document = bytes(OwnDocuments.measurementSet047("000000048", 2022));
    Reply reply = gateway.send(gateway.request("/api/submissions/validate").header("Content-Type", "application/json")
        .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(document)).build());
    assertEquals(200, reply.status(), reply.raw().body());
  }

  @Test
  void unknownSubmissionIs404() throws Exception {
    assertEquals(404, gateway.get("/api/submissions/6f1c7a4e-0000-4000-8000-000000000000").status());
    Reply malformed = gateway.get("/api/submissions/not-a-uuid");
    assertEquals(404, malformed.status());
    assertEquals(Set.of("NOT_FOUND"), codes(malformed));
  }

  @Test
  void unknownRouteIsAJson404() throws Exception {
    Reply reply = gateway.get("/api/nothing-here");
    assertEquals(404, reply.status());
    assertEquals(Set.of("NOT_FOUND"), codes(reply));
  }

  @Test
  void wrongMethodIsAJson405() throws Exception {
    Reply reply = gateway.get("/api/convert");
    assertEquals(405, reply.status());
    assertEquals(Set.of("METHOD_NOT_ALLOWED"), codes(reply));
  }

  @Test
  void scoresNeedWellFormedParameters() throws Exception {
    Reply reply = gateway.get("/api/scores?tin=12&year=2024");
    assertEquals(400, reply.status());
    assertEquals(Set.of("INVALID_PARAMETER"), codes(reply));
    assertEquals(400, gateway.get("/api/scores?tin=000456789&year=last").status());
  }

  @Test
  void nothingStoredForARefusedDocument() throws Exception {
    Reply reply = gateway.post("/api/submissions", bytes(OwnDocuments.qualityWithThreeMistakes("000456026", 2021)));
    assertEquals(422, reply.status());
    Reply scores = gateway.get("/api/scores?tin=000456026&npi=" + OwnDocuments.BAD_NPI + "&year=2021");
    assertTrue(scores.json().getJsonObject("data").getJsonArray("submissionScores").isEmpty());
  }
}

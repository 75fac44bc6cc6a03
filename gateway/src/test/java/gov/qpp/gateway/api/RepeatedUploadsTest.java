package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.OwnDocuments;
import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway.Reply;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The same document from the same submitter is recognised and not stored twice, in every format, also when the
 * repeats arrive at the same moment: a client that retries after a lost answer changes nothing.
 */
class RepeatedUploadsTest extends RunningGatewayTest {

  private static Reply submit(String contentType, byte[] body) throws Exception {
    return gateway.send(gateway.request("/api/submissions").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private static int storedSubmissions(String tin, int year) throws Exception {
    return gateway.get("/api/scores?tin=" + tin + "&year=" + year).json().getJsonObject("data")
        .getJsonArray("submissionScores").size();
  }

  @Test
  void aRegistryDocumentSentAgainIsAnsweredWithTheFirstSubmission() throws Exception {
    byte[] document = OwnDocuments.measurementSet047("000730001", 2022).getBytes(StandardCharsets.UTF_8);
    Reply first = submit("application/json", document);
    assertEquals(201, first.status(), first.raw().body());
    String id = first.json().getJsonObject("data").getString("id");
    gateway.awaitScore("000730001", null, 2022, id);

    Reply again = submit("application/json", document);
    assertEquals(200, again.status(), again.raw().body());
    JsonObject data = again.json().getJsonObject("data");
    assertEquals(id, data.getString("id"));
    assertTrue(data.getBoolean("duplicate"));
    assertEquals("/api/submissions/" + id, again.header("Location"));
    assertEquals(1, storedSubmissions("000730001", 2022));
  }

  @Test
  void aQrda3DocumentSentAgainIsStoredOnce() throws Exception {
    byte[] report = QrdaApiTest.own2021();
    Reply first = QrdaApiTest.postXml("/api/submissions", report);
    Reply again = QrdaApiTest.postXml("/api/submissions", report);
    // another test of this class's gateway may have sent it first: either way it is stored once
    assertTrue(first.status() == 201 || first.status() == 200, first.raw().body());
    assertEquals(200, again.status(), again.raw().body());
    assertEquals(again.json().getJsonObject("data").getString("id"), first.json().getJsonObject("data")
        .getString("id"));
  }

  @Test
  void aFhirReportSentAgainGetsTheFirstSubmissionsLocation() throws Exception {
    byte[] report = FhirApiTest.measureReport(80, 20).put("id", "repeat-me").encode()
        .getBytes(StandardCharsets.UTF_8);
    Reply first = gateway.send(gateway.request("/fhir/MeasureReport").header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build());
    assertEquals(201, first.status(), first.raw().body());
    Reply again = gateway.send(gateway.request("/fhir/MeasureReport").header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build());
    assertEquals(200, again.status(), again.raw().body());
    assertEquals(first.header("Location"), again.header("Location"));
    assertTrue(again.raw().body().contains("already received"), again.raw().body());
  }

  @Test
  void repeatsArrivingTogetherAreStoredOnce() throws Exception {
    byte[] document = OwnDocuments.measurementSet047("000730004", 2022).getBytes(StandardCharsets.UTF_8);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        replies.add(CompletableFuture.supplyAsync(() -> {
          try {
            return submit("application/json", document);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, clients));
      }
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (CompletableFuture<Reply> reply : replies) {
        Reply answer = reply.join();
        assertTrue(answer.status() == 201 || answer.status() == 200, answer.raw().body());
        created += answer.status() == 201 ? 1 : 0;
        ids.add(answer.json().getJsonObject("data").getString("id"));
      }
      assertEquals(1, created, "exactly one of the eight was stored");
      assertEquals(1, ids.size(), "and every answer names it");
      gateway.awaitScore("000730004", null, 2022, ids.iterator().next());
      assertEquals(1, storedSubmissions("000730004", 2022));
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void theSameBytesDeclaringAnotherMeaningAreNotARepeat() throws Exception {
    // the same $submit-data body names measure CMS122 in one path and 236 in the other: read, not taken for a repeat
    byte[] parameters = new JsonObject().put("resourceType", "Parameters").put("parameter",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "measureReport")
            .put("resource", FhirApiTest.measureReport(60, 6)))).encode().getBytes(StandardCharsets.UTF_8);
    Reply named = gateway.send(gateway.request("/fhir/Measure/CMS122/$submit-data")
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(parameters))
        .build());
    assertEquals(200, named.status(), named.raw().body());
    Reply other = gateway.send(gateway.request("/fhir/Measure/236/$submit-data")
        .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(parameters))
        .build());
    assertEquals(422, other.status(), other.raw().body());
    assertEquals("FHIR_MEASURE_MISMATCH", FhirApiTest.code(other));
  }
}

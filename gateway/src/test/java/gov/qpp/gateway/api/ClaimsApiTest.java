package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway.Reply;
import gov.qpp.validators.SharedFolder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims files over real HTTP into real PostgreSQL: stored per clinician and group, scored, low volume kept. */
class ClaimsApiTest extends RunningGatewayTest {

  private static final String HEADER = "claim_id,line_num,tin,npi,mbi,bene_dob,bene_sex,from_date,pos,hcpcs,mod1,"
      + "dx1,dx2,charge";

  private static Reply post(String path, String contentType, byte[] body) throws Exception {
    return gateway.send(gateway.request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private static byte[] sample() throws Exception {
    Path corpus = SharedFolder.corpus("claims").orElse(null);
    assumeTrue(corpus != null, "skipped: ../shared/corpus/claims not found");
    return Files.readAllBytes(corpus.resolve("claims-sample.jsonl"));
  }

  private static List<String> codes(JsonArray details) {
    List<String> codes = new ArrayList<>();
    details.forEach(detail -> codes.add(((JsonObject) detail).getString("code")));
    return codes;
  }

  @Test
  void theSampleIsStoredPerClinicianAndGroupScoredAndNotStoredTwice() throws Exception {
    Reply created = post("/api/submissions", "application/x-ndjson", sample());
    assertEquals(201, created.status(), created.raw().body());
    JsonObject data = created.json().getJsonObject("data");
    assertEquals(2025, data.getInteger("performanceYear"));
    assertEquals(new JsonObject().put("read", 5).put("used", 5).put("rejected", 0).put("skipped", 0),
        data.getJsonObject("lines"));
    JsonArray submissions = data.getJsonArray("submissions");
    assertEquals(2, submissions.size());
    JsonObject individual = submissions.getJsonObject(0);
    assertEquals("individual", individual.getString("entityType"));
    assertEquals(new JsonArray().add("001").add("047").add("226"), individual.getJsonArray("measures"));

    JsonObject stored = gateway.get("/api/submissions/" + individual.getString("id")).json().getJsonObject("data");
    assertNotNull(stored);
    JsonObject score = gateway.awaitScore("000123456", "1234567893", 2025, individual.getString("id"));
    assertEquals("quality", score.getJsonArray("parts").getJsonObject(0).getString("name"));

    // no amounts in the sample: volume counted, status not determined
    JsonObject lowVolume = gateway.get("/api/low-volume?tin=000123456&npi=1234567893&year=2025").json()
        .getJsonObject("data");
    assertEquals(3, lowVolume.getLong("beneficiaries"));
    assertEquals(null, lowVolume.getString("status"));

    Reply again = post("/api/submissions", "application/x-ndjson", sample());
    assertEquals(200, again.status(), again.raw().body());
    assertEquals(data.getString("batchId"), again.json().getJsonObject("data").getString("batchId"));
    assertTrue(again.json().getJsonObject("data").getBoolean("duplicate"));
  }

  @Test
  void csvClaimsWithABadRowAreUsedExceptTheBadClaimAndGiveALowVolumeStatus() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    // 30 beneficiaries aged 70 with an advance care plan (047 met) and a $100 visit each; one claim has a bad date
    for (int i = 0; i < 30; i++) {
      String mbi = String.format("1EG4TE5MK%02d", i);
      csv.append("K").append(i).append(",1,000777666,1234567893,").append(mbi).append(",1955-01-01,F,2025-04-0")
          .append(i == 7 ? "x" : "1").append(",11,99213,,I10,,100.00\n");
      csv.append("K").append(i).append(",2,000777666,1234567893,").append(mbi).append(",1955-01-01,F,2025-04-0")
          .append(i == 7 ? "x" : "1").append(",11,1123F,,I10,,0.00\n");
    }
    Reply created = post("/api/submissions?year=2025", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.raw().body());
    JsonObject data = created.json().getJsonObject("data");
    assertEquals(new JsonObject().put("read", 60).put("used", 58).put("rejected", 2).put("skipped", 0),
        data.getJsonObject("lines"));
    JsonArray problems = data.getJsonArray("problems");
    assertTrue(codes(problems).contains("CLAIM_INVALID_DATE"), problems.encode());
    assertTrue(problems.stream().map(p -> ((JsonObject) p).getString("path")).anyMatch("line 16: from_date"::equals),
        problems.encode());

    JsonObject lowVolume = gateway.get("/api/low-volume?tin=000777666&year=2025").json().getJsonObject("data");
    assertEquals("2900.00", lowVolume.getString("allowedCharges"));
    assertEquals(29, lowVolume.getLong("beneficiaries"));
    assertEquals(29, lowVolume.getLong("coveredServices"), "the $0 quality code lines are not services");
    assertEquals("excluded", lowVolume.getString("status"));
  }

  @Test
  void aFileOfOnlyBadClaimsIsRefusedWithEveryProblem() throws Exception {
    String bad = "{\"claimId\":\"X1\",\"tin\":\"12345\",\"npi\":\"1234567890\",\"bene\":{\"mbi\":\"1EG4TE5MK73\","
        + "\"dob\":\"1956-04-02\",\"sex\":\"F\"},\"fromDate\":\"2025-03-10\",\"lines\":[{\"hcpcs\":\"99214\","
        + "\"pos\":\"11\"}]}\nnot json\n";
    Reply refused = post("/api/submissions", "application/x-ndjson", bad.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.raw().body());
    List<String> codes = codes(refused.json().getJsonObject("error").getJsonArray("details"));
    assertTrue(codes.containsAll(List.of("CLAIM_INVALID_TIN", "CLAIM_INVALID_NPI", "CLAIM_SYNTAX",
        "CLAIMS_NONE_USABLE")), codes.toString());
  }

  @Test
  void theSameFileSentTwiceAtOnceIsStoredOnce() throws Exception {
    String file = new String(sample(), StandardCharsets.UTF_8).replace("000123456", "000999888");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      sent.add(http.sendAsync(gateway.request("/api/submissions").header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(file)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    List<String> batches = new ArrayList<>();
    for (var response : sent) {
      statuses.add(response.get().statusCode());
      batches.add(new JsonObject(response.get().body()).getJsonObject("data").getString("batchId"));
    }
    java.util.Collections.sort(statuses);
    assertEquals(List.of(200, 201), statuses, batches.toString());
    assertEquals(batches.get(0), batches.get(1));
  }

  @Test
  void aYearWithoutClaimsSpecificationsIsRefused() throws Exception {
    Reply refused = post("/api/submissions/validate?year=2026", "application/x-ndjson", sample());
    assertEquals(422, refused.status(), refused.raw().body());
    assertEquals(List.of("CLAIMS_YEAR_NOT_SUPPORTED"), codes(refused.json().getJsonObject("error")
        .getJsonArray("details")));
  }

  @Test
  void validateAnswersTheComputedSetsAndStoresNothing() throws Exception {
    Reply valid = post("/api/submissions/validate", "application/x-ndjson", sample());
    assertEquals(200, valid.status(), valid.raw().body());
    JsonObject first = valid.json().getJsonObject("data").getJsonArray("submissions").getJsonObject(0);
    assertEquals(null, first.getString("id"));
    assertEquals("claims", first.getJsonObject("submission").getJsonArray("measurementSets").getJsonObject(0)
        .getString("submissionMethod"));
  }
}

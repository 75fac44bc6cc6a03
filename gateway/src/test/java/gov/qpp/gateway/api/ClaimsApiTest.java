package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway;
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

/**
 * Claims files over real HTTP into real PostgreSQL: stored per clinician and group, scored, low volume kept. Our own
 * claims are of 2021, the last year with claims specifications in both catalogs; the shared corpus's 2025 sample
 * needs the shared folder.
 */
class ClaimsApiTest extends RunningGatewayTest {

  private static final String HEADER = "claim_id,line_num,tin,npi,mbi,bene_dob,bene_sex,from_date,pos,hcpcs,mod1,"
      + "dx1,dx2,charge";

  private static Reply post(String path, String contentType, byte[] body) throws Exception {
    return gateway.send(gateway.request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** The shared corpus's claims sample (2025); the test reading it skips itself without ../shared. */
  private static byte[] sample() throws Exception {
    Path corpus = SharedFolder.corpus("claims").orElse(null);
    assumeTrue(corpus != null, "skipped: needs the shared folder (its claims sample, a 2025 file);"
        + " ../shared/corpus/claims not found (set qpp.shared.dir)");
    TestGateway.assumeSharedFolder("the claims sample is of 2025");
    return Files.readAllBytes(corpus.resolve("claims-sample.jsonl"));
  }

  /**
   * Five claims of our own in 2021 (a year of both catalogs with claims specifications; the packed 2022 has none),
   * shaped like the sample, of clinician 1234567893 in group {@code tin}: beneficiary A (68, diabetic) with 001's
   * CPT II 3046F and 3044F, 047's 1123F and 226's G9903; B (75) with 047's 1123F-8P and 1124F and 226's G9902 with
   * G9906; C (35) a telehealth visit with no quality code. In 2021 those codes report 001, 047 and 226 only.
   */
  static byte[] own2021(String tin) {
    String claims = """
        {"claimId":"C1","tin":"%1$s","npi":"1234567893","bene":{"mbi":"1EG4TE5MK73","dob":"1952-04-02","sex":"F"},\
        "fromDate":"2021-03-10","thruDate":"2021-03-10","dx":["E11.9","I10"],"lines":[\
        {"n":1,"hcpcs":"99214","mods":[],"pos":"11"},{"n":2,"hcpcs":"3046F","mods":[],"pos":"11"},\
        {"n":3,"hcpcs":"1123F","mods":[],"pos":"11"},{"n":4,"hcpcs":"G9903","mods":[],"pos":"11"}]}
        {"claimId":"C2","tin":"%1$s","npi":"1234567893","bene":{"mbi":"1EG4TE5MK73","dob":"1952-04-02","sex":"F"},\
        "fromDate":"2021-09-22","thruDate":"2021-09-22","dx":["E11.65"],"lines":[\
        {"n":1,"hcpcs":"99213","mods":[],"pos":"11"},{"n":2,"hcpcs":"3044F","mods":[],"pos":"11"}]}
        {"claimId":"C3","tin":"%1$s","npi":"1234567893","bene":{"mbi":"2AB3CD4EF56","dob":"1945-11-30","sex":"M"},\
        "fromDate":"2021-05-01","thruDate":"2021-05-01","dx":["I10"],"lines":[\
        {"n":1,"hcpcs":"99215","mods":[],"pos":"11"},{"n":2,"hcpcs":"1123F","mods":["8P"],"pos":"11"},\
        {"n":3,"hcpcs":"G9902","mods":[],"pos":"11"},{"n":4,"hcpcs":"G9906","mods":[],"pos":"11"}]}
        {"claimId":"C4","tin":"%1$s","npi":"1234567893","bene":{"mbi":"2AB3CD4EF56","dob":"1945-11-30","sex":"M"},\
        "fromDate":"2021-11-03","thruDate":"2021-11-03","dx":["I10"],"lines":[\
        {"n":1,"hcpcs":"99214","mods":[],"pos":"11"},{"n":2,"hcpcs":"1124F","mods":[],"pos":"11"}]}
        {"claimId":"C5","tin":"%1$s","npi":"1234567893","bene":{"mbi":"3ZZ9YY8XX77","dob":"1986-01-15","sex":"F"},\
        "fromDate":"2021-06-12","thruDate":"2021-06-12","dx":["J06.9"],"lines":[\
        {"n":1,"hcpcs":"99213","mods":["95"],"pos":"02"}]}
        """.formatted(tin);
    return claims.getBytes(StandardCharsets.UTF_8);
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
  void claimsAreStoredPerClinicianAndGroupScoredAndNotStoredTwice() throws Exception {
    Reply created = post("/api/submissions", "application/x-ndjson", own2021("000123021"));
    assertEquals(201, created.status(), created.raw().body());
    JsonObject data = created.json().getJsonObject("data");
    assertEquals(2021, data.getInteger("performanceYear"));
    assertEquals(new JsonObject().put("read", 5).put("used", 5).put("rejected", 0).put("skipped", 0),
        data.getJsonObject("lines"));
    JsonArray submissions = data.getJsonArray("submissions");
    assertEquals(2, submissions.size());
    JsonObject individual = submissions.getJsonObject(0);
    assertEquals("individual", individual.getString("entityType"));
    assertEquals(new JsonArray().add("001").add("047").add("226"), individual.getJsonArray("measures"));
    assertEquals("group", submissions.getJsonObject(1).getString("entityType"));

    JsonObject stored = gateway.get("/api/submissions/" + individual.getString("id")).json().getJsonObject("data");
    assertNotNull(stored);
    JsonObject score = gateway.awaitScore("000123021", "1234567893", 2021, individual.getString("id"));
    assertEquals("quality", score.getJsonArray("parts").getJsonObject(0).getString("name"));

    // no amounts in the file: volume counted (A, B and C), status not determined
    JsonObject lowVolume = gateway.get("/api/low-volume?tin=000123021&npi=1234567893&year=2021").json()
        .getJsonObject("data");
    assertEquals(3, lowVolume.getLong("beneficiaries"));
    assertEquals(null, lowVolume.getString("status"));

    Reply again = post("/api/submissions", "application/x-ndjson", own2021("000123021"));
    assertEquals(200, again.status(), again.raw().body());
    assertEquals(data.getString("batchId"), again.json().getJsonObject("data").getString("batchId"));
    assertTrue(again.json().getJsonObject("data").getBoolean("duplicate"));
  }

  @Test
  void csvClaimsWithABadRowAreUsedExceptTheBadClaimAndGiveALowVolumeStatus() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    // 30 beneficiaries aged 66 with an advance care plan (047 met by 1123F in 2021) and a $100 visit each; one claim
    // has a bad date. 2021 thresholds: $90,000, 200 beneficiaries, 200 services; all three at or below: excluded
    for (int i = 0; i < 30; i++) {
      String mbi = String.format("1EG4TE5MK%02d", i);
      csv.append("K").append(i).append(",1,000777666,1234567893,").append(mbi).append(",1955-01-01,F,2021-04-0")
          .append(i == 7 ? "x" : "1").append(",11,99213,,I10,,100.00\n");
      csv.append("K").append(i).append(",2,000777666,1234567893,").append(mbi).append(",1955-01-01,F,2021-04-0")
          .append(i == 7 ? "x" : "1").append(",11,1123F,,I10,,0.00\n");
    }
    Reply created = post("/api/submissions?year=2021", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.raw().body());
    JsonObject data = created.json().getJsonObject("data");
    assertEquals(new JsonObject().put("read", 60).put("used", 58).put("rejected", 2).put("skipped", 0),
        data.getJsonObject("lines"));
    JsonArray problems = data.getJsonArray("problems");
    assertTrue(codes(problems).contains("CLAIM_INVALID_DATE"), problems.encode());
    assertTrue(problems.stream().map(p -> ((JsonObject) p).getString("path")).anyMatch("line 16: from_date"::equals),
        problems.encode());

    JsonObject lowVolume = gateway.get("/api/low-volume?tin=000777666&year=2021").json().getJsonObject("data");
    assertEquals("2900.00", lowVolume.getString("allowedCharges"));
    assertEquals(29, lowVolume.getLong("beneficiaries"));
    assertEquals(29, lowVolume.getLong("coveredServices"), "the $0 quality code lines are not services");
    assertEquals("excluded", lowVolume.getString("status"));
  }

  @Test
  void aFileOfOnlyBadClaimsIsRefusedWithEveryProblem() throws Exception {
    String bad = "{\"claimId\":\"X1\",\"tin\":\"12345\",\"npi\":\"1234567890\",\"bene\":{\"mbi\":\"1EG4TE5MK73\","
        + "\"dob\":\"1956-04-02\",\"sex\":\"F\"},\"fromDate\":\"2021-03-10\",\"lines\":[{\"hcpcs\":\"99214\","
        + "\"pos\":\"11\"}]}\nnot json\n";
    Reply refused = post("/api/submissions", "application/x-ndjson", bad.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.raw().body());
    List<String> codes = codes(refused.json().getJsonObject("error").getJsonArray("details"));
    assertTrue(codes.containsAll(List.of("CLAIM_INVALID_TIN", "CLAIM_INVALID_NPI", "CLAIM_SYNTAX",
        "CLAIMS_NONE_USABLE")), codes.toString());
  }

  @Test
  void theSameFileSentTwiceAtOnceIsStoredOnce() throws Exception {
    String file = new String(own2021("000999888"), StandardCharsets.UTF_8);
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
    // the shared catalog's 2026 has no claims specifications, nor has the packed catalog's 2022
    int year = TestGateway.sharedCatalog() ? 2026 : 2022;
    Reply refused = post("/api/submissions/validate?year=" + year, "application/x-ndjson", own2021("000123022"));
    assertEquals(422, refused.status(), refused.raw().body());
    assertEquals(List.of("CLAIMS_YEAR_NOT_SUPPORTED"), codes(refused.json().getJsonObject("error")
        .getJsonArray("details")));
  }

  @Test
  void validateAnswersTheComputedSetsAndStoresNothing() throws Exception {
    Reply valid = post("/api/submissions/validate", "application/x-ndjson", own2021("000123023"));
    assertEquals(200, valid.status(), valid.raw().body());
    JsonObject first = valid.json().getJsonObject("data").getJsonArray("submissions").getJsonObject(0);
    assertEquals(null, first.getString("id"));
    assertEquals("claims", first.getJsonObject("submission").getJsonArray("measurementSets").getJsonObject(0)
        .getString("submissionMethod"));
    assertTrue(gateway.get("/api/scores?tin=000123023&year=2021").json().getJsonObject("data")
        .getJsonArray("submissionScores").isEmpty(), "nothing stored, so nothing scored");
  }
}

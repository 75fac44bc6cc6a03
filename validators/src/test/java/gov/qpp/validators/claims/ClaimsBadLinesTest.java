package gov.qpp.validators.claims;

import static gov.qpp.validators.claims.ClaimsFixtures.NPI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.problems.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented rule for bad lines: a claim with an error is rejected whole, with its lines and fields named. */
class ClaimsBadLinesTest {

  private static final String HEADER = "claim_id,line_num,tin,npi,mbi,bene_dob,bene_sex,from_date,pos,hcpcs,mod1,dx1";
  private static final String ROW = ",000123456,1234567893,1AC2DE3FG45,1950-01-01,F,2021-02-01,11,";

  private static ClaimsOutcome csv(String text, ClaimsIntake.Limits limits) throws Exception {
    return new ClaimsIntake(PackedCatalog.get(), limits).intake(ClaimsFormat.CSV,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static ClaimsOutcome jsonLines(String text) throws Exception {
    return new ClaimsIntake(PackedCatalog.get(), new ClaimsIntake.Limits(100, 1000, 1000)).intake(
        ClaimsFormat.JSON_LINES, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static List<String> described(ClaimsOutcome outcome) {
    return outcome.report().problems().stream().map(p -> p.code() + " @ " + p.location().toString()).toList();
  }

  @Test
  void csvRowsOfOneClaimThatDisagreeRejectThatClaimOnly() throws Exception {
    String file = HEADER + "\n"
        + "A,1" + ROW + "99213,,I10\n"
        + "A,2" + ROW.replace("1950-01-01", "1951-01-01") + "1123F,,I10\n" // another birth date
        + "B,1" + ROW + "99213,,I10\n"
        + "B,2" + ROW + "1124F,,\n"; // claim-level cells may be left blank after the first row
    ClaimsOutcome outcome = csv(file, new ClaimsIntake.Limits(100, 1000, 1000));
    assertEquals(List.of("CLAIM_INCONSISTENT_HEADER @ line 3: bene_dob"), described(outcome));
    assertEquals(List.of(4L, 2L, 2L, 0L), List.of(outcome.report().lines().read(), outcome.report().lines().used(),
        outcome.report().lines().rejected(), outcome.report().lines().skipped()));
    assertEquals(List.of(2L, 1L, 1L), List.of(outcome.report().claims().read(), outcome.report().claims().used(),
        outcome.report().claims().rejected()));
  }

  @Test
  void aCsvClaimWhoseRowsAreNotAdjacentIsADuplicate() throws Exception {
    String file = HEADER + "\nA,1" + ROW + "99213,,I10\nB,1" + ROW + "99213,,I10\nA,2" + ROW + "1124F,,I10\n";
    ClaimsOutcome outcome = csv(file, new ClaimsIntake.Limits(100, 1000, 1000));
    assertEquals(List.of("CLAIM_DUPLICATE @ line 4: claim_id"), described(outcome));
  }

  @Test
  void aCsvHeaderWithoutRequiredOrWithUnknownColumnsRefusesTheFile() throws Exception {
    ClaimsOutcome missing = csv("claim_id,tin,npi\nA,000123456,1234567893\n", ClaimsIntake.Limits.DEFAULT);
    assertTrue(missing.report().fileRefused());
    assertTrue(described(missing).get(0).startsWith("CLAIMS_UNREADABLE @ line 1"), described(missing).toString());
    ClaimsOutcome unknown = csv(HEADER + ",modifier9\n", ClaimsIntake.Limits.DEFAULT);
    assertTrue(unknown.report().problems().get(0).message().contains("[modifier9]"));
    assertTrue(csv("", ClaimsIntake.Limits.DEFAULT).report().fileRefused());
  }

  @Test
  void everyBadFieldOfAJsonClaimIsNamedWithItsLine() throws Exception {
    String good = new ClaimsFixtures().claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10",
        "99213 1124F").jsonLines();
    String bad = "{\"claimId\":\"X\",\"tin\":\"000123456\",\"npi\":\"1234567890\",\"bene\":{\"mbi\":\"ABC\","
        + "\"dob\":\"1950-02-30\",\"sex\":\"Q\"},\"fromDate\":\"2021-02-01\",\"dx\":[\"E11..9\"],"
        + "\"lines\":[{\"hcpcs\":\"9921\",\"mods\":[\"8PP\"],\"pos\":\"1\",\"units\":0}],\"extra\":1}\n";
    ClaimsOutcome outcome = jsonLines(good + bad + "{not json\n");
    List<String> problems = described(outcome);
    for (String expected : List.of("CLAIM_INVALID_NPI @ line 2: npi", "CLAIM_INVALID_BENEFICIARY_ID @ line 2: bene.mbi",
        "CLAIM_INVALID_DATE @ line 2: bene.dob", "CLAIM_INVALID_VALUE @ line 2: bene.sex",
        "CLAIM_CODE_SHAPE @ line 2: dx[0]", "CLAIM_CODE_SHAPE @ line 2: lines[0].hcpcs",
        "CLAIM_CODE_SHAPE @ line 2: lines[0].mods[0]", "CLAIM_CODE_SHAPE @ line 2: lines[0].pos",
        "CLAIM_INVALID_VALUE @ line 2: lines[0].units", "CLAIM_UNKNOWN_FIELD @ line 2: extra")) {
      assertTrue(problems.contains(expected), expected + " not in " + problems);
    }
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("CLAIM_SYNTAX @ line 3, column")), problems.toString());
    assertEquals(List.of(3L, 1L, 2L), List.of(outcome.report().lines().read(), outcome.report().lines().used(),
        outcome.report().lines().rejected()));
    assertTrue(outcome.accepted(), "rejected share 2/3 is under these test limits' 100 %");
  }

  @Test
  void claimsOutsideTheYearAreSkippedAndTooManyRejectedLinesRefuseTheFile() throws Exception {
    ClaimsFixtures fixtures = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10", "99213 1124F")
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2020-12-31", "I10", "99213 1124F");
    ClaimsOutcome skipped = fixtures.evaluate(null);
    assertEquals(List.of("CLAIM_OUTSIDE_YEAR @ line 2: fromDate"), described(skipped));
    assertEquals(1, skipped.report().lines().skipped());

    String oneBadOfTwo = fixtures.jsonLines().replace("2020-12-31", "2021-13-01");
    ClaimsOutcome refused = new ClaimsIntake(PackedCatalog.get(), ClaimsIntake.Limits.DEFAULT).intake(
        ClaimsFormat.JSON_LINES, new ByteArrayInputStream(oneBadOfTwo.getBytes(StandardCharsets.UTF_8)), null);
    assertFalse(refused.accepted());
    assertTrue(described(refused).contains("CLAIMS_TOO_MANY_REJECTED @ $"), described(refused).toString());
    assertEquals(List.of(), refused.submissions(), "nothing is computed for a refused file");
  }

  @Test
  void aDuplicateClaimIdAndTheClaimLimitAreEnforced() throws Exception {
    String one = new ClaimsFixtures().claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10",
        "99213 1124F").jsonLines();
    assertEquals(List.of("CLAIM_DUPLICATE @ line 2: claimId"), described(jsonLines(one + one)));

    String two = one + one.replace("\"C1\"", "\"C2\"");
    ClaimsOutcome tooLarge = new ClaimsIntake(PackedCatalog.get(), new ClaimsIntake.Limits(10, 1, 1000)).intake(
        ClaimsFormat.JSON_LINES, new ByteArrayInputStream(two.getBytes(StandardCharsets.UTF_8)), null);
    assertFalse(tooLarge.accepted());
    assertEquals("CLAIMS_TOO_LARGE", tooLarge.report().problems().get(0).code().name());
  }

  @Test
  void anOverlongLineIsOneRejectedClaim() throws Exception {
    String good = new ClaimsFixtures().claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10",
        "99213 1124F").jsonLines();
    String huge = "{\"claimId\":\"" + "x".repeat(ClaimsJsonLines.MAX_LINE_BYTES) + "\"}\n";
    ClaimsOutcome outcome = jsonLines(good + huge + good.replace("\"C1\"", "\"C3\""));
    assertEquals(List.of("CLAIM_SYNTAX @ line 2"), described(outcome));
    assertEquals(2, outcome.report().claims().used());
  }

  @Test
  void plainRowsSplitExactlyAsJacksonReadsThem() throws Exception {
    var reader = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[][].class);
    for (String row : List.of("a,b,c", "a,,c", ",", "", " a , b ", "a\tb,c", "99213,8P,,E11.9,")) {
      byte[] bytes = row.getBytes(StandardCharsets.US_ASCII);
      String[][] jackson = reader.readValue(bytes);
      String[] expected = jackson.length == 0 ? new String[] {""} : jackson[0];
      assertArrayEquals(expected, ClaimsCsv.plainAsciiRow(bytes, bytes.length), "row '" + row + "'");
    }
    assertEquals(null, ClaimsCsv.plainAsciiRow("\"a,b\",c".getBytes(StandardCharsets.US_ASCII), 7));
    byte[] utf8 = "é,b".getBytes(StandardCharsets.UTF_8);
    assertEquals(null, ClaimsCsv.plainAsciiRow(utf8, utf8.length), "non-ASCII goes to Jackson");
  }

  @Test
  void problemsNeverNameAPatient() throws Exception {
    String bad = new ClaimsFixtures().claim(NPI, "1AC2DE3FG45", "1950-02-30", "F", "2021-02-01", "I10",
        "99213 1124F").jsonLines();
    String rows = HEADER + "\nA,1" + ROW + "99213,,I10\nA,2" + ROW.replace("1AC2DE3FG45", "9AC2DE3FG45") + "1124F,,I10\n";
    List<Problem> problems = new java.util.ArrayList<>(jsonLines(bad).report().problems());
    problems.addAll(csv(rows, ClaimsIntake.Limits.DEFAULT).report().problems());
    assertEquals(4, problems.size(), problems.toString());
    for (Problem problem : problems) {
      String text = problem.message() + problem.location().toString();
      assertFalse(text.contains("AC2DE3FG45") || text.contains("1950"), problem.toString());
    }
  }
}

package gov.qpp.validators.claims;

import static gov.qpp.validators.claims.ClaimsFixtures.NPI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.problems.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs a review found mishandled, each now answered with a problem and never half-used. */
class ClaimsReviewFindingsTest {

  private static ClaimsOutcome run(ClaimsFormat format, String text) throws Exception {
    return new ClaimsIntake(PackedCatalog.get(), new ClaimsIntake.Limits(100, 1000, 1000)).intake(format,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 2021);
  }

  private static String good(String id) throws Exception {
    return new ClaimsFixtures().claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10", "99213 1124F")
        .jsonLines().replace("\"C1\"", "\"" + id + "\"");
  }

  @Test
  void hugeExponentsAreRefusedValuesNotAHeapOrA500() throws Exception {
    String charge = good("X1").replace("\"pos\":\"11\"}", "\"pos\":\"11\",\"charge\":1e300000000}");
    String units = good("X2").replace("\"pos\":\"11\"}", "\"pos\":\"11\",\"units\":1e999999999}");
    ClaimsOutcome outcome = run(ClaimsFormat.JSON_LINES, good("A") + charge + units);
    assertEquals(List.of(3L, 1L, 2L), List.of(outcome.report().claims().read(), outcome.report().claims().used(),
        outcome.report().claims().rejected()));
    assertTrue(outcome.report().problems().stream().allMatch(p -> p.code().name().equals("CLAIM_INVALID_VALUE")),
        outcome.report().problems().toString());
  }

  @Test
  void anUnreadableCsvRowRejectsTheClaimsAroundIt() throws Exception {
    String header = "claim_id,tin,npi,mbi,bene_dob,bene_sex,from_date,pos,hcpcs,mod1,dx1\n";
    String row = ",000123456,1234567893,1AC2DE3FG45,1950-01-01,F,2021-02-01,11,";
    String file = header
        + "A" + row + "99213,,I10\n"
        + "A" + row + "1123F,\"8P,I10\n"   // an unclosed quote: cannot be read
        + "A" + row + "G9692,,I10\n"
        + "B" + row + "99213,,I10\n"
        + "B" + row + "1124F,,I10\n"
        + "C" + row + "99213,,I10\rC" + row + "1124F,,I10\n" // a bare CR joins two rows on one line
        + "D" + row + "1124F,,I10\n"
        + "E" + row + "1124F,,I10\n";
    ClaimsOutcome outcome = run(ClaimsFormat.CSV, file);
    // A holds an unreadable row; B comes before the bare-CR line and D after it, so either may have been cut:
    // all three are rejected with it, and only E is used
    assertEquals(List.of(4L, 1L, 3L), List.of(outcome.report().claims().read(), outcome.report().claims().used(),
        outcome.report().claims().rejected()));
    assertEquals(List.of(8L, 1L, 7L), List.of(outcome.report().lines().read(), outcome.report().lines().used(),
        outcome.report().lines().rejected()));
  }

  @Test
  void aShiftedColumnDoesNotRepeatTheBirthDateOrTheMbi() throws Exception {
    String shifted = good("S1").replace("\"sex\":\"F\"", "\"sex\":\"1950-01-01\"")
        + good("S2").replace("\"npi\":\"" + NPI + "\"", "\"npi\":\"1AC2DE3FG45\"");
    List<Problem> problems = run(ClaimsFormat.JSON_LINES, shifted).report().problems();
    assertEquals(2, problems.stream().filter(Problem::isError).count() - 1, problems.toString()); // + NONE_USABLE
    for (Problem problem : problems) {
      assertFalse(problem.message().contains("1950-01-01") || problem.message().contains("AC2DE3FG45"),
          problem.toString());
    }
  }

  @Test
  void oneStrayClaimDoesNotDecideTheYearOfTheFile() throws Exception {
    String stray = good("Y0").replace("2021-02-01", "2020-12-30");
    String file = stray + good("Y1") + good("Y2");
    ClaimsOutcome inferred = new ClaimsIntake(PackedCatalog.get(), ClaimsIntake.Limits.DEFAULT).intake(
        ClaimsFormat.JSON_LINES, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
    assertFalse(inferred.accepted());
    assertTrue(inferred.report().problems().stream().anyMatch(p -> p.code().name().equals("CLAIMS_YEAR_UNCLEAR")
        && p.location().toString().equals("line 1")), inferred.report().problems().toString());
    ClaimsOutcome named = run(ClaimsFormat.JSON_LINES, file); // ?year=2021: the stray claim is skipped
    assertTrue(named.accepted());
    assertEquals(List.of(2L, 1L), List.of(named.report().claims().used(), named.report().claims().skipped()));
  }

  @Test
  void aCrlfLineOfExactlyTheLimitIsALine() throws Exception {
    List<String> lines = new ArrayList<>();
    BoundedLines.Consumer consumer = new BoundedLines.Consumer() {
      @Override
      public void line(byte[] bytes, int length, long lineNumber) {
        lines.add(new String(bytes, 0, length, StandardCharsets.US_ASCII));
      }

      @Override
      public void tooLong(long lineNumber) {
        lines.add("too long at " + lineNumber);
      }
    };
    BoundedLines.read(new ByteArrayInputStream("abcd\r\nabcd\nabcde\r\n".getBytes(StandardCharsets.US_ASCII)), 4,
        consumer);
    assertEquals(List.of("abcd", "abcd", "too long at 3"), lines);
  }

  @Test
  void unknownFieldNamesAreReportedUpToTheirCap() throws Exception {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < ClaimsJsonLines.MAX_UNKNOWN_FIELDS_REPORTED + 50; i++) {
      file.append(good("U" + i).replace("{\"claimId\"", "{\"x" + i + "\":1,\"claimId\""));
    }
    ClaimsOutcome outcome = run(ClaimsFormat.JSON_LINES, file.toString());
    assertEquals(ClaimsJsonLines.MAX_UNKNOWN_FIELDS_REPORTED, outcome.report().problems().stream()
        .filter(p -> p.code().name().equals("CLAIM_UNKNOWN_FIELD")).count());
  }
}

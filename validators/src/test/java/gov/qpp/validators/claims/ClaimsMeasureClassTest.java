package gov.qpp.validators.claims;

import static gov.qpp.validators.claims.ClaimsFixtures.NPI;
import static gov.qpp.validators.claims.ClaimsFixtures.OTHER_NPI;
import static gov.qpp.validators.claims.ClaimsWorkedExampleTest.assertRate;
import static gov.qpp.validators.claims.ClaimsWorkedExampleTest.rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * One hand-computed fixture per measure class, on real measures of the packed catalog (2021, its last year with
 * claims specifications, and 2018); the arithmetic is inline. 2025's procedure exclusions need the shared catalog.
 */
class ClaimsMeasureClassTest {

  @Test
  void procedureMeasuresCountEachBeneficiaryAndDate() throws Exception {
    // 2021 measure 145 (fluoroscopy dose): 25606 and 22526 are eligible (2021's data excludes no modifier or place)
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-03-01", "", "25606 G9500") // P1 3/1: met
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-03-01", "", "22526")       // P1 3/1: same instance
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-05-01", "", "25606")       // P1 5/1: gap
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2021-04-01", "", "25606 G9501") // P2 4/1: not met
        .evaluate(null);
    // instances: P1 3/1 met, P1 5/1 none, P2 4/1 not met -> met 1, not met 1, eligible 3
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "145", null), 1, 1, 0, 0, 3);
  }

  @Test
  void procedureCodesWithAnExcludedModifierAreNotEligible() throws Exception {
    // 2021 measure 425 (cecal intubation): 44388 is eligible unless modifier 73 or 74; G9612 met, G9614 not met
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-03-01", "", "44388 G9612")    // P1 3/1: met
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2021-04-01", "", "44388-73 G9612") // 73: not eligible
        .claim(NPI, "3AC2DE3FG45", "1960-01-01", "M", "2021-04-01", "", "44388-74 G9614") // 74: not eligible
        .claim(NPI, "3AC2DE3FG45", "1960-01-01", "M", "2021-06-01", "", "44388 G9614")    // P3 6/1: not met
        .evaluate(null);
    // instances: P1 3/1 met, P3 6/1 not met -> met 1, not met 1, eligible 2
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "425", null), 1, 1, 0, 0, 2);
  }

  @Test
  void aClaimAtAnExcludedPlaceOfServiceIsNotEligible() throws Exception {
    // 2021 measure 047 (advance care plan, 65 and over): 99213 is eligible except at place of service 23
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "", "99213@23 1124F") // POS 23: not eligible
        .claim(NPI, "2AC2DE3FG45", "1950-01-01", "M", "2021-02-01", "", "99213 1124F")    // P2: met
        .evaluate(null);
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "047", null), 1, 0, 0, 0, 1);
  }

  @Test
  void procedureMeasuresCountEachBeneficiaryAndDateIn2025() throws Exception {
    // 2025 measure 145 (fluoroscopy dose): 25606 is eligible unless modifier GQ/GT or place of service 02/10
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2025-03-01", "", "25606 G9500") // P1 3/1: met
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2025-03-01", "", "22526")       // P1 3/1: same instance
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2025-05-01", "", "25606")       // P1 5/1: gap
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2025-04-01", "", "25606 G9501") // P2 4/1: not met
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2025-06-01", "", "25606-GT G9500") // GT: not eligible
        .claim(NPI, "3AC2DE3FG45", "1960-01-01", "M", "2025-06-01", "", "25606@02 G9500") // POS 02: not eligible
        .evaluateShared(null);
    // instances: P1 3/1 met, P1 5/1 none, P2 4/1 not met -> met 1, not met 1, eligible 3
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "145", null), 1, 1, 0, 0, 3);
  }

  @Test
  void visitMeasuresCountEveryMatchingProcedureLine() throws Exception {
    // 2018 measure 130 (current medications), 18 and over: 99213 and 99214 are both eligible encounter codes
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2018-02-01", "", "99213 99214 G8427") // 2 lines met
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2018-03-01", "", "99213 G8428")       // 1 line not met
        .claim(NPI, "2AC2DE3FG45", "1950-01-01", "M", "2018-02-01", "", "99213")             // 1 line, no code
        .claim(NPI, "3AC2DE3FG45", "2005-01-01", "M", "2018-02-01", "", "99213 G8427")       // 13: not eligible
        .evaluate(null);
    // met 2 (both lines of 2/1), not met 1, eligible 2 + 1 + 1 = 4
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "130", null), 2, 1, 0, 0, 4);
  }

  @Test
  void intermediateOutcomesTakeTheMostRecentDayWithAQualityCode() throws Exception {
    // 2021 measure 001 (HbA1c > 9 %, inverse: met counts against): diabetes, 18-75, a visit; 3046F > 9 % (met),
    // 3044F < 7 % and 3051F 7-8 % (not met), G9687 hospice (exclusion)
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-01-10", "E11.9", "99213 3046F") // D1 poor control
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-06-10", "E11.9", "99213 3044F") // D1 latest code
        .claim(NPI, "1AC2DE3FG45", "1960-01-01", "F", "2021-09-01", "E11.9", "99213")       // later, no code
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2021-04-04", "E11.9", "99213 3046F") // D2 same day:
        .claim(NPI, "2AC2DE3FG45", "1960-01-01", "M", "2021-04-04", "E11.9", "99213 3051F") // inverse best
        .claim(NPI, "3AC2DE3FG45", "1960-01-01", "M", "2021-04-04", "E11.9", "99213")       // D3 gap
        .claim(NPI, "4AC2DE3FG45", "1960-01-01", "F", "2021-05-05", "E11.9", "99213 G9687") // D4 hospice
        .evaluate(null);
    // D1 not met (6/10 decides), D2 not met (better than met for an inverse measure), D3 none, D4 exclusion
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "001", null), 0, 2, 1, 0, 4);
  }

  @Test
  void intersectingDiagnosisEpisodesMergeWhenAClaimSharesTheirDiagnoses() throws Exception {
    // 2021 measure 024 (communication after a fracture), 50 and over
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "M48.40XA", "99213 5015F")  // episode A met
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-03-01", "S72.001A", "99213 5015F-8P") // B not met
        .claim(NPI, "2AC2DE3FG45", "1950-01-01", "M", "2021-02-01", "M48.41XA", "99213 G9688")  // F2 exclusion
        .evaluate(null);
    // F1: two episodes (met, not met); F2: one (exclusion) -> eligible 3
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "024", null), 1, 1, 1, 0, 3);

    ClaimsOutcome bridged = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "M48.40XA", "99213 5015F")
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-03-01", "S72.001A", "99213 5015F-8P")
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-04-01", "M48.40XA S72.001A", "99213")
        .evaluate(null);
    // the third claim shares a diagnosis with both: one episode, the better marker (met)
    assertRate(rate(ClaimsFixtures.of(bridged, NPI), "024", null), 1, 0, 0, 0, 1);
  }

  @Test
  void aGroupCountsABeneficiaryItsClinciansShareOnceWithTheBestMarker() throws Exception {
    // 2021 measure 047 (advance care plan, 65 and over), patient-process
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "", "99213 1123F-8P")
        .claim(OTHER_NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-05-01", "", "99213 1124F")
        .evaluate(null);
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "047", null), 0, 1, 0, 0, 1);
    assertRate(rate(ClaimsFixtures.of(outcome, OTHER_NPI), "047", null), 1, 0, 0, 0, 1);
    assertRate(rate(ClaimsFixtures.of(outcome, null), "047", null), 1, 0, 0, 0, 1);
  }

  @Test
  void aQualityCodeWithAPerformanceModifierIsNotTheUnmodifiedCode() throws Exception {
    // 1123F-8P is 047's not-met code; without the rule it would also match the met code 1123F
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "", "99213 1123F-8P")
        .evaluate(null);
    assertRate(rate(ClaimsFixtures.of(outcome, NPI), "047", null), 0, 1, 0, 0, 1);
  }

  @Test
  void aClinicianWithoutQualityCodesGetsNoSetButAVolume() throws Exception {
    ClaimsOutcome outcome = new ClaimsFixtures()
        .claim(NPI, "1AC2DE3FG45", "1950-01-01", "F", "2021-02-01", "I10", "99213")
        .evaluate(null);
    assertEquals(0, outcome.submissions().size());
    assertEquals(2, outcome.volumes().size());
    assertFalse(outcome.volumes().get(0).amountsGiven());
    assertEquals(1, outcome.volumes().get(0).beneficiaries());
  }
}

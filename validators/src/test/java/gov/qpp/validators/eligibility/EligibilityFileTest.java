package gov.qpp.validators.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.problems.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EligibilityFileTest {

  static EligibilityFile.Result read(String text) {
    return EligibilityFile.read(text.getBytes(StandardCharsets.UTF_8));
  }

  static Set<String> located(EligibilityFile.Result result) {
    return result.problems().stream().map(p -> p.code() + " @ " + p.location().toString()).collect(Collectors.toSet());
  }

  @Test
  void aFullRowIsReadWithDefaultsForWhatIsLeftOut() {
    var result = read("{\"tin\": \"000123456\", \"npi\": \"1234567893\", \"performanceYear\": 2025,"
        + " \"smallPractice\": true, \"complexPatientBonus\": 2.5,"
        + " \"lowVolume\": {\"allowedCharges\": 120000.5, \"beneficiaries\": 250, \"coveredServices\": 300},"
        + " \"apm\": {\"entityId\": \"A1234\", \"advanced\": true, \"paymentPercent\": 55, \"patientPercent\": 40.25},"
        + " \"cost\": [{\"measureId\": \"COST_TPCC_1\", \"value\": 1234.5, \"cases\": 40}]}\r\n"
        + "\n{\"tin\": \"000123456\", \"performanceYear\": 2025}\n");
    assertTrue(result.accepted(), result.problems()::toString);
    assertEquals(2, result.rows().size());
    EligibilityRow row = result.rows().get(0);
    assertTrue(row.smallPractice());
    assertFalse(row.rural());
    assertEquals(2.5, row.complexPatientBonus());
    assertEquals(250, row.lowVolume().beneficiaries());
    assertEquals(0, new BigDecimal("40.25").compareTo(row.apm().patientPercent()));
    assertEquals("COST_TPCC_1", row.cost().get(0).measureId());
    EligibilityRow group = result.rows().get(1);
    assertNull(group.npi());
    assertEquals(3, group.line(), "blank lines count, so locations match the file");
  }

  @Test
  void everyBadFieldIsNamedByLineAndPath() {
    var result = read("{\"tin\": \"12\", \"performanceYear\": 2016, \"rural\": \"yes\"}\n"
        + "{\"tin\": \"000123456\", \"performanceYear\": 2025, \"lowVolume\": {\"beneficiaries\": 1, \"extra\": 1}}\n"
        + "{\"tin\": \"000123456\", \"performanceYear\": 2025, \"cost\": [{\"measureId\": \"A\", \"value\": -1,"
        + " \"cases\": 1}]}\n");
    assertFalse(result.accepted());
    Set<String> located = located(result);
    assertTrue(located.contains("ELIGIBILITY_INVALID_VALUE @ line 1: tin"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_INVALID_VALUE @ line 1: performanceYear"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_INVALID_VALUE @ line 1: rural"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_UNKNOWN_FIELD @ line 2: lowVolume.extra"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_MISSING_FIELD @ line 2: lowVolume.allowedCharges"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_MISSING_FIELD @ line 2: lowVolume.coveredServices"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_INVALID_VALUE @ line 3: cost[0].value"), located::toString);
  }

  @Test
  void aSecondObjectOnALineOrABlankCostMeasureIsRefused() {
    var result = read("{\"tin\": \"000123456\", \"performanceYear\": 2025} {\"smallPractice\": true}\n"
        + "{\"tin\": \"000123457\", \"performanceYear\": 2025, \"cost\": [{\"measureId\": \" \", \"value\": 1,"
        + " \"cases\": 1}]}\n");
    Set<String> located = located(result);
    assertTrue(located.contains("ELIGIBILITY_UNREADABLE @ line 1"), located::toString);
    assertTrue(located.contains("ELIGIBILITY_INVALID_VALUE @ line 2: cost[0].measureId"), located::toString);
  }

  @Test
  void twoRowsForOneClinicianAndYearAreRefused() {
    var result = read("{\"tin\": \"000123456\", \"performanceYear\": 2025}\n"
        + "{\"tin\": \"000123456\", \"performanceYear\": 2025, \"rural\": true}\n");
    assertTrue(located(result).contains("ELIGIBILITY_DUPLICATE_ROW @ line 2"), located(result)::toString);
  }

  @Test
  void emptyDeepAndHugeInputAreRefusedNotThrown() {
    assertFalse(read("").accepted());
    assertFalse(read("\n\n").accepted());
    assertFalse(read("[1, 2]").accepted());
    assertFalse(read("{\"tin\": " + "[".repeat(100) + "]".repeat(100) + "}").accepted());
    assertFalse(read("{\"tin\": \"000123456\", \"performanceYear\": 2025, \"complexPatientBonus\": 1e999}").accepted());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= EligibilityFile.MAX_ROWS; i++) {
      many.append("{\"tin\": \"").append(String.format("%09d", i)).append("\", \"performanceYear\": 2025}\n");
    }
    var result = read(many.toString());
    assertFalse(result.accepted());
    assertTrue(result.problems().stream().map(Problem::message).anyMatch(m -> m.contains("several files")));
  }
}

package gov.qpp.validators.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Our own registry JSON fixtures, built as trees so each test changes exactly one thing. */
final class RegistryFixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TIN = "000456789";
  /** A valid NPI (check digit 3). */
  static final String NPI = "1234567893";

  private RegistryFixtures() {
  }

  static ObjectNode individual(int year, ObjectNode... sets) {
    ObjectNode submission = JSON.createObjectNode()
        .put("entityType", "individual")
        .put("taxpayerIdentificationNumber", TIN)
        .put("nationalProviderIdentifier", NPI)
        .put("performanceYear", year);
    ArrayNode array = submission.putArray("measurementSets");
    for (ObjectNode set : sets) {
      array.add(set);
    }
    return submission;
  }

  static ObjectNode set(String category, String method, int year, ObjectNode... measurements) {
    ObjectNode set = JSON.createObjectNode()
        .put("category", category)
        .put("submissionMethod", method)
        .put("performanceStart", year + "-01-01")
        .put("performanceEnd", year + "-12-31");
    ArrayNode array = set.putArray("measurements");
    for (ObjectNode measurement : measurements) {
      array.add(measurement);
    }
    return set;
  }

  static ObjectNode measurement(String measureId, Object value) {
    ObjectNode measurement = JSON.createObjectNode().put("measureId", measureId);
    if (value instanceof Boolean bool) {
      measurement.put("value", bool);
    } else {
      measurement.set("value", (ObjectNode) value);
    }
    return measurement;
  }

  static ObjectNode rate(long met, long notMet, long eligible) {
    return JSON.createObjectNode()
        .put("isEndToEndReported", false)
        .put("performanceMet", met)
        .put("performanceNotMet", notMet)
        .put("eligiblePopulation", eligible);
  }

  static ObjectNode stratum(String name, long met, long notMet, long eligible) {
    return rate(met, notMet, eligible).put("stratum", name).without("isEndToEndReported");
  }

  static ObjectNode proportion(long numerator, long denominator) {
    return JSON.createObjectNode().put("numerator", numerator).put("denominator", denominator);
  }

  /** A valid 2022 individual submission: quality (047 by registry), IA and PI. */
  static ObjectNode valid2022() {
    ObjectNode pi = set("pi", "electronicHealthRecord", 2022,
        measurement("PI_EP_1", proportion(49, 115)),
        measurement("PI_HIE_1", proportion(10, 20)));
    pi.put("cehrtId", "0015C01ABCDEFGH");
    return individual(2022,
        set("quality", "registry", 2022, measurement("047", rate(120, 36, 156))),
        set("ia", "registry", 2022, measurement("IA_EPA_1", true)),
        pi);
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

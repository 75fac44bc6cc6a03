package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Which stored score a clinician's feedback uses. */
class FeedbackTest {

  static JsonNode version(Double finalScore, String qpStatus) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode tree = json.objectNode().put("name", "total").put("value", finalScore);
    tree.putArray("parts");
    tree.putObject("metadata").put("status", finalScore == null ? "EXCLUDED" : "SCORED")
        .putObject("eligibility").put("qpStatus", qpStatus);
    ObjectNode version = json.objectNode().put("version", 1);
    version.set("score", tree);
    return version;
  }

  @Test
  void theHigherOfIndividualAndGroupCounts() {
    assertEquals("group", Feedback.of(version(40.0, null), version(70.0, null), null).get("scoreUsed").asText());
    assertEquals("individual", Feedback.of(version(80.0, null), version(70.0, null), null).get("scoreUsed").asText());
    assertEquals("group", Feedback.of(null, version(70.0, null), null).get("scoreUsed").asText());
  }

  @Test
  void anIndividualExcludedForLowVolumeTakesTheGroupsScore() {
    // excluded as an individual (value null), but the group reports: the group's score applies
    assertEquals("group", Feedback.of(version(null, null), version(70.0, null), null).get("scoreUsed").asText());
  }

  @Test
  void aQualifyingApmParticipantStaysOutsideMipsWhateverTheGroupScores() {
    JsonNode feedback = Feedback.of(version(null, "QP"), version(70.0, null), null);
    assertEquals("individual", feedback.get("scoreUsed").asText());
    assertEquals("EXCLUDED", feedback.get("status").asText());
  }
}

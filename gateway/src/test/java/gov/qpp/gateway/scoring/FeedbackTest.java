package gov.qpp.gateway.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Which stored score a clinician's feedback uses. */
class FeedbackTest {

  static JsonObject version(Double finalScore, String qpStatus) {
    JsonObject eligibility = new JsonObject().put("qpStatus", qpStatus);
    return new JsonObject().put("version", 1).put("score", new JsonObject().put("name", "total")
        .put("value", finalScore).put("parts", new JsonArray())
        .put("metadata", new JsonObject().put("status", finalScore == null ? "EXCLUDED" : "SCORED")
            .put("eligibility", eligibility)));
  }

  @Test
  void theHigherOfIndividualAndGroupCounts() {
    assertEquals("group", Feedback.of(version(40.0, null), version(70.0, null), null).getString("scoreUsed"));
    assertEquals("individual", Feedback.of(version(80.0, null), version(70.0, null), null).getString("scoreUsed"));
    assertEquals("group", Feedback.of(null, version(70.0, null), null).getString("scoreUsed"));
  }

  @Test
  void anIndividualExcludedForLowVolumeTakesTheGroupsScore() {
    // excluded as an individual (value null), but the group reports: the group's score applies
    assertEquals("group", Feedback.of(version(null, null), version(70.0, null), null).getString("scoreUsed"));
  }

  @Test
  void aQualifyingApmParticipantStaysOutsideMipsWhateverTheGroupScores() {
    JsonObject feedback = Feedback.of(version(null, "QP"), version(70.0, null), null);
    assertEquals("individual", feedback.getString("scoreUsed"));
    assertEquals("EXCLUDED", feedback.getString("status"));
  }
}

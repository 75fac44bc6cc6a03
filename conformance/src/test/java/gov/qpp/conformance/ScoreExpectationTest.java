package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A case's expected score, read from the manifest and held against a score tree to four decimals. */
class ScoreExpectationTest {

  /** A small entity tree in the QPP score shape. */
  static final String TREE = "{\"name\":\"total\",\"value\":49.0,\"parts\":["
      + "{\"name\":\"quality\",\"value\":18.0,\"metadata\":{\"originalValue\":30.0},\"parts\":["
      + "{\"name\":\"registry\",\"metadata\":{\"measurementSetPicked\":false},\"parts\":[{\"name\":\"047\",\"value\":1.0}]},"
      + "{\"name\":\"registry\",\"metadata\":{\"measurementSetPicked\":true},\"parts\":[{\"name\":\"047\",\"value\":5.3676}]}]},"
      + "{\"name\":\"pi\",\"value\":16.0,\"metadata\":{\"originalValue\":64.0},\"parts\":[]}]}";

  static JsonNode tree() throws Exception {
    return new ObjectMapper().readTree(TREE);
  }

  @Test
  void aTreeThatMeetsEveryValueToFourDecimalsPasses() throws Exception {
    ScoreExpectation expected = new ScoreExpectation(49.0, Map.of("pi", new ScoreExpectation.Category(64.0, 16.0)),
        Map.of("047", 5.36764));
    assertEquals(Optional.empty(), expected.mismatch(tree()));
  }

  @Test
  void everyMissedValueIsNamedAndThePickedSetCounts() throws Exception {
    ScoreExpectation expected = new ScoreExpectation(50.0, Map.of("pi", new ScoreExpectation.Category(65.0, null),
        "ia", new ScoreExpectation.Category(100.0, null)), Map.of("047", 1.0, "001", 3.0));
    String mismatch = expected.mismatch(tree()).orElseThrow();
    assertEquals("final score: expected 50.0, got 49.0; category ia: not in the score; category pi percent:"
        + " expected 65.0, got 64.0; measure 001 points: expected 3.0, not scored; measure 047 points: expected 1.0,"
        + " got 5.3676", mismatch);
  }

  @Test
  void theManifestTakesAScoreForAcceptedCasesOnly() {
    String rejected = "{\"suite\":\"s\",\"cases\":[{\"id\":\"a\",\"description\":\"d\",\"format\":\"registry-json\","
        + "\"file\":\"f.json\",\"expect\":{\"outcome\":\"rejected\",\"codes\":[\"TIN_FORMAT\"],\"score\":"
        + "{\"finalScore\":1}}}]}";
    ManifestException refused = assertThrows(ManifestException.class, () -> Manifest.parse(
        rejected.getBytes(StandardCharsets.UTF_8), "m.json", CaseFiles.directory(java.nio.file.Path.of("."))));
    assertTrue(refused.getMessage().contains("expect.score is for accepted documents"), refused.getMessage());
  }

  @Test
  void anUnknownCategoryIsRefusedWithTheKnownOnes() {
    String manifest = "{\"suite\":\"s\",\"cases\":[{\"id\":\"a\",\"description\":\"d\",\"format\":\"registry-json\","
        + "\"file\":\"f.json\",\"expect\":{\"outcome\":\"accepted\",\"score\":{\"categories\":{\"qualty\":"
        + "{\"percent\":1}}}}}]}";
    ManifestException refused = assertThrows(ManifestException.class, () -> Manifest.parse(
        manifest.getBytes(StandardCharsets.UTF_8), "m.json", CaseFiles.directory(java.nio.file.Path.of("."))));
    assertTrue(refused.getMessage().contains("expect.score.categories.qualty: not a category"), refused.getMessage());
  }
}

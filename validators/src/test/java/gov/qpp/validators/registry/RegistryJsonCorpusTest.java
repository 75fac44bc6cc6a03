package gov.qpp.validators.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The QPP Submissions API documentation's own examples (../shared/corpus/registry-json), with their placeholder
 * year replaced. Their NPI 9876543210 fails the check digit and the quality example reports measure 305 with
 * strata names and a submission method the catalog does not allow: we must say exactly that.
 */
class RegistryJsonCorpusTest {

  static final String VALID_NPI = "1234567893";

  /** The docs' placeholder, as a JSON string value and inside dates. */
  static byte[] withYear(Path file, int year) throws IOException {
    String text = Files.readString(file)
        .replace("\"< performanceYearToBeReported >\"", String.valueOf(year))
        .replace("< performanceYearToBeReported >", String.valueOf(year));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Path corpusFile(String name) {
    Path folder = SharedFolder.corpus("registry-json").orElse(null);
    assumeTrue(folder != null, "skipped: ../shared/corpus/registry-json not found");
    return folder.resolve(name);
  }

  private static IntakeResult intake(byte[] document) {
    return new RegistryJsonIntake(TestCatalog.get()).intake(document);
  }

  private static Set<ProblemCode> errorCodes(IntakeResult result) {
    return result.problems().stream().filter(Problem::isError).map(Problem::code).collect(Collectors.toSet());
  }

  @Test
  void everyCorpusFileParsesIntoASubmission() throws IOException {
    Path folder = corpusFile(".");
    try (var files = Files.list(folder)) {
      List<Path> documents = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertEquals(4, documents.size(), documents.toString());
      for (Path document : documents) {
        IntakeResult result = intake(withYear(document, 2024));
        assertNotNull(result.submission(), document + ": " + result.problems());
      }
    }
  }

  @Test
  void iaExampleFailsOnlyOnTheDocsNpi() throws IOException {
    IntakeResult result = intake(withYear(corpusFile("submission-ia.json"), 2024));
    assertEquals(Set.of(ProblemCode.NPI_CHECK_DIGIT), errorCodes(result), result.problems().toString());
    assertEquals("$.nationalProviderIdentifier", result.problems().get(0).location().toString());
  }

  @Test
  void iaAndPiExamplesAreAcceptedWithAValidNpi() throws IOException {
    for (String name : List.of("submission-ia.json", "submission-pi.json")) {
      String fixed = new String(withYear(corpusFile(name), 2024), StandardCharsets.UTF_8)
          .replace("9876543210", VALID_NPI);
      IntakeResult result = intake(fixed.getBytes(StandardCharsets.UTF_8));
      assertTrue(result.accepted(), name + ": " + result.problems());
    }
  }

  @Test
  void qualityExampleIsRejectedForExactlyItsMistakes() throws IOException {
    IntakeResult result = intake(withYear(corpusFile("submission-quality.json"), 2024));
    assertEquals(Set.of(ProblemCode.NPI_CHECK_DIGIT, ProblemCode.STRATUM_UNKNOWN,
        ProblemCode.MEASURE_SUBMISSION_METHOD_NOT_ALLOWED), errorCodes(result), result.problems().toString());
    List<String> at305 = result.problems().stream()
        .filter(p -> p.location().toString().startsWith("$.measurementSets[0].measurements[0]"))
        .map((p -> p.location().toString())).toList();
    assertEquals(List.of("$.measurementSets[0].measurements[0].measureId",
        "$.measurementSets[0].measurements[0].value.strata[0].stratum",
        "$.measurementSets[0].measurements[0].value.strata[1].stratum"), at305);
  }

  @Test
  void measurementSetPostExampleIsAccepted() throws IOException {
    IntakeResult result = intake(withYear(corpusFile("measurement-set-post-request.json"), 2022));
    assertTrue(result.accepted(), result.problems().toString());
    assertEquals("000000002", result.submission().tin().value());
  }
}

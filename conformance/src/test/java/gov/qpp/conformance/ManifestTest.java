package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading refuses a broken manifest before any case runs, with a message naming the case and what is wrong. */
class ManifestTest {

  @TempDir
  Path dir;

  private static String entry(String id, String file, String extra, String expect) {
    return "{\"id\": \"" + id + "\", \"description\": \"d\", \"format\": \"registry-json\", \"file\": \"" + file
        + "\"" + extra + ", \"expect\": " + expect + "}";
  }

  private static final String REJECTED = "{\"outcome\": \"rejected\", \"codes\": [\"JSON_SYNTAX\"]}";

  private Path manifest(String... cases) throws IOException {
    Files.createDirectories(dir.resolve("cases"));
    Files.writeString(dir.resolve("cases/a.json"), "{\"performanceYear\": \"< performanceYearToBeReported >\","
        + " \"start\": \"< performanceYearToBeReported >-01-01\"}");
    Files.writeString(dir.resolve("cases/plain.json"), "{oops");
    return Files.writeString(dir.resolve("manifest.json"),
        "{\"suite\": \"s\", \"cases\": [" + String.join(",", cases) + "]}");
  }

  private String refusal(String... cases) throws IOException {
    Path file = manifest(cases);
    return assertThrows(ManifestException.class, () -> Manifest.load(file)).getMessage();
  }

  @Test
  void duplicateIdsAreRefusedNamingTheId() throws IOException {
    String message = refusal(entry("same-id", "plain.json", "", REJECTED), entry("other", "plain.json", "", REJECTED),
        entry("same-id", "plain.json", "", REJECTED));
    assertTrue(message.contains("duplicate case id 'same-id'"), message);
    assertTrue(message.contains("#1 and #3"), message);
  }

  @Test
  void placeholderIsFilledWithTheYear() throws IOException {
    Manifest manifest = Manifest.load(manifest(entry("a", "a.json", ", \"performanceYear\": 2022", REJECTED)));
    assertEquals("{\"performanceYear\": 2022, \"start\": \"2022-01-01\"}",
        new String(manifest.cases().get(0).document(), StandardCharsets.UTF_8));
  }

  @Test
  void placeholderWithoutYearIsRefused() throws IOException {
    String message = refusal(entry("a", "a.json", "", REJECTED));
    assertTrue(message.contains("case #1 'a'") && message.contains("set performanceYear"), message);
  }

  @Test
  void unknownProblemCodeIsRefused() throws IOException {
    String message = refusal(entry("a", "plain.json", "", "{\"outcome\": \"rejected\", \"codes\": [\"NPI_TYPO\"]}"));
    assertTrue(message.contains("'NPI_TYPO' is not a problem code"), message);
  }

  @Test
  void rejectedCaseMustNameItsCode() throws IOException {
    String message = refusal(entry("a", "plain.json", "", "{\"outcome\": \"rejected\"}"));
    assertTrue(message.contains("must name in expect.codes"), message);
  }

  @Test
  void acceptedCaseCannotExpectAnError() throws IOException {
    String message = refusal(entry("a", "plain.json", "", "{\"outcome\": \"accepted\", \"codes\": [\"TIN_FORMAT\"]}"));
    assertTrue(message.contains("can only carry warnings"), message);
  }

  @Test
  void fileMustStayInsideTheCasesFolder() throws IOException {
    String message = refusal(entry("a", "../manifest.json", "", REJECTED));
    assertTrue(message.contains("inside the cases folder"), message);
  }

  @Test
  void missingFileIsNamed() throws IOException {
    String message = refusal(entry("a", "nowhere.json", "", REJECTED));
    assertTrue(message.contains("file 'nowhere.json' not found"), message);
  }

  @Test
  void unknownCaseFieldIsRefused() throws IOException {
    String message = refusal(entry("a", "plain.json", ", \"expected\": 1", REJECTED));
    assertTrue(message.contains("unknown field 'expected'"), message);
  }

  @Test
  void unsupportedFormatIsRefused() throws IOException {
    String message = refusal(entry("a", "plain.json", "", REJECTED).replace("registry-json", "fhir-r4"));
    assertTrue(message.contains("format 'fhir-r4' is not supported"), message);
  }
}

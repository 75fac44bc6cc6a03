package gov.qpp.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The QPP docs' registry JSON examples from the shared corpus, with a real year in place of the placeholder; a test
 * reading one skips itself without ../shared. {@link OwnDocuments} has documents of our own for the other tests.
 */
public final class CorpusDocuments {

  public static final String DOCS_NPI = "9876543210";
  public static final String VALID_NPI = "1234567893";

  private CorpusDocuments() {
  }

  public static String registryJson(String name, int year) throws IOException {
    Path folder = SharedFolder.corpus("registry-json").orElse(null);
    assumeTrue(folder != null, "skipped: needs the shared folder's corpus (the QPP docs' examples);"
        + " ../shared/corpus/registry-json not found (set qpp.shared.dir)");
    return Files.readString(folder.resolve(name))
        .replace("\"< performanceYearToBeReported >\"", String.valueOf(year))
        .replace("< performanceYearToBeReported >", String.valueOf(year));
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package gov.qpp.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite: {@code {"suite": name, "cases": [...]}}, each case naming a document under the {@code cases}
 * folder beside the manifest and what a validator must answer for it. Everything is checked when the manifest
 * loads (fields, duplicate ids, files, placeholders), so a broken suite fails before any case runs, with a
 * message naming the case and the field. See {@link CaseReader} for the fields of a case.
 */
public final class Manifest {

  /** The suite shipped in the jar: {@code conformance/manifest.json} and {@code conformance/cases/}. */
  public static final String CLASSPATH_ROOT = "conformance";
  static final String MANIFEST_FILE = "manifest.json";
  static final String CASES_FOLDER = "cases";

  // Strict about duplicate keys too: in a hand-edited manifest the second key is almost always a slip.
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String suite;
  private final List<ConformanceCase> cases;

  private Manifest(String suite, List<ConformanceCase> cases) {
    this.suite = suite;
    this.cases = List.copyOf(cases);
  }

  public static Manifest fromClasspath() {
    String name = CLASSPATH_ROOT + "/" + MANIFEST_FILE;
    try (InputStream in = Manifest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ManifestException("classpath:" + name + " is missing; the jar was built without the suite");
      }
      return parse(in.readAllBytes(), "classpath:" + name,
          CaseFiles.classpath(CLASSPATH_ROOT + "/" + CASES_FOLDER));
    } catch (IOException e) {
      throw new ManifestException("classpath:" + name + ": cannot read: " + e.getMessage());
    }
  }

  /** A manifest on disk; its documents are in the {@code cases} folder beside it. */
  public static Manifest load(Path manifestFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(manifestFile);
    } catch (NoSuchFileException e) {
      throw new ManifestException(manifestFile + ": file not found");
    } catch (IOException e) {
      throw new ManifestException(manifestFile + ": cannot read: " + e.getMessage());
    }
    Path folder = manifestFile.toAbsolutePath().getParent();
    return parse(bytes, manifestFile.toString(), CaseFiles.directory(folder.resolve(CASES_FOLDER)));
  }

  static Manifest parse(byte[] manifest, String origin, CaseFiles files) {
    JsonNode root;
    try {
      root = JSON.readTree(manifest);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new ManifestException(origin + ": not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ManifestException(origin + ": cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ManifestException(origin + ": must be a JSON object {\"suite\": ..., \"cases\": [...]}");
    }
    root.fieldNames().forEachRemaining(field -> {
      if (!field.equals("suite") && !field.equals("cases")) {
        throw new ManifestException(origin + ": unknown field '" + field + "'; a manifest has suite and cases");
      }
    });
    JsonNode suite = root.path("suite");
    if (!suite.isTextual() || suite.asText().isBlank()) {
      throw new ManifestException(origin + ": 'suite' must be a non-empty string naming the suite");
    }
    JsonNode rawCases = root.path("cases");
    if (!rawCases.isArray() || rawCases.isEmpty()) {
      throw new ManifestException(origin + ": 'cases' must be a non-empty array of cases");
    }
    List<ConformanceCase> cases = new ArrayList<>();
    Map<String, Integer> firstPosition = new HashMap<>();
    for (int i = 0; i < rawCases.size(); i++) {
      int position = i + 1;
      ConformanceCase testCase = new CaseReader(origin, position, rawCases.get(i), files).read();
      Integer earlier = firstPosition.putIfAbsent(testCase.id(), position);
      if (earlier != null) {
        throw new ManifestException(origin + ": duplicate case id '" + testCase.id() + "' (cases #" + earlier
            + " and #" + position + "); every case needs its own id");
      }
      cases.add(testCase);
    }
    return new Manifest(suite.asText(), cases);
  }

  public String suite() {
    return suite;
  }

  public List<ConformanceCase> cases() {
    return cases;
  }
}

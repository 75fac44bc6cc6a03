package gov.qpp.validators.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/problem-codes.md is generated from {@link ProblemCode}; this test fails when the two drift apart. Run it
 * with -Dqpp.writeDocs=true to rewrite the file.
 */
class ProblemCatalogueTest {

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Problem codes\n\n")
        .append("Generated from `validators/src/main/java/gov/qpp/validators/problems/ProblemCode.java` by\n")
        .append("`ProblemCatalogueTest` (run it with `-Dqpp.writeDocs=true` to rewrite). Codes never change meaning.\n\n")
        .append("| code | severity | meaning |\n|---|---|---|\n");
    for (ProblemCode code : ProblemCode.values()) {
      out.append("| `").append(code.name()).append("` | ").append(code.severity().name().toLowerCase())
          .append(" | ").append(code.summary()).append(" |\n");
    }
    return out.toString();
  }

  @Test
  void docsListEveryCode() throws IOException {
    Path doc = Path.of("..", "docs", "problem-codes.md");
    if (Boolean.getBoolean("qpp.writeDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, render());
    }
    assertEquals(render(), Files.exists(doc) ? Files.readString(doc) : "(missing " + doc + ")",
        "docs/problem-codes.md is out of date: run mvn test -pl validators -Dqpp.writeDocs=true");
  }
}

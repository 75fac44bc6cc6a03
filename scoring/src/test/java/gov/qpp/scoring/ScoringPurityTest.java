package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scoring engine is pure computation that a unit test, the conformance suite or a batch job calls without a
 * server: no Vert.x and no database client on its classpath, no import of either (nor of JDBC) in its sources.
 */
class ScoringPurityTest {

  private static final Pattern FORBIDDEN = Pattern.compile(
      "^import\\s+(static\\s+)?(io\\.vertx|java\\.sql|javax\\.sql|org\\.postgresql|io\\.zonky)\\.", Pattern.MULTILINE);

  @Test
  void noVertxAndNoDatabaseClientOnTheClasspath() {
    for (String type : List.of("io.vertx.core.Vertx", "io.vertx.core.json.JsonObject", "io.vertx.sqlclient.Pool",
        "org.postgresql.Driver")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(type), type + " reached the scoring module");
    }
  }

  @Test
  void noSourceImportsVertxOrSql() throws IOException {
    Path sources = Path.of("src/main/java");
    assertTrue(Files.isDirectory(sources), "run from the scoring module's folder (Maven does)");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> FORBIDDEN.matcher(read(file)).find())
          .map(Path::toString).toList();
    }
    assertEquals(List.of(), offenders, "scoring sources that import Vert.x or SQL");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

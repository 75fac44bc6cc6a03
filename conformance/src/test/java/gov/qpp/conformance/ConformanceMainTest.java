package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import gov.qpp.validators.SharedFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's output ends with the tally, and its exit status tells passed (0), failed (1) and misused (2). */
class ConformanceMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ConformanceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String[] lines() {
    return out.toString(StandardCharsets.UTF_8).strip().split("\n");
  }

  private String lastLine() {
    String[] lines = lines();
    return lines[lines.length - 1];
  }

  @Test
  void shippedSuitePassesInProcessAndWritesReports(@TempDir Path reports) {
    // no --measures: the shared folder's catalog when present, else the one packed into the build
    int cases = Manifest.fromClasspath().cases().size();
    int status = run("--report-dir", reports.toString());
    assertEquals(0, status, out + "\n" + err);
    String catalog = SharedFolder.measures().map(Path::toString).orElse("classpath:qpp-measures-data");
    assertTrue(lines()[0].contains("(catalog " + catalog), lines()[0]);
    assertEquals(cases + " passed, 0 failed", lastLine());
    assertTrue(Files.isRegularFile(reports.resolve(JunitXmlReport.FILE_NAME)));
    assertTrue(Files.isRegularFile(reports.resolve(HtmlReport.FILE_NAME)));
  }

  @Test
  void shippedSuitePassesWithTheCatalogNamedByMeasures() {
    int cases = Manifest.fromClasspath().cases().size();
    int status = run("--measures", SharedCatalog.folder().toString());
    assertEquals(0, status, out + "\n" + err);
    assertTrue(lines()[0].contains("(catalog " + SharedCatalog.folder()), lines()[0]);
    assertEquals(cases + " passed, 0 failed", lastLine());
  }

  @Test
  void failingGatewayExitsOneWithOneLinePerCase() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    try {
      int cases = Manifest.fromClasspath().cases().size();
      int status = run("--gateway", "http://127.0.0.1:" + server.getAddress().getPort(), "--token", "t");
      assertEquals(1, status, err.toString(StandardCharsets.UTF_8));
      assertEquals("0 passed, " + cases + " failed", lastLine());
      // A header, one line per case, the tally.
      assertEquals(cases + 2, lines().length);
      assertTrue(lines()[1].startsWith("FAIL ") && lines()[1].contains("HTTP 500"), lines()[1]);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void usageErrorsExitTwoWithAMessage() {
    assertEquals(2, run("--gateway", "http://localhost:8080"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gateway needs --token"), err.toString());
    assertEquals(2, run("--colour", "red"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --colour"), err.toString());
    assertEquals(2, run("--gateway", "ftp://host", "--token", "t"));
    assertEquals(2, run("--manifest", "/nonexistent/manifest.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("file not found"), err.toString());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }
}

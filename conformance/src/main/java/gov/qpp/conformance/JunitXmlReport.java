package gov.qpp.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The run as a JUnit XML {@code <testsuite>}, the format CI servers read: one {@code <testcase>} per case, with
 * a {@code <failure>} for each failed one saying what was expected and what came back.
 */
public final class JunitXmlReport {

  public static final String FILE_NAME = "TEST-conformance.xml";

  private JunitXmlReport() {
  }

  public static Path write(Path directory, String suite, List<CaseResult> results) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Files.writeString(file, render(suite, results), StandardCharsets.UTF_8);
    return file;
  }

  public static String render(String suite, List<CaseResult> results) {
    Tally tally = Tally.of(results);
    Duration total = results.stream().map(CaseResult::elapsed).reduce(Duration.ZERO, Duration::plus);
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"").append(Markup.escapeAttribute(suite))
        .append("\" tests=\"").append(tally.total())
        .append("\" failures=\"").append(tally.failed())
        .append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds(total)).append("\">\n");
    for (CaseResult result : results) {
      xml.append("  <testcase classname=\"").append(Markup.escapeAttribute(suite))
          .append("\" name=\"").append(Markup.escapeAttribute(result.caseId()))
          .append("\" time=\"").append(seconds(result.elapsed())).append('"');
      if (result.passed()) {
        xml.append("/>\n");
        continue;
      }
      xml.append(">\n    <failure type=\"ConformanceFailure\" message=\"")
          .append(Markup.escapeAttribute(result.message())).append("\">")
          .append(Markup.escape(details(result))).append("</failure>\n  </testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static String details(CaseResult result) {
    return result.description() + "\nexpected: " + result.expected() + "\nactual: " + result.actualSummary()
        + "\n" + result.message();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
  }
}

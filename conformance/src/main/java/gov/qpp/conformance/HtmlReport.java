package gov.qpp.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The run as one self-contained HTML page (inline style, no scripts) that testers can attach or open offline. */
public final class HtmlReport {

  public static final String FILE_NAME = "conformance.html";

  private HtmlReport() {
  }

  public static Path write(Path directory, String suite, String target, List<CaseResult> results)
      throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Files.writeString(file, render(suite, target, results), StandardCharsets.UTF_8);
    return file;
  }

  public static String render(String suite, String target, List<CaseResult> results) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Markup.escape(suite)).append(" conformance</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}\n")
        .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\n")
        .append("th{background:#eee}.pass{color:#0a6b0a;font-weight:bold}.fail{color:#b00020;font-weight:bold}\n")
        .append("code{font-size:.9em}\n</style>\n</head>\n<body>\n<h1>")
        .append(Markup.escape(suite)).append("</h1>\n<p>Target: ").append(Markup.escape(target))
        .append("<br>").append(Markup.escape(Tally.of(results).toString())).append("</p>\n<table>\n")
        .append("<tr><th>Result</th><th>Case</th><th>Description</th><th>Expected</th><th>Actual</th>")
        .append("<th>Message</th></tr>\n");
    for (CaseResult result : results) {
      html.append("<tr><td class=\"").append(result.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td><code>")
          .append(Markup.escape(result.caseId())).append("</code></td><td>")
          .append(Markup.escape(result.description())).append("</td><td>")
          .append(Markup.escape(result.expected().toString())).append("</td><td>")
          .append(Markup.escape(result.actualSummary())).append("</td><td>")
          .append(Markup.escape(result.message())).append("</td></tr>\n");
    }
    return html.append("</table>\n</body>\n</html>\n").toString();
  }
}

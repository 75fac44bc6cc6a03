package gov.qpp.conformance;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogException;
import gov.qpp.validators.catalog.CatalogLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the conformance suite and prints one line per case, then {@code N passed, M failed}. Exit status 0 when
 * every case passed, 1 when some failed, 2 when the command line, the catalog or the manifest is unusable.
 */
public final class ConformanceMain {

  static final int ALL_PASSED = 0;
  static final int SOME_FAILED = 1;
  static final int CONFIGURATION_ERROR = 2;

  private ConformanceMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args, System.getenv());
    } catch (CliOptions.UsageException e) {
      err.println("conformance: " + e.getMessage());
      err.println(CliOptions.USAGE);
      return CONFIGURATION_ERROR;
    }
    if (options.help()) {
      out.println(CliOptions.USAGE);
      return ALL_PASSED;
    }
    Manifest manifest;
    Target target;
    try {
      manifest = options.manifest() == null ? Manifest.fromClasspath() : Manifest.load(options.manifest());
      target = options.gateway() != null
          ? new HttpTarget(options.gateway(), options.token())
          : new InProcessTarget(CatalogLoader.load(catalogFolder(options)));
    } catch (ManifestException | CatalogException e) {
      err.println("conformance: " + e.getMessage());
      return CONFIGURATION_ERROR;
    }

    out.println("conformance: suite " + manifest.suite() + ", " + manifest.cases().size() + " cases against "
        + target.describe());
    List<CaseResult> results = new ConformanceRunner(target).run(manifest.cases(), result -> out.println(line(result)));
    if (options.reportDir() != null && !writeReports(options.reportDir(), manifest.suite(), target, results, out,
        err)) {
      return CONFIGURATION_ERROR;
    }
    Tally tally = Tally.of(results);
    out.println(tally);
    return tally.failed() == 0 ? ALL_PASSED : SOME_FAILED;
  }

  /**
   * --measures or QPP_MEASURES_DIR, else the shared reference folder's catalog (2017-2026) when present, else the
   * npm package packed in the jar (2017-2022; every shipped case passes on either).
   */
  static Path catalogFolder(CliOptions options) {
    return options.measures() != null ? options.measures() : SharedFolder.measures().orElse(null);
  }

  static String line(CaseResult result) {
    return result.passed()
        ? "PASS " + result.caseId() + ": " + result.actualSummary()
        : "FAIL " + result.caseId() + ": " + result.message();
  }

  private static boolean writeReports(Path directory, String suite, Target target, List<CaseResult> results,
      PrintStream out, PrintStream err) {
    try {
      out.println("report: " + JunitXmlReport.write(directory, suite, results));
      out.println("report: " + HtmlReport.write(directory, suite, target.describe(), results));
      return true;
    } catch (IOException e) {
      err.println("conformance: cannot write reports to " + directory + ": " + e);
      return false;
    }
  }
}

package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long the gateway's start-up spends loading the whole measure catalog: one cold load (class loading,
 * JIT, cold file cache) and then five timed loads in the same JVM.
 * Usage: {@code java -cp load-tests.jar gov.qpp.load.CatalogLoadBenchmark [DIR]}; DIR defaults to
 * QPP_MEASURES_DIR, then the shared folder's qpp-measures-data (../shared, or -Dqpp.shared.dir).
 */
public final class CatalogLoadBenchmark {

  static final int TIMED_LOADS = 5;

  private CatalogLoadBenchmark() {
  }

  public static void main(String[] args) {
    Path directory = directory(args);
    if (!Files.isDirectory(directory)) {
      System.err.println("no measure catalog folder at " + directory
          + "; pass one as the argument or set QPP_MEASURES_DIR");
      System.exit(2);
    }
    long coldStart = System.nanoTime();
    MeasureCatalog cold = CatalogLoader.fromDirectory(directory);
    double coldMillis = (System.nanoTime() - coldStart) / 1e6;

    List<Double> timed = new ArrayList<>();
    MeasureCatalog loaded = cold;
    for (int i = 0; i < TIMED_LOADS; i++) {
      long start = System.nanoTime();
      loaded = CatalogLoader.fromDirectory(directory);
      timed.add((System.nanoTime() - start) / 1e6);
    }
    MeasureCatalog last = loaded;
    Collections.sort(timed);
    System.out.printf(Locale.ROOT, "catalog            %s%n", last.source());
    int measures = last.years().stream().mapToInt(year -> last.year(year).orElseThrow().measureCount()).sum();
    System.out.printf(Locale.ROOT, "years loaded       %s (%d years, %d measures)%n", last.years(),
        last.years().size(), measures);
    System.out.printf(Locale.ROOT, "machine            %s%n", Machine.current().describe());
    System.out.printf(Locale.ROOT, "cold load          %.0f ms%n", coldMillis);
    System.out.printf(Locale.ROOT, "timed loads (%d)    min %.0f ms, median %.0f ms, max %.0f ms%n", TIMED_LOADS,
        timed.get(0), timed.get(timed.size() / 2), timed.get(timed.size() - 1));
  }

  private static Path directory(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    String configured = System.getenv("QPP_MEASURES_DIR");
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : SharedFolder.measures().orElse(Path.of("../shared/qpp-measures-data"));
  }
}

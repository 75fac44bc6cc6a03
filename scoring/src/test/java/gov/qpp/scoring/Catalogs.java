package gov.qpp.scoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The measure catalogs of the scoring tests, each loaded once per test JVM: the one packed into the validators jar
 * (CMS's qpp-measures-data npm package, 2017-2022), which every build has, and the shared folder's (2017-2026),
 * for the rules of 2023 on; a test that needs the shared one is skipped without it.
 */
final class Catalogs {

  /** The last performance year of the packed catalog. */
  static final int LAST_PACKED_YEAR = 2022;

  private static MeasureCatalog packed;
  private static MeasureCatalog shared;

  private Catalogs() {
  }

  static synchronized MeasureCatalog packed() {
    if (packed == null) {
      packed = CatalogLoader.fromClasspath();
    }
    return packed;
  }

  static synchronized MeasureCatalog shared() {
    assumeTrue(SharedFolder.measures().isPresent(),
        "skipped: needs the shared folder's catalog (2023+ years, or its own 2022 benchmarks);"
            + " ../shared/qpp-measures-data not found (set qpp.shared.dir)");
    if (shared == null) {
      shared = CatalogLoader.fromDirectory(SharedFolder.measures().get());
    }
    return shared;
  }

  /** A catalog of our own under {@code root} with one empty year (no measure, no benchmark). */
  static CatalogYear empty(Path root, int year) throws IOException {
    Files.createDirectories(root.resolve("measures/" + year));
    Files.writeString(root.resolve("measures/" + year + "/measures-data.json"), "[]");
    Files.createDirectories(root.resolve("benchmarks"));
    Files.writeString(root.resolve("benchmarks/" + year + ".json"), "[]");
    return CatalogLoader.fromDirectory(root).year(year).orElseThrow();
  }

  /** The year's catalog: the packed one for 2017-2022, the shared one after (skipped without it). */
  static CatalogYear year(int year) {
    MeasureCatalog catalog = year <= LAST_PACKED_YEAR ? packed() : shared();
    return catalog.year(year).orElseThrow(() -> new AssertionError("no catalog year " + year));
  }
}

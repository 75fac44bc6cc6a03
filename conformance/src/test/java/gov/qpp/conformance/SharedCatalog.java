package gov.qpp.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared folder's measure catalog, loaded once per test JVM; tests needing it are skipped when absent. Tests that
 * need only a catalog use the one packed into the build ({@code CatalogLoader.fromClasspath()}), as
 * ManifestCasesTest does.
 */
final class SharedCatalog {

  private static MeasureCatalog catalog;

  private SharedCatalog() {
  }

  static Path folder() {
    Optional<Path> measures = SharedFolder.measures();
    assumeTrue(measures.isPresent(), "skipped: needs the shared folder's catalog (2017-2026);"
        + " ../shared/qpp-measures-data not found (set -Dqpp.shared.dir or QPP_SHARED_DIR)");
    return measures.get();
  }

  static synchronized MeasureCatalog get() {
    Path folder = folder();
    if (catalog == null) {
      catalog = CatalogLoader.fromDirectory(folder);
    }
    return catalog;
  }
}

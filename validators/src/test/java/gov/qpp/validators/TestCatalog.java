package gov.qpp.validators;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared folder's catalog (2017-2026), loaded once per test JVM; tests are skipped when it is absent. Tests that
 * need only a catalog use {@link PackedCatalog} instead, which every build has.
 */
public final class TestCatalog {

  private static MeasureCatalog catalog;

  private TestCatalog() {
  }

  public static synchronized MeasureCatalog get() {
    Optional<Path> measures = SharedFolder.measures();
    assumeTrue(measures.isPresent(), "skipped: needs the shared folder's catalog (2023+ years, or data the packed"
        + " 2017-2022 catalog lacks); ../shared/qpp-measures-data not found (set qpp.shared.dir)");
    if (catalog == null) {
      catalog = CatalogLoader.fromDirectory(measures.get());
    }
    return catalog;
  }

  public static CatalogYear year(int year) {
    Optional<CatalogYear> found = get().year(year);
    assumeTrue(found.isPresent(), "skipped: the configured catalog has no year " + year);
    return found.get();
  }
}

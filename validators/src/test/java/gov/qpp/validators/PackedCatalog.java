package gov.qpp.validators;

import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;

/**
 * The catalog packed into the build (CMS's qpp-measures-data npm package, performance years 2017-2022), loaded
 * once per test JVM. Always present, so tests that need only a catalog run everywhere; {@link TestCatalog} stays
 * for the tests that need the shared folder's 2023+ years.
 */
public final class PackedCatalog {

  private static MeasureCatalog catalog;

  private PackedCatalog() {
  }

  public static synchronized MeasureCatalog get() {
    if (catalog == null) {
      catalog = CatalogLoader.fromClasspath();
    }
    return catalog;
  }
}

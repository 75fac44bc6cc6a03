package gov.qpp.validators;

import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;

/**
 * The catalog packed into the build (CMS's qpp-measures-data npm package, 2017-2022): always there, so tests that
 * need only a catalog run on every machine, with or without the shared folder.
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

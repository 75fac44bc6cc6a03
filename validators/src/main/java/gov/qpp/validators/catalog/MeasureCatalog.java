package gov.qpp.validators.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The measure catalogs of every loaded performance year. Loaded once at start-up, immutable, shared. */
public final class MeasureCatalog {

  private final Map<Integer, CatalogYear> years;
  private final String source;

  MeasureCatalog(Map<Integer, CatalogYear> years, String source) {
    this.years = Map.copyOf(years);
    this.source = source;
  }

  public Optional<CatalogYear> year(int performanceYear) {
    return Optional.ofNullable(years.get(performanceYear));
  }

  public SortedSet<Integer> years() {
    return new TreeSet<>(years.keySet());
  }

  /** Where the catalog was read from, for logs and /ready. */
  public String source() {
    return source;
  }
}

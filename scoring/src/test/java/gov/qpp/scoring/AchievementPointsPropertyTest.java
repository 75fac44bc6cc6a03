package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.Benchmark;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.catalog.QualityMeasure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over every quality benchmark of 2017–2025 and rates 0 to 100 in steps of 0.25: a better rate (higher, or lower
 * for an inverse measure) never earns fewer achievement points, and the points stay within [1, 10]. The packed
 * catalog's years (2017-2022) everywhere; the shared folder's 2022 (other benchmarks) to 2025 with ../shared.
 */
class AchievementPointsPropertyTest {

  static final List<String> METHODS = List.of("claims", "registry", "electronicHealthRecord", "cmsWebInterface");

  @Test
  void morePerformanceNeverLowersAMeasuresPoints() {
    int checked = checkYears(Catalogs.packed(), 2017, 2022);
    assertTrue(checked > 1_000, "benchmarks checked: " + checked);
  }

  @Test
  void morePerformanceNeverLowersAMeasuresPointsIn2022To2025() {
    int checked = checkYears(Catalogs.shared(), 2022, 2025);
    assertTrue(checked > 1_000, "benchmarks checked: " + checked);
  }

  /** How many benchmarks were checked. */
  private static int checkYears(MeasureCatalog catalog, int from, int to) {
    int checked = 0;
    for (int year = from; year <= to; year++) {
      CatalogYear catalogYear = catalog.year(year).orElseThrow();
      for (var measure : catalogYear.inCategory("quality")) {
        for (String method : METHODS) {
          Benchmark benchmark = catalogYear.benchmark(measure.measureId(), method).orElse(null);
          if (benchmark == null) {
            continue;
          }
          boolean inverse = benchmark.inverse() != null ? benchmark.inverse() : ((QualityMeasure) measure).inverse();
          double previous = Double.NEGATIVE_INFINITY;
          for (int step = 0; step <= 400; step++) {
            double rate = inverse ? 100 - step * 0.25 : step * 0.25; // from worst to best
            double points = AchievementPoints.score(benchmark, rate, inverse).points();
            String where = year + " " + measure.measureId() + " " + method + " at " + rate;
            assertTrue(points >= previous - 1e-9, where + ": " + points + " after " + previous);
            assertTrue(points >= 1 && points <= 10, where + ": " + points);
            previous = points;
          }
          checked++;
        }
      }
    }
    return checked;
  }
}

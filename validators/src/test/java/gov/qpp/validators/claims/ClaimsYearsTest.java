package gov.qpp.validators.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/claims.md's table of what is computed per year, held against the shared catalog (2017-2025); the packed
 * catalog's 2017-2021 files are the same as the shared ones, so those rows hold there too.
 */
class ClaimsYearsTest {

  @Test
  void theComputedMeasuresPerYearAreTheDocumentedOnes() throws Exception {
    Map<Integer, Integer> computed = Map.of(2017, 66, 2018, 62, 2019, 55, 2020, 50, 2021, 44, 2022, 32, 2023, 28,
        2024, 24, 2025, 22);
    Map<Integer, List<String>> notComputed = Map.of(
        2017, List.of("046", "091", "093", "110", "407", "415", "416", "435"),
        2018, List.of("014", "046", "091", "093", "110", "226", "407", "415", "416", "435"),
        2019, List.of("046", "091", "093", "110", "226", "407", "415", "416", "435"),
        2020, List.of("093", "110", "226", "416", "435"),
        2021, List.of("093", "110", "416"),
        2022, List.of("110", "416"),
        2023, List.of("110", "111"),
        2024, List.of("112", "128"),
        2025, List.of("112", "113", "128"));
    for (int year = 2017; year <= 2025; year++) {
      assertYear(TestCatalog.get(), year, computed.get(year), notComputed.get(year));
    }
  }

  @Test
  void thePackedCatalogComputesTheDocumentedMeasuresOf2017To2021() throws Exception {
    Map<Integer, Integer> computed = Map.of(2017, 66, 2018, 62, 2019, 55, 2020, 50, 2021, 44);
    Map<Integer, List<String>> notComputed = Map.of(
        2017, List.of("046", "091", "093", "110", "407", "415", "416", "435"),
        2018, List.of("014", "046", "091", "093", "110", "226", "407", "415", "416", "435"),
        2019, List.of("046", "091", "093", "110", "226", "407", "415", "416", "435"),
        2020, List.of("093", "110", "226", "416", "435"),
        2021, List.of("093", "110", "416"));
    for (int year = 2017; year <= 2021; year++) {
      assertYear(PackedCatalog.get(), year, computed.get(year), notComputed.get(year));
    }
    // the npm package's 2022 file carries no claims specifications (the shared folder's does): nothing to compute
    assertYear(PackedCatalog.get(), 2022, 0, List.of());
  }

  private static void assertYear(MeasureCatalog catalog, int year, int computed, List<String> notComputed)
      throws Exception {
    // an empty file for the year: the outcome still lists what the year computes
    ClaimsOutcome outcome = new ClaimsIntake(catalog, ClaimsIntake.Limits.DEFAULT)
        .intake(ClaimsFormat.JSON_LINES, new ByteArrayInputStream(new byte[0]), year);
    assertEquals(computed, outcome.computedMeasures().size(), "computed in " + year);
    assertEquals(notComputed, outcome.notComputed().stream().map(ClaimsOutcome.NotComputed::measureId)
        .sorted().toList(), "not computed in " + year);
  }
}

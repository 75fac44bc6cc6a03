package gov.qpp.validators.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.validators.TestCatalog;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/claims.md's table of what is computed per year, held against the shared catalog. */
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
      // an empty file for the year: the outcome still lists what the year computes
      ClaimsOutcome outcome = new ClaimsIntake(TestCatalog.get(), ClaimsIntake.Limits.DEFAULT)
          .intake(ClaimsFormat.JSON_LINES, new ByteArrayInputStream(new byte[0]), year);
      assertEquals(computed.get(year), outcome.computedMeasures().size(), "computed in " + year);
      assertEquals(notComputed.get(year), outcome.notComputed().stream().map(ClaimsOutcome.NotComputed::measureId)
          .sorted().toList(), "not computed in " + year);
    }
  }
}

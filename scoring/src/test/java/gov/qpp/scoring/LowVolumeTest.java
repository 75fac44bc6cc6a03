package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The low-volume threshold per year (MIPS-RULES.md §3.1), at and around each bound. */
class LowVolumeTest {

  private static LowVolume.Determination of(int year, String charges, long beneficiaries, long services) {
    return LowVolume.determine(LowVolume.thresholds(year).orElseThrow(),
        new LowVolume.Volume(new BigDecimal(charges), beneficiaries, services));
  }

  @Test
  void atABoundIsAtOrBelowIt() {
    // 2017: $30,000 exactly is at the bound: excluded; one cent more with 101 beneficiaries: required
    assertEquals(LowVolume.Status.EXCLUDED, of(2017, "30000.00", 500, 0).status());
    assertEquals(LowVolume.Status.REQUIRED, of(2017, "30000.01", 101, 0).status());
    assertEquals(LowVolume.Status.EXCLUDED, of(2017, "1000000", 100, 0).status());
  }

  @Test
  void coveredServicesCountFrom2019() {
    // 2018: 10 services do not matter; 2019: they are the one criterion at or below, so the clinician may opt in
    assertEquals(LowVolume.Status.REQUIRED, of(2018, "90000.01", 201, 10).status());
    LowVolume.Determination determination = of(2019, "90000.01", 201, 10);
    assertEquals(LowVolume.Status.OPT_IN_ELIGIBLE, determination.status());
    assertEquals(List.of("covered professional services 10 ≤ 200"), determination.atOrBelow());
  }

  @Test
  void atOrBelowEveryCriterionIsExcludedWithoutOptIn() {
    LowVolume.Determination determination = of(2025, "50000", 150, 150);
    assertEquals(LowVolume.Status.EXCLUDED, determination.status());
    assertEquals(3, determination.atOrBelow().size());
    // two of three at or below: still may opt in
    assertEquals(LowVolume.Status.OPT_IN_ELIGIBLE, of(2025, "50000", 150, 250).status());
  }

  @Test
  void every2017To2025YearHasThresholds() {
    for (int year = 2017; year <= 2025; year++) {
      assertTrue(LowVolume.thresholds(year).isPresent(), "thresholds for " + year);
    }
  }
}

package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed adjustments (MIPS-RULES.md §3.7); the arithmetic is in each comment. */
class PaymentAdjustmentTest {

  private static final double EPSILON = 1e-9;

  private static PaymentAdjustment.YearRules year(int year) {
    return PaymentAdjustment.rules(year).orElseThrow();
  }

  @Test
  void atOrBelowAQuarterOfTheThresholdTheFullNegativeAdjustment() {
    // 2020: PT 45, A 9; PT/4 = 11.25 -> -9 at 0 and at 11.25 (the spec's own check)
    assertEquals(-9, PaymentAdjustment.of(year(2020), 0, 1, 1).adjustment(), EPSILON);
    assertEquals(-9, PaymentAdjustment.of(year(2020), 11.25, 1, 1).adjustment(), EPSILON);
  }

  @Test
  void betweenAQuarterOfTheThresholdAndTheThresholdLinearToZero() {
    // 2020: -9 x (45 - 11.26) / 45 = -9 x 33.74 / 45 = -6.748 (the spec: "about -6.75 %")
    assertEquals(-6.748, PaymentAdjustment.of(year(2020), 11.26, 1, 1).adjustment(), EPSILON);
    // 2025: PT 75: -9 x (75 - 60) / 75 = -1.8
    assertEquals(-1.8, PaymentAdjustment.of(year(2025), 60, 1, 1).adjustment(), EPSILON);
  }

  @Test
  void atTheThresholdNeutralAboveItScaledForBudgetNeutrality() {
    assertEquals(0, PaymentAdjustment.of(year(2025), 75, 1, 1).adjustment(), EPSILON);
    // 2025: 9 x (87.5 - 75) / (100 - 75) x 0.25 = 9 x 0.5 x 0.25 = 1.125
    assertEquals(1.125, PaymentAdjustment.of(year(2025), 87.5, 0.25, 1).adjustment(), EPSILON);
    // 2023: no exceptional pool, so 100 points with scaling 1 earn A = 9 and nothing more
    assertEquals(9, PaymentAdjustment.of(year(2023), 100, 1, 1).adjustment(), EPSILON);
  }

  @Test
  void exceptionalPerformanceAddsItsOwnLinearScaleUntil2022() {
    // 2017: PT 3, A 4, EPT 70. FS 85: base 4 x (85 - 3) / 97 x 1 = 3.381443298...;
    // exceptional 0.5 + (10 - 0.5) x (85 - 70) / 30 = 0.5 + 4.75 = 5.25, paid at half the pool: 2.625
    PaymentAdjustment.Result result = PaymentAdjustment.of(year(2017), 85, 1, 0.5);
    assertEquals(4.0 * 82 / 97, result.base(), EPSILON);
    assertEquals(2.625, result.exceptional(), EPSILON);
    assertEquals(4.0 * 82 / 97 + 2.625, result.adjustment(), EPSILON);
    // just below EPT nothing extra
    assertEquals(0, PaymentAdjustment.of(year(2017), 69.99, 1, 1).exceptional(), EPSILON);
  }

  @Test
  void everyYearFrom2017To2025HasItsRulesAndBadInputIsRefused() {
    for (int y = 2017; y <= 2025; y++) {
      assertTrue(PaymentAdjustment.rules(y).isPresent(), "rules for " + y);
    }
    assertThrows(IllegalArgumentException.class, () -> PaymentAdjustment.of(year(2025), 101, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> PaymentAdjustment.of(year(2025), 80, 0, 1));
  }
}

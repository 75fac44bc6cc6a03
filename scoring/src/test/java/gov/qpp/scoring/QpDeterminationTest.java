package gov.qpp.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.scoring.QpDetermination.Basis;
import gov.qpp.scoring.QpDetermination.Determination;
import gov.qpp.scoring.QpDetermination.Status;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * QP determination at and around each threshold. 2017 is the (QP 25 % payments or 20 % patients; partial QP
 * 20 % / 10 %); the other years assume the values of scoring/qp-rules.json, which are open rule questions: 2018 as
 * 2017, 2019–2024 QP 50 / 35 and partial 40 / 25 (the statute for 2019–2020, then the CAA 2021/2023/2024 freezes),
 * 2025 QP 75 / 50 and partial 50 / 35.
 */
class QpDeterminationTest {

  private static Determination of(int year, String payment, String patients) {
    return QpDetermination.determine(QpDetermination.thresholds(year).orElseThrow(), "APM-1",
        payment == null ? null : new BigDecimal(payment), patients == null ? null : new BigDecimal(patients));
  }

  @Test
  void exactly2017sQpThresholdMeetsIt() {
    // payment 25 = 25 → QP by payment; 25.000 is the same number; patients 20 = 20 → QP by patient count
    assertEquals(Set.of(Basis.PAYMENT_AMOUNT), of(2017, "25", "5").metBy());
    assertEquals(Status.QP, of(2017, "25.000", null).status());
    Determination byPatients = of(2017, "24.99", "20");
    assertEquals(Status.QP, byPatients.status());
    assertEquals(Set.of(Basis.PATIENT_COUNT), byPatients.metBy());
    assertEquals("on the participation list of APM-1, QP: payment amount 24.99 % < 25 %, patient count 20 % ≥ 20 %"
        + " (QP thresholds of 2017)", byPatients.why());
    assertEquals(Set.of(Basis.PAYMENT_AMOUNT, Basis.PATIENT_COUNT), of(2017, "30", "21").metBy());
  }

  @Test
  void belowQpButAtPartialQpIn2017() {
    // 24.99 < 25 and 19.99 < 20, but 24.99 ≥ 20 and 19.99 ≥ 10 → partial QP by both
    Determination both = of(2017, "24.99", "19.99");
    assertEquals(Status.PARTIAL_QP, both.status());
    assertEquals(Set.of(Basis.PAYMENT_AMOUNT, Basis.PATIENT_COUNT), both.metBy());
    // 20 exactly on payment → partial; 10 exactly on patients → partial
    assertEquals(Set.of(Basis.PAYMENT_AMOUNT), of(2017, "20", "9.99").metBy());
    assertEquals(Set.of(Basis.PATIENT_COUNT), of(2017, "19.99", "10").metBy());
    // 19.99 < 20 and 9.99 < 10 → not a QP
    Determination neither = of(2017, "19.99", "9.99");
    assertEquals(Status.NOT_QP, neither.status());
    assertEquals(Set.of(), neither.metBy());
    assertEquals("on the participation list of APM-1, not a QP: payment amount 19.99 % < 20 %, patient count 9.99 %"
        + " < 10 % (partial QP thresholds of 2017)", neither.why());
  }

  @Test
  void missingScoresAreNotMet() {
    assertEquals(Status.QP, of(2017, null, "20").status());
    assertEquals(Status.PARTIAL_QP, of(2017, "20", null).status());
    Determination none = of(2017, null, null);
    assertEquals(Status.NOT_QP, none.status());
    assertEquals("on the participation list of APM-1, not a QP: no threshold score", none.why());
  }

  @Test
  void offTheParticipationListScoresDoNotMatter() {
    Determination off = QpDetermination.determine(QpDetermination.thresholds(2017).orElseThrow(), null,
        new BigDecimal("100"), new BigDecimal("100"));
    assertEquals(Status.NOT_IN_ADVANCED_APM, off.status());
    assertFalse(off.excludedFromMips(false));
  }

  @Test
  void assumedThresholdsOfLaterYears() {
    // 2018 as 2017 (assumed): 25 → QP
    assertEquals(Status.QP, of(2018, "25", null).status());
    // 2019 (assumed 50/35, 40/25): 49.99 → partial; 50 → QP; patients 35 → QP; 39.99 and 24.99 → not a QP
    assertEquals(Status.PARTIAL_QP, of(2019, "49.99", "34.99").status());
    assertEquals(Status.QP, of(2019, "50", null).status());
    assertEquals(Status.QP, of(2019, null, "35").status());
    assertEquals(Status.NOT_QP, of(2019, "39.99", "24.99").status());
    // 2021–2024 held at 50/35, 40/25 (assumed freezes): 50 → QP, 40 → partial in each year
    for (int year = 2021; year <= 2024; year++) {
      assertEquals(Status.QP, of(year, "50", null).status(), "year " + year);
      assertEquals(Status.PARTIAL_QP, of(year, "40", "0").status(), "year " + year);
    }
    // 2025 (assumed 75/50, 50/35): 74.99 and 49.99 → partial; 75 → QP; 49.99 and 34.99 → not a QP
    assertEquals(Status.PARTIAL_QP, of(2025, "74.99", "49.99").status());
    assertEquals(Status.QP, of(2025, "75", "0").status());
    assertEquals(Status.QP, of(2025, "0", "50").status());
    assertEquals(Status.NOT_QP, of(2025, "49.99", "34.99").status());
  }

  @Test
  void qpsAreExcludedAndPartialQpsUnlessTheyReport() {
    assertTrue(of(2017, "25", null).excludedFromMips(true));
    assertTrue(of(2017, "20", null).excludedFromMips(false));
    assertFalse(of(2017, "20", null).excludedFromMips(true));
    assertFalse(of(2017, "1", "1").excludedFromMips(false));
  }

  @Test
  void yearsWithoutThresholdsAndBadScores() {
    assertTrue(QpDetermination.thresholds(2016).isEmpty());
    assertTrue(QpDetermination.thresholds(2026).isEmpty());
    for (int year = 2017; year <= 2025; year++) {
      assertTrue(QpDetermination.thresholds(year).isPresent(), "year " + year);
    }
    assertThrows(IllegalArgumentException.class, () -> of(2017, "100.01", null));
    assertThrows(IllegalArgumentException.class, () -> of(2017, null, "-1"));
  }
}

package gov.qpp.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Qualifying APM Participant (QP) determination, Medicare option, pure: a clinician on an Advanced APM's
 * participation list whose payment-amount or patient-count threshold score is at or above the year's QP threshold
 * is a QP, excluded from MIPS; at or above the partial-QP threshold, a partial QP, who is excluded from MIPS unless
 * they choose to report to it. A score exactly at a threshold meets it (exact decimal comparison). The thresholds are
 * data ({@code scoring/qp-rules.json}); all but 2017's are open rule questions.
 */
public final class QpDetermination {

  public enum Status { QP, PARTIAL_QP, NOT_QP, NOT_IN_ADVANCED_APM }

  /** The two ways to reach a threshold. */
  public enum Basis {
    PAYMENT_AMOUNT("payment amount"),
    PATIENT_COUNT("patient count");

    final String words;

    Basis(String words) {
      this.words = words;
    }
  }

  /** One year's thresholds in percent. */
  public record Thresholds(int year, BigDecimal qpPayment, BigDecimal qpPatients, BigDecimal partialPayment,
      BigDecimal partialPatients) {
  }

  /**
   * @param metBy the bases whose score met the status's threshold (empty for NOT_QP and NOT_IN_ADVANCED_APM)
   */
  public record Determination(Status status, String why, Set<Basis> metBy) {
    public Determination {
      metBy = Set.copyOf(metBy);
    }

    /**
     * A QP is excluded from MIPS; a partial QP only when it does not report to MIPS (it may choose to, and is then
     * scored); anyone else is not excluded by this determination (low volume and other exclusions are separate).
     */
    public boolean excludedFromMips(boolean partialQpReportsToMips) {
      return status == Status.QP || status == Status.PARTIAL_QP && !partialQpReportsToMips;
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static final Map<Integer, Thresholds> BY_YEAR = YearTable.load("/scoring/qp-rules.json",
      (year, y) -> new Thresholds(year, y.get("qp").get("payment").decimalValue(),
          y.get("qp").get("patients").decimalValue(), y.get("partialQp").get("payment").decimalValue(),
          y.get("partialQp").get("patients").decimalValue()));

  private QpDetermination() {
  }

  public static Optional<Thresholds> thresholds(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /**
   * @param advancedApmEntityId the Advanced APM entity whose participation list names the clinician, or null
   * @param paymentScore APM payments / all Part B payments × 100, or null when not computed
   * @param patientScore APM patients / attribution-eligible patients × 100, or null when not computed
   */
  public static Determination determine(Thresholds thresholds, String advancedApmEntityId, BigDecimal paymentScore,
      BigDecimal patientScore) {
    checkPercent("payment-amount score", paymentScore);
    checkPercent("patient-count score", patientScore);
    if (advancedApmEntityId == null || advancedApmEntityId.isBlank()) {
      return new Determination(Status.NOT_IN_ADVANCED_APM, "not on an Advanced APM participation list", Set.of());
    }
    String on = "on the participation list of " + advancedApmEntityId + ", ";
    Set<Basis> qp = met(paymentScore, thresholds.qpPayment(), patientScore, thresholds.qpPatients());
    if (!qp.isEmpty()) {
      return new Determination(Status.QP, on + "QP: " + compared(thresholds, paymentScore, patientScore, true), qp);
    }
    Set<Basis> partial = met(paymentScore, thresholds.partialPayment(), patientScore, thresholds.partialPatients());
    if (!partial.isEmpty()) {
      return new Determination(Status.PARTIAL_QP,
          on + "partial QP: " + compared(thresholds, paymentScore, patientScore, false), partial);
    }
    String why = paymentScore == null && patientScore == null ? "no threshold score"
        : compared(thresholds, paymentScore, patientScore, false);
    return new Determination(Status.NOT_QP, on + "not a QP: " + why, Set.of());
  }

  private static Set<Basis> met(BigDecimal payment, BigDecimal paymentThreshold, BigDecimal patients,
      BigDecimal patientThreshold) {
    Set<Basis> met = EnumSet.noneOf(Basis.class);
    if (payment != null && payment.compareTo(paymentThreshold) >= 0) {
      met.add(Basis.PAYMENT_AMOUNT);
    }
    if (patients != null && patients.compareTo(patientThreshold) >= 0) {
      met.add(Basis.PATIENT_COUNT);
    }
    return met;
  }

  /** Each score given against the QP (or partial-QP) threshold, in words: "payment amount 25 % ≥ 25 %". */
  private static String compared(Thresholds thresholds, BigDecimal payment, BigDecimal patients, boolean qp) {
    List<String> words = new ArrayList<>();
    if (payment != null) {
      words.add(comparison(Basis.PAYMENT_AMOUNT, payment, qp ? thresholds.qpPayment() : thresholds.partialPayment()));
    }
    if (patients != null) {
      words.add(comparison(Basis.PATIENT_COUNT, patients,
          qp ? thresholds.qpPatients() : thresholds.partialPatients()));
    }
    return String.join(", ", words) + " (" + (qp ? "QP" : "partial QP") + " thresholds of " + thresholds.year()
        + ")";
  }

  private static String comparison(Basis basis, BigDecimal score, BigDecimal threshold) {
    return basis.words + " " + score.toPlainString() + " % " + (score.compareTo(threshold) >= 0 ? "≥" : "<") + " "
        + threshold.toPlainString() + " %";
  }

  private static void checkPercent(String name, BigDecimal score) {
    if (score != null && (score.signum() < 0 || score.compareTo(HUNDRED) > 0)) {
      throw new IllegalArgumentException(name + " must be a percent in [0, 100], got " + score.toPlainString());
    }
  }
}

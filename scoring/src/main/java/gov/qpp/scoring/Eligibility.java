package gov.qpp.scoring;

import java.util.List;

/**
 * What CMS knows of a clinician (or group) for the year, beyond its submissions: the special statuses that double
 * improvement activities and earn bonuses, the complex-patient bonus, the low-volume status and opt-in, APM
 * participation with the QP determination. Supplied in an eligibility file or, for low volume, derived from claims.
 *
 * @param lowVolume null when not determined (no claims, no file): scored as required, and said so
 * @param apmEntityId the APM entity the clinician participates in, null when none
 * @param qp the QP determination, null when the clinician is on no APM participation list
 * @param cost the clinician's attributed cost measure values (CMS computes them from claims)
 */
public record Eligibility(boolean smallPractice, boolean rural, boolean hpsa, boolean nonPatientFacing,
    double complexPatientBonus, LowVolume.Determination lowVolume, String lowVolumeSource, boolean lowVolumeOptIn,
    String apmEntityId, QpDetermination.Determination qp, List<CostMeasureValue> cost) {

  public static final Eligibility UNKNOWN = new Eligibility(false, false, false, false, 0, null, null, false, null,
      null, List.of());

  public Eligibility {
    cost = List.copyOf(cost);
  }

  /** Small, rural, HPSA and non-patient-facing clinicians earn double improvement-activity points. */
  public boolean specialStatus() {
    return smallPractice || rural || hpsa || nonPatientFacing;
  }

  /**
   * "a Qualifying APM Participant (why)" when the clinician's QP status keeps them out of MIPS, else null. One with
   * submissions reports to MIPS, so a partial QP is scored.
   */
  public String qpExclusion() {
    return qp != null && qp.excludedFromMips(true) ? "a Qualifying APM Participant (" + qp.why() + ")" : null;
  }

  /** Why the clinician is outside MIPS payment adjustment, or null when inside. */
  public String exclusion() {
    if (qpExclusion() != null) {
      return qpExclusion() + ": excluded from MIPS";
    }
    if (lowVolume != null && lowVolume.status() == LowVolume.Status.EXCLUDED) {
      return "below the low-volume threshold (" + String.join("; ", lowVolume.atOrBelow()) + "): excluded from MIPS";
    }
    if (lowVolume != null && lowVolume.status() == LowVolume.Status.OPT_IN_ELIGIBLE && !lowVolumeOptIn) {
      return "may opt in to MIPS (" + String.join("; ", lowVolume.atOrBelow()) + ") and has not: excluded";
    }
    return null;
  }
}

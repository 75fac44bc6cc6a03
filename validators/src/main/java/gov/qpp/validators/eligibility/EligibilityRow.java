package gov.qpp.validators.eligibility;

import java.math.BigDecimal;
import java.util.List;

/**
 * One clinician's (npi null: the TIN's group's) eligibility data for a year, as CMS supplies it.
 *
 * @param lowVolume the Part B volume, when the file gives it (the gateway then determines the status)
 * @param apm the Advanced APM participation with its QP threshold scores, when on a participation list
 */
public record EligibilityRow(long line, String tin, String npi, int performanceYear, boolean smallPractice,
    boolean rural, boolean hpsa, boolean nonPatientFacing, double complexPatientBonus, boolean lowVolumeOptIn,
    Volume lowVolume, Apm apm, List<Cost> cost) {

  public record Volume(BigDecimal allowedCharges, long beneficiaries, long coveredServices) {
  }

  /** Threshold scores in percent; either may be null (not computed). */
  public record Apm(String entityId, boolean advanced, BigDecimal paymentPercent, BigDecimal patientPercent) {
  }

  /** A cost measure's attributed value: average cost per episode or beneficiary in dollars, and its cases. */
  public record Cost(String measureId, double value, int cases) {
  }
}

package gov.qpp.validators.model;

import java.math.BigDecimal;

/**
 * A clinician's (npi '' for a group) Medicare Part B volume in a year, for the low-volume threshold: allowed
 * charges, distinct beneficiaries and covered professional services. Computed from a claims file or supplied in an
 * eligibility file.
 *
 * @param allowedCharges null when not known (a claims file whose lines carried no amount), which is not zero
 */
public record PartBVolume(String tin, String npi, int performanceYear, BigDecimal allowedCharges, long beneficiaries,
    long coveredServices) {

  public PartBVolume {
    npi = npi == null ? "" : npi;
  }
}

package gov.qpp.validators.claims;

/** Whom claims are aggregated for: an individual clinician (TIN and NPI), or a group (the TIN, npi null). */
public record Clinician(String tin, String npi) {

  public boolean isGroup() {
    return npi == null;
  }

  @Override
  public String toString() {
    return isGroup() ? "group " + tin : "TIN " + tin + " NPI " + npi;
  }
}

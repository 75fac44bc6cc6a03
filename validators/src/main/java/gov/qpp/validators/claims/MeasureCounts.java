package gov.qpp.validators.claims;

/**
 * One rate's counts from claims: each eligible instance counted once under its most advantageous marker
 * (visit measures: once per matching procedure line); {@code eligiblePopulation} includes the instances with
 * no quality code at all, which is how a reporting gap shows in data completeness.
 */
public record MeasureCounts(String stratum, long performanceMet, long performanceNotMet, long exclusions,
    long exceptions, long eligiblePopulation) {

  /** True when at least one instance carries a quality code: the clinician reported the measure by claims. */
  public boolean reported() {
    return performanceMet + performanceNotMet + exclusions + exceptions > 0;
  }
}

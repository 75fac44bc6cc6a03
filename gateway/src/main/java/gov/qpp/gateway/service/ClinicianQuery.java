package gov.qpp.gateway.service;

import gov.qpp.validators.model.EntityKey;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Excerpt;

/**
 * The clinician and year a read asks about: a TIN, an optional NPI (none: the TIN's group), a performance year. One
 * reading for every endpoint, so they refuse the same things the same way.
 */
public record ClinicianQuery(String tin, String npi, int year) {

  /** From the request's texts (query or path); a malformed one is refused with 400 naming the parameter. */
  public static ClinicianQuery parse(String tin, String npi, String year) {
    if (!Tin.isWellFormed(tin)) {
      throw Refusal.badRequest("tin", "tin is required: 9 digits");
    }
    if (npi != null && !Npi.isWellFormed(npi)) {
      throw Refusal.badRequest("npi", "npi must be 10 digits");
    }
    if (year == null || !year.matches("20\\d\\d")) {
      throw Refusal.badRequest("year", "year is required: a performance year such as 2025"
          + (year == null ? "" : ", not '" + Excerpt.of(year) + "'"));
    }
    return new ClinicianQuery(tin, npi, Integer.parseInt(year));
  }

  /** The entity asked about: the clinician, or the TIN's group when there is no NPI. */
  public EntityKey entity() {
    return npi == null ? EntityKey.group(tin) : EntityKey.individual(tin, npi);
  }
}

package gov.qpp.validators.claims;

import java.util.List;

/**
 * A claim as a reader found it, every value still text (null when absent), before {@link ClaimChecks} judges it.
 * Both formats fill the same shape, so both are judged by the same rules.
 */
record RawClaim(String claimId, String tin, String npi, String beneficiaryId, String birthDate, String sex,
    String fromDate, String thruDate, List<String> diagnoses, List<RawLine> lines, long firstLine) {

  /** One claim line as text; {@code fileLine} is its line in the file (CSV), or the claim's line (JSON Lines). */
  record RawLine(String number, String hcpcs, List<String> modifiers, String placeOfService, String fromDate,
      String thruDate, String units, String charge, String allowed, long fileLine) {
  }
}

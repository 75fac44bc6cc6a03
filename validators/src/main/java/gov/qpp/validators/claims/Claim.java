package gov.qpp.validators.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One Part B claim as the readers check it: the rendering clinician (TIN, NPI), the beneficiary, the dates of
 * service, up to 12 ICD-10-CM diagnoses (dots removed) and its lines. {@code firstLine} is where it starts in the
 * file, for messages.
 */
public record Claim(String claimId, String tin, String npi, String beneficiaryId, LocalDate birthDate, Sex sex,
    LocalDate fromDate, LocalDate thruDate, Set<String> diagnoses, List<ClaimLine> lines, long firstLine) {

  public enum Sex { MALE, FEMALE, UNKNOWN }
}

package gov.qpp.validators.claims;

import java.math.BigDecimal;

/**
 * A clinician's (or group's) Part B volume in one claims file, for low-volume status: allowed charges, distinct
 * beneficiaries, and covered professional services (units of lines with an amount that are not quality data
 * codes). {@code amountsGiven} is false when no line carried an amount, so allowed charges are unknown, not zero.
 */
public record ClaimsVolume(Clinician clinician, BigDecimal allowedCharges, long beneficiaries, long coveredServices,
    boolean amountsGiven) {
}

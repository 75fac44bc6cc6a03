package gov.qpp.validators.claims;

import java.util.List;

/**
 * One claim line: a HCPCS/CPT code (quality data codes are ordinary lines, usually at $0.00), its modifiers, the
 * place of service, and the amount low-volume status is counted from, in cents: the allowed amount, else the
 * charge, else {@link #NO_AMOUNT}.
 */
public record ClaimLine(int number, String hcpcs, List<String> modifiers, String placeOfService, long units,
    long allowedCents) {

  public static final long NO_AMOUNT = -1;
}

package gov.qpp.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What a case expects: the outcome, and problem codes that must appear among those reported. Other codes may
 * appear too, so a fixture stays valid when the validator learns to say more about it.
 */
public record Expectation(Outcome outcome, List<String> codes) {

  public Expectation {
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    codes = List.copyOf(codes);
  }

  /** Why the observation falls short of this expectation, or empty when it meets it. */
  public Optional<String> mismatch(Observation observed) {
    if (observed.outcome() != outcome) {
      return Optional.of("expected " + outcome + ", got " + observed);
    }
    List<String> missing = codes.stream().filter(code -> !observed.codes().contains(code)).toList();
    if (!missing.isEmpty()) {
      return Optional.of("missing " + missing + "; got " + observed);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return outcome + " " + codes;
  }
}

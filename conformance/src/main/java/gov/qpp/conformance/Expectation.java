package gov.qpp.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What a case expects: the outcome, problem codes that must appear among those reported, and for an accepted
 * document optionally its score. Other codes may appear too, so a fixture stays valid when the validator learns to
 * say more about it.
 *
 * @param score null when the case says nothing of the score
 */
public record Expectation(Outcome outcome, List<String> codes, ScoreExpectation score) {

  public Expectation {
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    codes = List.copyOf(codes);
  }

  public Expectation(Outcome outcome, List<String> codes) {
    this(outcome, codes, null);
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
    if (score != null) {
      return observed.score() == null ? Optional.of("expected " + score + ", but no score was computed")
          : score.mismatch(observed.score());
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return outcome + " " + codes + (score == null ? "" : " " + score);
  }
}

package gov.qpp.conformance;

import java.util.Optional;

/** What a validator decided about a document, named as the manifest spells it. */
public enum Outcome {
  ACCEPTED("accepted"),
  REJECTED("rejected");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Outcome> fromLabel(String label) {
    for (Outcome outcome : values()) {
      if (outcome.label.equals(label)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}

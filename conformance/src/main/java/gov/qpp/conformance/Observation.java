package gov.qpp.conformance;

import java.util.LinkedHashSet;
import java.util.List;

/** What a target answered for one case: its decision and every problem code it reported (errors and warnings). */
public record Observation(Outcome outcome, List<String> codes) {

  public Observation {
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    // A code reported at several paths is listed once: the expectation only asks whether it appears.
    codes = List.copyOf(new LinkedHashSet<>(codes));
  }

  @Override
  public String toString() {
    return outcome + " " + codes;
  }
}

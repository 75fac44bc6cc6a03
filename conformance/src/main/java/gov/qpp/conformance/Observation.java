package gov.qpp.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a target answered for one case: its decision, every problem code it reported (errors and warnings), and when
 * the case asked for it, the score tree of the entity the document reports for (null otherwise).
 */
public record Observation(Outcome outcome, List<String> codes, JsonNode score) {

  public Observation {
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    // A code reported at several paths is listed once: the expectation only asks whether it appears.
    codes = List.copyOf(new LinkedHashSet<>(codes));
  }

  public Observation(Outcome outcome, List<String> codes) {
    this(outcome, codes, null);
  }

  @Override
  public String toString() {
    return outcome + " " + codes;
  }
}

package gov.qpp.conformance;

import java.time.Duration;
import java.util.List;

/**
 * How one case went. {@code actualOutcome} is null when the target gave no usable answer (the gateway was
 * unreachable or answered something other than 200 or 422); {@code message} then says what happened.
 */
public record CaseResult(String caseId, String description, boolean passed, Expectation expected,
    Outcome actualOutcome, List<String> actualCodes, String message, Duration elapsed) {

  public CaseResult {
    actualCodes = List.copyOf(actualCodes);
  }

  static CaseResult judged(ConformanceCase testCase, Observation observed, Duration elapsed) {
    var mismatch = testCase.expect().mismatch(observed);
    return new CaseResult(testCase.id(), testCase.description(), mismatch.isEmpty(), testCase.expect(),
        observed.outcome(), observed.codes(), mismatch.orElse(""), elapsed);
  }

  static CaseResult noAnswer(ConformanceCase testCase, String message, Duration elapsed) {
    return new CaseResult(testCase.id(), testCase.description(), false, testCase.expect(), null, List.of(),
        message, elapsed);
  }

  /** The actual answer as one short phrase for reports. */
  public String actualSummary() {
    return actualOutcome == null ? "no answer" : actualOutcome + " " + actualCodes;
  }
}

package gov.qpp.conformance;

import java.util.List;

/** Passed and failed counts of a run; its text is the CLI's closing line. */
public record Tally(int passed, int failed) {

  public static Tally of(List<CaseResult> results) {
    int passed = (int) results.stream().filter(CaseResult::passed).count();
    return new Tally(passed, results.size() - passed);
  }

  public int total() {
    return passed + failed;
  }

  @Override
  public String toString() {
    return passed + " passed, " + failed + " failed";
  }
}

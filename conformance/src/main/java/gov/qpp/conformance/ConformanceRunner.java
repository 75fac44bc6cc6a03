package gov.qpp.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs cases one after the other against a target and judges each answer against its expectation. */
public final class ConformanceRunner {

  private final Target target;

  public ConformanceRunner(Target target) {
    this.target = target;
  }

  /** Runs every case; {@code onResult} sees each result as soon as it is known, for progress output. */
  public List<CaseResult> run(List<ConformanceCase> cases, Consumer<CaseResult> onResult) {
    List<CaseResult> results = new ArrayList<>(cases.size());
    for (ConformanceCase testCase : cases) {
      CaseResult result = run(testCase);
      results.add(result);
      onResult.accept(result);
    }
    return List.copyOf(results);
  }

  public CaseResult run(ConformanceCase testCase) {
    long start = System.nanoTime();
    try {
      Observation observed = target.validate(testCase);
      return CaseResult.judged(testCase, observed, Duration.ofNanos(System.nanoTime() - start));
    } catch (TargetException e) {
      return CaseResult.noAnswer(testCase, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
    }
  }
}

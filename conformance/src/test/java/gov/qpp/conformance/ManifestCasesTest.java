package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of the shipped suite passes against the validator in this JVM, one test per case. */
class ManifestCasesTest {

  @TestFactory
  Stream<DynamicTest> everyShippedCasePassesInProcess() {
    // The catalog is asked for inside each test, so without the shared folder every case shows as skipped
    // (with the reason) instead of the whole factory vanishing from the report.
    return Manifest.fromClasspath().cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.id(), () -> {
      CaseResult result = new ConformanceRunner(new InProcessTarget(SharedCatalog.get())).run(testCase);
      assertTrue(result.passed(), testCase.id() + ": " + result.message());
    }));
  }

  @Test
  void shippedSuiteCoversBothOutcomes() {
    var cases = Manifest.fromClasspath().cases();
    assertEquals(7, cases.stream().filter(c -> c.expect().outcome() == Outcome.ACCEPTED).count());
    assertEquals(22, cases.stream().filter(c -> c.expect().outcome() == Outcome.REJECTED).count());
    assertEquals(java.util.Set.of("registry-json", "qrda3", "fhir"),
        cases.stream().map(ConformanceCase::format).collect(java.util.stream.Collectors.toSet()));
  }
}

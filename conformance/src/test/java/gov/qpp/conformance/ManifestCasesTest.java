package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.catalog.CatalogLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the shipped suite passes against the validator and scorer in this JVM, one test per case, with the
 * catalog packed into the build (so on every machine); .ci/run runs the suite with the shared 2017-2026 one too.
 */
class ManifestCasesTest {

  @TestFactory
  Stream<DynamicTest> everyShippedCasePassesInProcess() {
    InProcessTarget target = new InProcessTarget(CatalogLoader.fromClasspath());
    return Manifest.fromClasspath().cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.id(), () -> {
      CaseResult result = new ConformanceRunner(target).run(testCase);
      assertTrue(result.passed(), testCase.id() + ": " + result.message());
    }));
  }

  @Test
  void shippedSuiteCoversBothOutcomes() {
    var cases = Manifest.fromClasspath().cases();
    assertEquals(10, cases.stream().filter(c -> c.expect().outcome() == Outcome.ACCEPTED).count());
    assertEquals(3, cases.stream().filter(c -> c.expect().score() != null).count());
    assertEquals(22, cases.stream().filter(c -> c.expect().outcome() == Outcome.REJECTED).count());
    assertEquals(java.util.Set.of("registry-json", "qrda3", "fhir"),
        cases.stream().map(ConformanceCase::format).collect(java.util.stream.Collectors.toSet()));
  }
}

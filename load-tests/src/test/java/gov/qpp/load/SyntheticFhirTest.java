package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.model.MeasureValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures accepted submissions, so every synthetic bundle must be one, of the size it claims. The
 * bundles are of 2025 (FhirBenchmark runs on the shared catalog): as they are, only the shared catalog can accept
 * them; moved to 2021 (a year of the packed catalog with CMS122v9), the packed catalog checks everything else in them.
 */
class SyntheticFhirTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[][] bundles() {
    return new byte[][] {SyntheticFhir.summary(), SyntheticFhir.individuals(20), SyntheticFhir.large(100)};
  }

  private static void assertAcceptedWithTheirCounts(MeasureCatalog catalog, java.util.function.UnaryOperator<byte[]>
      edit) {
    FhirIntake intake = new FhirIntake(catalog, new BaseR4Validator(), Map.of());
    for (byte[] bundle : bundles()) {
      var result = intake.intake(edit.apply(bundle));
      assertTrue(result.accepted(), result.problems().toString());
    }
    var individual = intake.intake(edit.apply(SyntheticFhir.individuals(20))).submission();
    var value = (MeasureValue.SinglePerformanceRate) individual.measurementSets().get(0).measurements().get(0)
        .value();
    assertEquals(20, value.rate().eligiblePopulation());
    assertEquals(7, value.rate().performanceMet()); // patients 0, 3, ..., 18
  }

  /** The bundle with every 2025 date moved to the same day of 2021. */
  private static byte[] in2021(byte[] bundle) {
    String text = new String(bundle, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"2025-01-01\""), "the bundle's period is 2025");
    return text.replace("\"2025-", "\"2021-").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyBundleIsAcceptedAndOfItsSize() {
    var measures = SharedFolder.measures();
    assumeTrue(measures.isPresent(), "skipped: needs the shared folder's catalog (the bundles are of 2025);"
        + " ../shared/qpp-measures-data not found (set qpp.shared.dir)");
    assertAcceptedWithTheirCounts(CatalogLoader.fromDirectory(measures.get()), bundle -> bundle);
  }

  @Test
  void everyBundleMovedTo2021IsAcceptedByThePackedCatalog() {
    assertAcceptedWithTheirCounts(CatalogLoader.fromClasspath(), SyntheticFhirTest::in2021);
  }

  @Test
  void bundlesHaveTheEntriesTheyClaim() throws Exception {
    assertEquals(3, JSON.readTree(SyntheticFhir.summary()).get("entry").size());
    JsonNode individuals = JSON.readTree(SyntheticFhir.individuals(20));
    assertEquals(42, individuals.get("entry").size(), "20 reports, 20 patients, the practice and its EHR");
    int met = 0;
    for (JsonNode entry : individuals.get("entry")) {
      JsonNode resource = entry.get("resource");
      if ("MeasureReport".equals(resource.get("resourceType").asText())) {
        for (JsonNode population : resource.at("/group/0/population")) {
          if ("numerator".equals(population.at("/code/coding/0/code").asText())) {
            met += population.get("count").asInt();
          }
        }
      }
    }
    assertEquals(7, met, "patients 0, 3, ..., 18");
    assertEquals(100, JSON.readTree(SyntheticFhir.large(100)).get("entry").size());
  }
}

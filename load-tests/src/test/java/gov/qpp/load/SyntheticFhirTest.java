package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark measures accepted submissions, so every synthetic bundle must be one, of the size it claims. */
class SyntheticFhirTest {

  @Test
  void everyBundleIsAcceptedAndOfItsSize() throws Exception {
    var measures = SharedFolder.measures();
    assumeTrue(measures.isPresent(), "skipped: ../shared/qpp-measures-data not found");
    FhirIntake intake = new FhirIntake(CatalogLoader.fromDirectory(measures.get()), new BaseR4Validator(), Map.of());
    ObjectMapper json = new ObjectMapper();
    for (byte[] bundle : new byte[][] {SyntheticFhir.summary(), SyntheticFhir.individuals(20),
        SyntheticFhir.large(100)}) {
      var result = intake.intake(bundle);
      assertTrue(result.accepted(), result.problems().toString());
    }
    assertEquals(42, json.readTree(SyntheticFhir.individuals(20)).get("entry").size());
    assertEquals(100, json.readTree(SyntheticFhir.large(100)).get("entry").size());
    var individual = intake.intake(SyntheticFhir.individuals(20)).submission();
    var value = (gov.qpp.validators.model.MeasureValue.SinglePerformanceRate) individual.measurementSets().get(0)
        .measurements().get(0).value();
    assertEquals(20, value.rate().eligiblePopulation());
    assertEquals(7, value.rate().performanceMet()); // patients 0, 3, ..., 18
  }
}

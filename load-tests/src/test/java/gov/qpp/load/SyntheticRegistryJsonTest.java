package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.registry.RegistryJsonIntake;
import gov.qpp.validators.rules.IntakeResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticRegistryJsonTest {

  private static final int DOCUMENTS = 2_000;

  /** Loaded once: the shared catalog (null when the folder is absent) and the one packed in the jar. */
  private static MeasureCatalog shared;
  private static MeasureCatalog packed;

  @BeforeAll
  static void loadCatalogs() {
    shared = SharedFolder.measures().map(CatalogLoader::fromDirectory).orElse(null);
    // the gateway falls back to the packed 2017-2022 catalog when no folder is configured
    packed = CatalogLoader.fromClasspath();
  }

  private static void assumeShared() {
    Assumptions.assumeTrue(shared != null, "skipped: needs the shared folder's catalog (its own 2022 file);"
        + " ../shared/qpp-measures-data not found (set qpp.shared.dir)");
  }

  @Test
  void everyDocumentIsAcceptedByTheSharedCatalog() {
    assumeShared();
    assertAllAccepted(shared);
  }

  @Test
  void everyDocumentIsAcceptedByThePackedCatalog() {
    assertAllAccepted(packed);
  }

  @Test
  void measureListFitsTheRulesInThePackedCatalog() {
    assertMeasuresFit(packed);
  }

  @Test
  void measureListFitsTheRulesInTheSharedCatalog() {
    assumeShared();
    assertMeasuresFit(shared);
  }

  @Test
  void sameSeedSameDocuments() {
    SyntheticRegistryJson first = new SyntheticRegistryJson(3);
    SyntheticRegistryJson second = new SyntheticRegistryJson(3);
    for (int i = 0; i < 100; i++) {
      assertArrayEquals(first.nextBytes(), second.nextBytes());
    }
  }

  @Test
  void countsAreConsistentAndMeasuresVary() {
    SyntheticRegistryJson generator = new SyntheticRegistryJson(5);
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      JsonObject document = generator.next();
      assertEquals(9, document.getString("taxpayerIdentificationNumber").length());
      JsonArray measurements = document.getJsonArray("measurementSets").getJsonObject(0).getJsonArray("measurements");
      sizes.add(measurements.size());
      Set<String> ids = new HashSet<>();
      for (int m = 0; m < measurements.size(); m++) {
        JsonObject measurement = measurements.getJsonObject(m);
        assertTrue(ids.add(measurement.getString("measureId")), "measure repeated in " + document);
        JsonObject value = measurement.getJsonObject("value");
        long eligible = value.getLong("eligiblePopulation");
        long reported = value.getLong("performanceMet") + value.getLong("performanceNotMet")
            + value.getLong("eligiblePopulationException", 0L);
        assertTrue(eligible >= SyntheticRegistryJson.MIN_ELIGIBLE, value.encode());
        assertTrue(reported <= eligible, value.encode());
      }
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6), sizes);
  }

  private static void assertAllAccepted(MeasureCatalog catalog) {
    RegistryJsonIntake intake = new RegistryJsonIntake(catalog);
    SyntheticRegistryJson generator = new SyntheticRegistryJson(42);
    for (int i = 0; i < DOCUMENTS; i++) {
      byte[] document = generator.nextBytes();
      IntakeResult result = intake.intake(document);
      assertTrue(result.accepted(), () -> new String(document) + " -> " + result.problems());
    }
  }

  private static void assertMeasuresFit(MeasureCatalog catalog) {
    CatalogYear year = catalog.year(SyntheticRegistryJson.PERFORMANCE_YEAR).orElseThrow();
    for (String id : SyntheticRegistryJson.MEASURES) {
      QualityMeasure measure = year.qualityMeasure(id).orElseThrow(() -> new AssertionError(id + " missing"));
      assertEquals("singlePerformanceRate", measure.metricType(), id);
      assertTrue(measure.submissionMethods().contains("registry"), id);
      assertTrue(measure.allowedPrograms().isEmpty() || measure.allowedPrograms().contains("mips"), id);
      assertTrue(measure.strataNames().isEmpty(), id);
    }
  }
}

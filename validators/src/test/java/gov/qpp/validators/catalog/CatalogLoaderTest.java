package gov.qpp.validators.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.TestCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

  @Test
  void loadsEveryYearOfTheSharedCatalog() {
    var years = TestCatalog.get().years();
    assertTrue(years.containsAll(IntStream.rangeClosed(2017, 2026).boxed().toList()), years.toString());
  }

  @Test
  void typedQualityMeasure() {
    QualityMeasure measure = TestCatalog.year(2022).qualityMeasure("305").orElseThrow();
    assertEquals("multiPerformanceRate", measure.metricType());
    assertEquals("simpleAverage", measure.overallAlgorithm());
    assertEquals(java.util.List.of("14DaysOfDiagnosis", "30DaysOfVisit"), measure.strataNames());
    assertEquals(java.util.List.of("electronicHealthRecord"), measure.submissionMethods());
    assertTrue(measure.highPriority());
    assertFalse(measure.inverse());
  }

  @Test
  void lookupsByEMeasureIdAndUuid() {
    CatalogYear year = TestCatalog.year(2022);
    assertEquals("110", year.byEMeasureId("CMS147v11").orElseThrow().measureId());
    assertEquals("110", year.byEMeasureId("cms147").orElseThrow().measureId());
    assertEquals("102", year.byEMeasureUuid("2C928084-7545-FE85-0175-4C4AC3C40353").orElseThrow().measureId());
    assertTrue(year.inCategory("ia").size() > 50);
    assertTrue(year.inCategory("pi").stream().allMatch(PiMeasure.class::isInstance));
  }

  @Test
  void claimsOptionsAreTyped() {
    QualityMeasure measure = TestCatalog.year(2022).qualityMeasure("047").orElseThrow();
    EligibilityOption option = measure.eligibilityOptions().get(0);
    assertEquals(65.0, option.minAge());
    assertEquals("90791", option.procedureCodes().get(0).code());
    assertEquals(java.util.List.of("23"), option.procedureCodes().get(0).placesOfServiceExclusions());
    PerformanceOption notMet = measure.performanceOptions().stream()
        .filter(o -> o.optionType().equals("performanceNotMet")).findFirst().orElseThrow();
    assertEquals(java.util.List.of("8P"), notMet.qualityCodes().get(0).modifiers());
  }

  @Test
  void piMeasuresKnowTheirExclusionsAndSubstitutes() {
    PiMeasure measure = (PiMeasure) TestCatalog.year(2022).measure("PI_HIE_4").orElseThrow();
    assertEquals(java.util.List.of("PI_HIE_5"), measure.substitutes());
    assertEquals(java.util.List.of("PI_LVITC_2"), measure.exclusions());
    assertTrue(measure.required());
  }

  @Test
  void decileBenchmarksBefore2023() {
    Benchmark benchmark = TestCatalog.year(2022).benchmark("047", "registry").orElseThrow();
    assertFalse(benchmark.isPercentileBased());
    assertArrayEquals(new double[] {0, 28.58, 52.17, 72.06, 85.28, 93.67, 98.33, 99.76, 100},
        benchmark.decileLowerBounds());
  }

  @Test
  void percentileBenchmarksFrom2023() {
    Benchmark benchmark = TestCatalog.year(2023).benchmark("001", "claims").orElseThrow();
    assertTrue(benchmark.isPercentileBased());
    assertEquals(Boolean.TRUE, benchmark.inverse());
    assertEquals(10, benchmark.decileLowerBounds()[0]);
    assertEquals(90, benchmark.decileLowerBounds()[8]);
  }

  @Test
  void mvpsAndCostAveragesWherePresent() {
    CatalogYear year = TestCatalog.year(2025);
    assertTrue(year.mvp("G0053").orElseThrow().qualityMeasureIds().contains("039"));
    assertTrue(TestCatalog.year(2024).costNationalAverage("COST_ACOPD_1").isPresent());
    assertTrue(TestCatalog.year(2017).mvps().isEmpty());
  }

  @Test
  void packedNpmCatalogCoversTwentySeventeenToTwentyTwentyTwo() {
    MeasureCatalog packed = CatalogLoader.fromClasspath();
    assertEquals(java.util.Set.of(2017, 2018, 2019, 2020, 2021, 2022), packed.years());
    assertTrue(packed.year(2022).orElseThrow().measure("047").isPresent());
  }

  @Test
  void malformedFileNamesTheFileAndTheField(@TempDir Path root) throws IOException {
    write(root, "measures/2024/measures-data.json",
        "[{\"measureId\":\"001\",\"category\":\"quality\",\"title\":\"t\",\"metricType\":7}]");
    write(root, "benchmarks/2024.json", "[]");
    CatalogException error = assertThrows(CatalogException.class, () -> CatalogLoader.fromDirectory(root));
    assertEquals("measures/2024/measures-data.json $[0].metricType: expected a string, found number",
        error.getMessage());
  }

  @Test
  void brokenJsonNamesTheFileAndLine(@TempDir Path root) throws IOException {
    write(root, "measures/2024/measures-data.json", "[\n{\"measureId\": }");
    write(root, "benchmarks/2024.json", "[]");
    CatalogException error = assertThrows(CatalogException.class, () -> CatalogLoader.fromDirectory(root));
    assertTrue(error.getMessage().startsWith("measures/2024/measures-data.json: not valid JSON"), error.getMessage());
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
  }

  @Test
  void missingBenchmarksFileFailsNamingIt(@TempDir Path root) throws IOException {
    write(root, "measures/2024/measures-data.json", "[]");
    CatalogException error = assertThrows(CatalogException.class, () -> CatalogLoader.fromDirectory(root));
    assertTrue(error.getMessage().startsWith("benchmarks/2024.json: file not found"), error.getMessage());
  }

  @Test
  void missingFolderFailsClearly(@TempDir Path root) {
    CatalogException error = assertThrows(CatalogException.class,
        () -> CatalogLoader.fromDirectory(root.resolve("nope")));
    assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
  }

  private static void write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

package gov.qpp.validators.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on the packed catalog (2017-2022, in every build) and on catalogs of our own; what only the shared
 * folder's years show (2023+ percentile benchmarks, its MVPs and cost averages) is checked there and skipped without it.
 */
class CatalogLoaderTest {

  private static CatalogYear packed(int year) {
    return PackedCatalog.get().year(year).orElseThrow();
  }

  @Test
  void loadsEveryYearOfTheSharedCatalog() {
    var years = TestCatalog.get().years();
    assertTrue(years.containsAll(IntStream.rangeClosed(2017, 2026).boxed().toList()), years.toString());
  }

  @Test
  void typedQualityMeasure() {
    QualityMeasure measure = packed(2022).qualityMeasure("305").orElseThrow();
    assertEquals("multiPerformanceRate", measure.metricType());
    assertEquals("simpleAverage", measure.overallAlgorithm());
    assertEquals(java.util.List.of("14DaysOfDiagnosis", "30DaysOfVisit"), measure.strataNames());
    assertEquals(java.util.List.of("electronicHealthRecord"), measure.submissionMethods());
    assertTrue(measure.highPriority());
    assertFalse(measure.inverse());
  }

  @Test
  void lookupsByEMeasureIdAndUuid() {
    CatalogYear year = packed(2022);
    assertEquals("110", year.byEMeasureId("CMS147v11").orElseThrow().measureId());
    assertEquals("110", year.byEMeasureId("cms147").orElseThrow().measureId());
    assertTrue(year.inCategory("ia").size() > 50);
    assertTrue(year.inCategory("pi").stream().allMatch(PiMeasure.class::isInstance));
    // the packed 2022 file has no eMeasureUuid; 2021's does (CMS129v10 is measure 102)
    CatalogYear withUuids = packed(2021);
    assertEquals("102", withUuids.byEMeasureUuid("2C928085-7198-38EE-0171-988AB12A00B7").orElseThrow().measureId());
    assertTrue(year.byEMeasureUuid("2c928085-7198-38ee-0171-988ab12a00b7").isEmpty());
  }

  @Test
  void lookupByEMeasureUuidInTheSharedCatalog() {
    CatalogYear year = TestCatalog.year(2022);
    assertEquals("102", year.byEMeasureUuid("2C928084-7545-FE85-0175-4C4AC3C40353").orElseThrow().measureId());
  }

  @Test
  void claimsOptionsAreTyped() {
    // the packed 2022 file has no claims specifications; 2021's has
    QualityMeasure measure = packed(2021).qualityMeasure("047").orElseThrow();
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
    PiMeasure measure = (PiMeasure) packed(2022).measure("PI_HIE_4").orElseThrow();
    assertEquals(java.util.List.of("PI_HIE_5"), measure.substitutes());
    assertEquals(java.util.List.of("PI_LVITC_2"), measure.exclusions());
    assertTrue(measure.required());
  }

  @Test
  void decileBenchmarksBefore2023() {
    Benchmark benchmark = packed(2022).benchmark("047", "registry").orElseThrow();
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
  void mvpsAndCostAveragesOfOurOwnCatalog(@TempDir Path root) throws IOException {
    write(root, "measures/2024/measures-data.json", "[]");
    write(root, "benchmarks/2024.json", "[]");
    write(root, "mvp/2024/mvp.json", "[{\"mvpId\": \"G0053\", \"title\": \"Advancing Rheumatology Patient Care\","
        + " \"qualityMeasureIds\": [\"039\", \"130\"], \"iaMeasureIds\": [\"IA_BE_1\"],"
        + " \"costMeasureIds\": [\"COST_RA_1\"], \"foundationPiMeasureIds\": [\"PI_EP_1\"],"
        + " \"foundationQualityMeasureIds\": [\"479\", \"484\"]}]");
    write(root, "benchmarks/2024/cost-national-averages.json", "[{\"measureId\": \"COST_ACOPD_1\","
        + " \"performanceYear\": 2024, \"benchmarkYear\": 2024, \"groupNationalAverage\": 4926.81,"
        + " \"individualNationalAverage\": 4926.81}]");
    write(root, "measures/2023/measures-data.json", "[]");
    write(root, "benchmarks/2023.json", "[]");
    MeasureCatalog catalog = CatalogLoader.fromDirectory(root);
    CatalogYear year = catalog.year(2024).orElseThrow();
    Mvp mvp = year.mvp("G0053").orElseThrow();
    assertEquals(List.of("039", "130"), mvp.qualityMeasureIds());
    assertEquals(List.of("479", "484"), mvp.foundationQualityMeasureIds());
    assertEquals(List.of("COST_RA_1"), mvp.costMeasureIds());
    CostNationalAverage average = year.costNationalAverage("COST_ACOPD_1").orElseThrow();
    assertEquals(2024, average.benchmarkYear());
    assertEquals(4926.81, average.groupNationalAverage());
    // both files are optional: a year without them loads with none
    CatalogYear without = catalog.year(2023).orElseThrow();
    assertTrue(without.mvps().isEmpty());
    assertTrue(without.costNationalAverage("COST_ACOPD_1").isEmpty());
  }

  @Test
  void packedYearsHaveNoMvps() {
    for (int year : PackedCatalog.get().years()) {
      assertTrue(packed(year).mvps().isEmpty(), "MVPs start in 2023, found some in " + year);
    }
  }

  @Test
  void packedNpmCatalogCoversTwentySeventeenToTwentyTwentyTwo() {
    MeasureCatalog packed = CatalogLoader.fromClasspath();
    assertEquals(java.util.Set.of(2017, 2018, 2019, 2020, 2021, 2022), packed.years());
    assertTrue(packed.year(2022).orElseThrow().measure("047").isPresent());
    assertTrue(packed.source().startsWith("classpath:"), packed.source());
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

package gov.qpp.validators.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.rules.IntakeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What was accepted reads back exactly, and keeps reading whatever the intake rules become. */
class StoredSubmissionsTest {

  private static final LocalDate START = LocalDate.of(2022, 1, 1);
  private static final LocalDate END = LocalDate.of(2022, 12, 31);

  static MeasureValue.Rate rate(String stratum, long met, Long notMet, long eligible) {
    return new MeasureValue.Rate(stratum, met, notMet, eligible, null, null, null);
  }

  /** Every value shape, with and without its optional parts. */
  static Submission everyShape(EntityType type, Tin tin, Npi npi, String entityId) {
    MeasurementSet quality = new MeasurementSet(Category.QUALITY, "registry", "mips", START, END, null, List.of(
        new Measurement("047", new MeasureValue.SinglePerformanceRate(false, rate(null, 120, 36L, 156), null)),
        new Measurement("001", new MeasureValue.SinglePerformanceRate(true,
            new MeasureValue.Rate(null, 10, null, 40, 3L, 2L, 1L), 25.5)),
        new Measurement("370", new MeasureValue.MultiPerformanceRate(false, List.of(rate("overall", 5, 5L, 12),
            rate("stratum2", 0, 0L, 0)), 41.25)),
        new Measurement("QCDR1", new MeasureValue.NonProportion(2.5, 7.0, true, 1.0, null, 12L)),
        new Measurement("QCDR2", new MeasureValue.NonProportion(3, 9, false, null, 0.5, null))));
    MeasurementSet pi = new MeasurementSet(Category.PI, "electronicHealthRecord", "mips", START, END,
        "0015C01ABCDEFGH", List.of(new Measurement("PI_EP_1", new MeasureValue.Proportion(8, 10)),
            new Measurement("PI_INFBLO_1", new MeasureValue.BooleanValue(true))));
    MeasurementSet ia = new MeasurementSet(Category.IA, "registry", "app1", null, null, null,
        List.of(new Measurement("IA_EPA_1", new MeasureValue.BooleanValue(false))));
    return new Submission(type, tin, npi, entityId, 2022, List.of(quality, pi, ia));
  }

  @Test
  void everyEntityTypeAndValueShapeReadsBackEqual() {
    List<Submission> submissions = List.of(
        everyShape(EntityType.INDIVIDUAL, new Tin("000123456"), new Npi("1234567893"), null),
        everyShape(EntityType.GROUP, new Tin("000123456"), null, null),
        everyShape(EntityType.APM_ENTITY, null, null, "A1234|with a bar"),
        everyShape(EntityType.VIRTUAL_GROUP, new Tin("000123456"), null, "VG-2022-01"),
        everyShape(EntityType.SUBGROUP, new Tin("000123456"), null, "SG1"));
    for (Submission submission : submissions) {
      assertEquals(submission, StoredSubmissions.decode(StoredSubmissions.encode(submission)));
    }
  }

  @Test
  void whatAnIntakeRuleWouldRefuseTodayStillReads() {
    // an unknown measure, a measure in a category it does not belong to, a year no catalog has, a field a later
    // version may add, a period past the year: none of it is the reader's business once stored
    String stored = "{\"entityType\":\"group\",\"taxpayerIdentificationNumber\":\"000123456\",\"performanceYear\":2031,"
        + "\"addedLater\":{\"any\":[1,2]},\"measurementSets\":[{\"category\":\"quality\",\"submissionMethod\":"
        + "\"carrierPigeon\",\"programName\":\"mips\",\"performanceStart\":\"2031-01-01\",\"performanceEnd\":"
        + "\"2032-06-30\",\"measurements\":[{\"measureId\":\"NOT_A_MEASURE\",\"value\":{\"isEndToEndReported\":false,"
        + "\"performanceMet\":30,\"eligiblePopulation\":10}},{\"measureId\":\"IA_EPA_1\",\"value\":true}]}]}";
    Submission read = StoredSubmissions.decode(stored);
    assertEquals(2031, read.performanceYear());
    assertEquals("carrierPigeon", read.measurementSets().get(0).submissionMethod());
    assertEquals(30, ((MeasureValue.SinglePerformanceRate) read.measurementSets().get(0).measurements().get(0)
        .value()).rate().performanceMet());
  }

  @Test
  void whatTheModelCannotHoldIsRefusedWithAReason() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> StoredSubmissions.decode("{\"entityType\":\"nobody\",\"measurementSets\":[]}"));
    assertTrue(refused.getMessage().contains("nobody"), refused.getMessage());
  }

  @Test
  void everyAcceptedQrda3FileOfTheSharedCorpusReadsBackEqual() throws IOException {
    Path measures = SharedFolder.measures().orElse(null);
    Path corpus = SharedFolder.corpus("qrda3").orElse(null);
    assumeTrue(measures != null && corpus != null, "skipped: ../shared (catalog and QRDA III corpus) not found");
    MeasureCatalog catalog = CatalogLoader.fromDirectory(measures);
    Qrda3Intake intake = new Qrda3Intake(catalog);
    int accepted = 0;
    try (Stream<Path> files = Files.walk(corpus.resolve("files"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        IntakeResult result = intake.intake(Files.readAllBytes(file));
        if (result.accepted()) {
          accepted++;
          assertEquals(result.submission(), StoredSubmissions.decode(StoredSubmissions.encode(result.submission())),
              file.toString());
        }
      }
    }
    assertTrue(accepted >= 20, "the corpus has accepted files to read back: " + accepted);
  }
}

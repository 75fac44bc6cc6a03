package gov.qpp.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Valid, varied registry JSON submissions (QPP Submissions API shape) for performance year 2022, drawn from a
 * seeded {@link Random} so that a run can be repeated document for document.
 */
public final class SyntheticRegistryJson {

  public static final int PERFORMANCE_YEAR = 2022;

  /**
   * 2022 quality measures that are singlePerformanceRate, allow submission method registry and program mips, are
   * MIPS CQMs (not QCDR, so no performanceRate is required) and have no named strata — checked against both the
   * shared qpp-measures-data 2022 catalog and the one packed in the jar (see SyntheticRegistryJsonTest).
   */
  public static final List<String> MEASURES = List.of(
      "001", "039", "047", "048", "110", "128", "130", "134", "236", "317", "374");

  static final int MIN_MEASURES = 1;
  static final int MAX_MEASURES = 6;
  static final int MIN_ELIGIBLE = 20;
  static final int MAX_ELIGIBLE = 2_000;

  private final Random random;

  public SyntheticRegistryJson(long seed) {
    this.random = new Random(seed);
  }

  /** The next document as UTF-8 bytes, ready to POST. */
  public byte[] nextBytes() {
    return next().encode().getBytes(StandardCharsets.UTF_8);
  }

  /** The next document. Mostly individuals (TIN + NPI), some groups (TIN only). */
  public JsonObject next() {
    boolean individual = random.nextInt(5) != 0;
    JsonObject submission = new JsonObject()
        .put("entityType", individual ? "individual" : "group")
        .put("taxpayerIdentificationNumber", String.format("%09d", random.nextInt(1_000_000_000)));
    if (individual) {
      submission.put("nationalProviderIdentifier", NpiGenerator.next(random));
    }
    return submission
        .put("performanceYear", PERFORMANCE_YEAR)
        .put("measurementSets", new JsonArray().add(qualitySet()));
  }

  private JsonObject qualitySet() {
    // a reporting period of at least 90 days that ends with the year, as registries commonly send
    LocalDate start = LocalDate.of(PERFORMANCE_YEAR, 1, 1).plusDays(random.nextInt(180));
    JsonArray measurements = new JsonArray();
    for (String measureId : pickMeasures()) {
      measurements.add(new JsonObject().put("measureId", measureId).put("value", rate()));
    }
    return new JsonObject()
        .put("category", "quality")
        .put("submissionMethod", "registry")
        .put("programName", "mips")
        .put("performanceStart", start.toString())
        .put("performanceEnd", PERFORMANCE_YEAR + "-12-31")
        .put("measurements", measurements);
  }

  /** 1-6 distinct measures in random order. */
  private List<String> pickMeasures() {
    List<String> shuffled = new ArrayList<>(MEASURES);
    Collections.shuffle(shuffled, random);
    return shuffled.subList(0, MIN_MEASURES + random.nextInt(MAX_MEASURES - MIN_MEASURES + 1));
  }

  /** A single performance rate whose parts never add up to more than the eligible population. */
  private JsonObject rate() {
    int eligible = MIN_ELIGIBLE + random.nextInt(MAX_ELIGIBLE - MIN_ELIGIBLE + 1);
    int exception = random.nextInt(4) == 0 ? random.nextInt(eligible / 10 + 1) : 0;
    int met = random.nextInt(eligible - exception + 1);
    int notMet = random.nextInt(eligible - exception - met + 1);
    JsonObject value = new JsonObject()
        .put("isEndToEndReported", random.nextBoolean())
        .put("performanceMet", met)
        .put("performanceNotMet", notMet)
        .put("eligiblePopulation", eligible);
    if (exception > 0) {
      value.put("eligiblePopulationException", exception);
    }
    if (random.nextBoolean()) {
      // MIPS CQMs may send exclusions only as 0; exercise the optional field both ways
      value.put("eligiblePopulationExclusion", 0);
    }
    return value;
  }
}

package gov.qpp.load;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.ImprovementActivity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year's population of clinicians, each with one accepted 2019 submission as a registry would send it: six quality
 * measures with varied rates and sizes (class 1, 2 and 3 all occur), two to four improvement activities, and a
 * Promoting Interoperability set. Seeded, so every run re-scores the same population.
 */
final class SyntheticPopulation {

  static final int YEAR = 2019;
  /** Quality measures with 2019 registry benchmarks, outcome 001 among them. */
  static final List<String> QUALITY = List.of("001", "047", "110", "111", "130", "134", "236", "317");
  static final int CLINICIANS_PER_TIN = 10;

  private final Random random;
  private final List<String> activities;

  SyntheticPopulation(CatalogYear catalog, long seed) {
    this.random = new Random(seed);
    this.activities = catalog.inCategory("ia").stream().map(ImprovementActivity.class::cast)
        .map(ImprovementActivity::measureId).filter(id -> !id.equals("IA_PCMH")).limit(40).toList();
  }

  static String tin(long clinician) {
    return String.format("%09d", 100_000_000L + clinician / CLINICIANS_PER_TIN);
  }

  /** The normalised submission (QPP JSON) of clinician number {@code i}, with a valid NPI. */
  JsonObject submission(String tin, String npi) {
    return new JsonObject().put("entityType", "individual").put("taxpayerIdentificationNumber", tin)
        .put("nationalProviderIdentifier", npi).put("performanceYear", YEAR)
        .put("measurementSets", new JsonArray().add(quality()).add(improvementActivities()).add(pi()));
  }

  private JsonObject quality() {
    JsonArray measurements = new JsonArray();
    for (String id : QUALITY.subList(0, 6 + random.nextInt(2))) {
      int eligible = 5 + random.nextInt(600);
      int reported = random.nextInt(10) == 0 ? eligible / 2 : eligible; // one in ten below data completeness
      int met = random.nextInt(reported + 1);
      measurements.add(new JsonObject().put("measureId", id).put("value", new JsonObject()
          .put("isEndToEndReported", random.nextBoolean()).put("performanceMet", met)
          .put("performanceNotMet", reported - met).put("eligiblePopulationExclusion", 0)
          .put("eligiblePopulationException", 0).put("eligiblePopulation", eligible)));
    }
    return set("quality", "registry", measurements);
  }

  private JsonObject improvementActivities() {
    JsonArray measurements = new JsonArray();
    int count = 2 + random.nextInt(3);
    List<String> picked = new ArrayList<>(activities);
    java.util.Collections.shuffle(picked, random);
    for (String id : picked.subList(0, count)) {
      measurements.add(new JsonObject().put("measureId", id).put("value", true));
    }
    return set("ia", "registry", measurements).put("performanceEnd", YEAR + "-03-31");
  }

  private JsonObject pi() {
    JsonArray measurements = new JsonArray();
    for (String yes : List.of("PI_PPHI_1", "PI_INFBLO_1", "PI_ONCDIR_1", "PI_PHCDRR_1")) {
      measurements.add(new JsonObject().put("measureId", yes).put("value", true));
    }
    for (String id : List.of("PI_EP_1", "PI_HIE_1", "PI_HIE_4", "PI_PEA_1")) {
      int denominator = 1 + random.nextInt(2_000);
      measurements.add(new JsonObject().put("measureId", id).put("value", new JsonObject()
          .put("numerator", 1 + random.nextInt(denominator)).put("denominator", denominator)));
    }
    return set("pi", "electronicHealthRecord", measurements).put("cehrtId", "0015C" + (10_000_000_000L
        + random.nextInt(1_000_000_000)));
  }

  private static JsonObject set(String category, String method, JsonArray measurements) {
    return new JsonObject().put("category", category).put("submissionMethod", method)
        .put("performanceStart", YEAR + "-01-01").put("performanceEnd", YEAR + "-12-31")
        .put("measurements", measurements);
  }
}

package gov.qpp.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Registry JSON documents of our own, shaped like the QPP docs' examples of the shared corpus
 * ({@link CorpusDocuments}) but for a year of the catalog packed into the build (2017-2022), so the tests that need
 * only some document run without ../shared. Each takes its TIN, so tests sharing one gateway do not meet.
 */
public final class OwnDocuments {

  /** A valid NPI (check digit 3). */
  public static final String NPI = CorpusDocuments.VALID_NPI;
  /** The docs' NPI, whose check digit is wrong. */
  public static final String BAD_NPI = CorpusDocuments.DOCS_NPI;

  private OwnDocuments() {
  }

  /**
   * The docs' measurement-set request (a set posted with its submission nested): a group's measure 047 by registry,
   * 120 met and 36 not met of 156. 2022's registry benchmark of 047 is the same in both catalogs.
   */
  public static String measurementSet047(String tin, int year) {
    return new JsonObject().put("category", "quality").put("submissionMethod", "registry")
        .put("performanceStart", year + "-01-01").put("performanceEnd", year + "-12-31").put("programName", "mips")
        .put("submission", new JsonObject().put("entityType", "group").put("taxpayerIdentificationNumber", tin)
            .put("performanceYear", year))
        .put("measurements", new JsonArray().add(new JsonObject().put("measureId", "047").put("value",
            new JsonObject().put("isEndToEndReported", false).put("performanceMet", 120)
                .put("eligiblePopulationExclusion", 0).put("eligiblePopulationException", 0)
                .put("performanceNotMet", 36).put("eligiblePopulation", 156))))
        .encodePrettily();
  }

  /** Four improvement activities of 2019-2022 (two medium, two high) reported January to June. */
  public static String ia(String tin, String npi, int year) {
    JsonArray measurements = new JsonArray();
    for (String activity : List.of("IA_EPA_4", "IA_PSPA_4", "IA_EPA_1", "IA_PM_2")) {
      measurements.add(new JsonObject().put("measureId", activity).put("value", true));
    }
    return individual(tin, npi, year, new JsonObject().put("category", "ia").put("submissionMethod", "registry")
        .put("performanceStart", year + "-01-01").put("performanceEnd", year + "-06-01")
        .put("measurements", measurements));
  }

  /** The docs' PI example without PI_PHCDRR_1_PRE, a measure from 2023 on: 2019-2021 know the others. */
  public static String pi(String tin, String npi, int year) {
    JsonArray measurements = new JsonArray()
        .add(yesNo("PI_INFBLO_1", true)).add(yesNo("PI_ONCACB_1", true)).add(yesNo("PI_ONCDIR_1", true))
        .add(ratio("PI_EP_1", 49, 115)).add(ratio("PI_HIE_1", 1123, 1951)).add(ratio("PI_HIE_4", 923, 951))
        .add(ratio("PI_PEA_1", 861, 1809)).add(yesNo("PI_PPHI_1", false)).add(yesNo("PI_PHCDRR_1", true));
    return individual(tin, npi, year, new JsonObject().put("category", "pi")
        .put("submissionMethod", "electronicHealthRecord").put("performanceStart", year + "-01-01")
        .put("performanceEnd", year + "-12-31").put("cehrtId", "XX15CXXXXXXXXXX").put("measurements", measurements));
  }

  /**
   * A quality set with the docs' quality example's three mistakes: the docs' NPI (check digit), measure 305 by
   * registry (2019-2022 allow it by EHR only) with strata named as 2024 names them (2021 names them
   * 14DaysOfDiagnosis and 30DaysOfVisit), beside a correct measure 102.
   */
  public static String qualityWithThreeMistakes(String tin, int year) {
    JsonArray strata = new JsonArray()
        .add(new JsonObject().put("stratum", "14Days").put("eligiblePopulationExclusion", 0)
            .put("eligiblePopulation", 60).put("performanceMet", 47).put("eligiblePopulationException", 0)
            .put("performanceNotMet", 13))
        .add(new JsonObject().put("stratum", "34Days").put("eligiblePopulationExclusion", 0)
            .put("eligiblePopulation", 147).put("performanceMet", 121).put("eligiblePopulationException", 0)
            .put("performanceNotMet", 26));
    JsonArray measurements = new JsonArray()
        .add(new JsonObject().put("measureId", "305").put("value", new JsonObject().put("strata", strata)
            .put("isEndToEndReported", true)))
        .add(new JsonObject().put("measureId", "102").put("value", new JsonObject()
            .put("eligiblePopulationExclusion", 0).put("eligiblePopulation", 562).put("performanceMet", 305)
            .put("eligiblePopulationException", 2).put("performanceNotMet", 255).put("isEndToEndReported", true)));
    return individual(tin, BAD_NPI, year, new JsonObject().put("category", "quality")
        .put("submissionMethod", "registry").put("performanceStart", year + "-01-01")
        .put("performanceEnd", year + "-12-31").put("measurements", measurements));
  }

  private static String individual(String tin, String npi, int year, JsonObject set) {
    return new JsonObject().put("entityType", "individual").put("taxpayerIdentificationNumber", tin)
        .put("nationalProviderIdentifier", npi).put("performanceYear", year)
        .put("measurementSets", new JsonArray().add(set)).encodePrettily();
  }

  private static JsonObject yesNo(String id, boolean value) {
    return new JsonObject().put("measureId", id).put("value", value);
  }

  private static JsonObject ratio(String id, int numerator, int denominator) {
    return new JsonObject().put("measureId", id).put("value", new JsonObject().put("numerator", numerator)
        .put("denominator", denominator));
  }
}

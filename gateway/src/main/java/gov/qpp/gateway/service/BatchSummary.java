package gov.qpp.gateway.service;

import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.claims.ClaimsReport;
import gov.qpp.validators.claims.MeasureCounts;
import gov.qpp.validators.intake.IntakeOutcome;
import gov.qpp.validators.qrda1.Qrda1Outcome;
import gov.qpp.validators.qrda1.Qrda1Results;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a batch (a claims file, QRDA I documents) came to, as answered and as kept with the batch row: counts, the
 * measures computed or not, every problem. The same for submit and validate.
 */
public final class BatchSummary {

  /** Answers list at most this many computed submissions; the counts are always complete. */
  public static final int MAX_LISTED_SUBMISSIONS = 1_000;

  private BatchSummary() {
  }

  public static JsonObject claims(ClaimsOutcome outcome) {
    ClaimsReport report = outcome.report();
    JsonArray notComputed = new JsonArray();
    outcome.notComputed().forEach(measure -> notComputed.add(new JsonObject().put("measureId", measure.measureId())
        .put("reason", measure.reason())));
    long valid = outcome.validSubmissions().size();
    return new JsonObject()
        .put("performanceYear", outcome.performanceYear())
        .put("lines", tally(report.lines()))
        .put("claims", tally(report.claims()))
        .put("measurementSets", new JsonObject().put("computed", outcome.submissions().size()).put("valid", valid)
            .put("notValid", outcome.submissions().size() - valid)
            .put("listedUpTo", MAX_LISTED_SUBMISSIONS))
        .put("clinicians", outcome.volumes().stream().filter(volume -> !volume.clinician().isGroup()).count())
        .put("computedMeasures", new JsonArray(outcome.computedMeasures()))
        .put("notComputedMeasures", notComputed)
        .put("problems", QppJson.problems(report.problems()));
  }

  /** One computed submission: whom it is for and its measures (and its id once stored, and its problems if any). */
  public static JsonObject describe(ClaimsOutcome.Derived derived, String id) {
    JsonArray measures = new JsonArray();
    derived.submission().measurementSets().get(0).measurements().forEach(m -> measures.add(m.measureId()));
    JsonObject entry = new JsonObject();
    if (id != null) {
      entry.put("id", id);
    }
    entry.put("entityType", derived.submission().entityType().apiName()).put("tin", derived.clinician().tin())
        .put("npi", derived.clinician().npi()).put("measures", measures);
    if (!derived.problems().isEmpty()) {
      entry.put("problems", QppJson.problems(derived.problems()));
    }
    return entry;
  }

  public static JsonObject qrda1(IntakeOutcome.Qrda1 batch) {
    Qrda1Outcome outcome = batch.documents();
    JsonArray results = new JsonArray();
    for (Qrda1Results.MeasureResult result : batch.results().computed()) {
      JsonArray strata = new JsonArray();
      for (MeasureCounts counts : result.strata()) {
        strata.add(new JsonObject().put("stratum", counts.stratum()).put("performanceMet", counts.performanceMet())
            .put("performanceNotMet", counts.performanceNotMet())
            .put("eligiblePopulationExclusion", counts.exclusions())
            .put("eligiblePopulationException", counts.exceptions())
            .put("eligiblePopulation", counts.eligiblePopulation()));
      }
      results.add(new JsonObject().put("tin", result.clinician().tin()).put("npi", result.clinician().npi())
          .put("measureId", result.measureId()).put("strata", strata));
    }
    JsonObject perMeasure = new JsonObject();
    outcome.patientsPerMeasure().forEach(perMeasure::put);
    JsonObject notComputed = new JsonObject();
    batch.results().notComputed().forEach(notComputed::put);
    return new JsonObject()
        .put("documents", new JsonObject().put("read", outcome.documentsRead())
            .put("accepted", outcome.patients().size()).put("rejected", outcome.documentsRejected()))
        .put("patientsPerMeasure", perMeasure)
        .put("results", results)
        .put("notComputed", notComputed)
        .put("problems", QppJson.problems(outcome.problems()));
  }

  private static JsonObject tally(ClaimsReport.Tally tally) {
    return new JsonObject().put("read", tally.read()).put("used", tally.used()).put("rejected", tally.rejected())
        .put("skipped", tally.skipped());
  }
}

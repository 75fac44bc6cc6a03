package gov.qpp.gateway.service;

import gov.qpp.gateway.storage.LowVolumeStore;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.problems.Excerpt;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What was stored, read back as answered: a submission by id, a clinician's newest low-volume status. */
public final class ReadService {

  private final SubmissionStore submissions;
  private final LowVolumeStore lowVolume;

  public ReadService(SubmissionStore submissions, LowVolumeStore lowVolume) {
    this.submissions = submissions;
    this.lowVolume = lowVolume;
  }

  /** A stored submission; unknown and malformed ids are answered alike, so ids cannot be probed by their shape. */
  public Future<JsonObject> submission(String id) {
    return Ids.parse(id, noSubmission(id)).compose(submissions::find).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(noSubmission(id));
      }
      var stored = found.get();
      return Future.succeededFuture(new JsonObject()
          .put("id", stored.id().toString())
          .put("receivedAt", stored.receivedAt())
          .put("format", stored.format())
          .put("scoringStatus", stored.scoringStatus())
          .put("warnings", stored.warnings())
          .put("submission", stored.normalised()));
    });
  }

  /** The newest low-volume row of a clinician (no npi: the group), computed from claims or given in a file. */
  public Future<JsonObject> lowVolume(ClinicianQuery query) {
    return lowVolume.newest(query.tin(), query.npi() == null ? "" : query.npi(), query.year()).compose(found ->
        found.isEmpty()
            ? Future.failedFuture(Refusal.notFound("$", "no low-volume data for TIN " + query.tin()
                + (query.npi() == null ? " (group)" : " NPI " + query.npi()) + " in " + query.year()))
            : Future.succeededFuture(found.get().put("tin", query.tin()).put("npi", query.npi())
                .put("performanceYear", query.year())));
  }

  private static Refusal noSubmission(String id) {
    return Refusal.notFound("id", "no submission with id '" + Excerpt.of(id) + "'");
  }
}

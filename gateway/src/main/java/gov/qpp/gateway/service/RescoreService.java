package gov.qpp.gateway.service;

import gov.qpp.gateway.scoring.RescoreJobs;
import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.RescoreJobStore;
import gov.qpp.gateway.storage.UniqueViolation;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Re-scoring a whole year in the background (after a benchmark correction, or with the scaling factor CMS
 * published): the parameters checked against their bounds, one job per year, its progress.
 */
public final class RescoreService {

  private final EntityScoreStore entities;
  private final RescoreJobs jobs;
  private final RescoreJobStore jobStore;

  public RescoreService(EntityScoreStore entities, RescoreJobs jobs, RescoreJobStore jobStore) {
    this.entities = entities;
    this.jobs = jobs;
    this.jobStore = jobStore;
  }

  /**
   * {@code {"performanceYear", "scalingFactor"?, "exceptionalScaling"?}}: queues and starts the job, answering its id.
   * A field left out keeps the year's stored value; an out-of-range one is refused (400) before anything starts.
   */
  public Future<UUID> start(JsonObject request, String requestedBy) {
    Object yearValue = request.getValue("performanceYear");
    if (!(yearValue instanceof Integer year) || year < 2017 || year > 2099) {
      return Future.failedFuture(Refusal.badRequest("performanceYear",
          "performanceYear is required: a year such as 2025"));
    }
    Object scaling = request.getValue("scalingFactor");
    Object exceptional = request.getValue("exceptionalScaling");
    return entities.parameters(year)
        .map(stored -> scaling == null && exceptional == null ? null : parameters(scaling, exceptional, stored))
        .compose(parameters -> jobs.start(year, parameters, requestedBy))
        .recover(error -> Future.failedFuture(UniqueViolation.is(error)
            ? Refusal.of(409, "Conflict", ProblemCode.RESCORE_RUNNING, "performanceYear",
                "a re-score of " + year + " is already queued or running; wait for it to finish")
            : error));
  }

  public Future<JsonObject> progress(String id) {
    return Ids.parse(id, notFound(id)).compose(jobStore::find).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get()) : Future.failedFuture(notFound(id)));
  }

  private static EntityScoreStore.Parameters parameters(Object scaling, Object exceptional,
      EntityScoreStore.Parameters stored) {
    double sf = number(scaling, "scalingFactor", stored.scalingFactor());
    double ef = number(exceptional, "exceptionalScaling", stored.exceptionalScaling());
    if (!(sf > 0 && sf <= 3)) {
      throw Refusal.badRequest("scalingFactor", "scalingFactor is above 0 and at most 3 (42 CFR 414.1405(b)(4))");
    }
    if (!(ef >= 0 && ef <= 1)) {
      throw Refusal.badRequest("exceptionalScaling",
          "exceptionalScaling is the share of the exceptional pool paid, from 0 to 1");
    }
    return new EntityScoreStore.Parameters(sf, ef);
  }

  private static double number(Object value, String name, double absent) {
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw Refusal.badRequest(name, name + " must be a number");
    }
    return number.doubleValue();
  }

  private static Refusal notFound(String id) {
    return Refusal.notFound("id", "no re-score job with id '" + Excerpt.of(id) + "'");
  }
}

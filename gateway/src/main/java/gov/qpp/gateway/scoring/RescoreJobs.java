package gov.qpp.gateway.scoring;

import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.RescoreJobStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background re-scoring of every entity of a year (after a benchmark correction or new scaling factors): entities
 * in key order, a chunk at a time, progress written after each chunk. One job per year at a time; a job the gateway
 * was stopped in is marked failed at the next start, to be started again (re-scoring is idempotent but versioned).
 */
public final class RescoreJobs {

  private static final Logger LOG = LoggerFactory.getLogger(RescoreJobs.class);

  private final RescoreJobStore jobs;
  private final EntityScoreStore store;
  private final Rescorer rescorer;

  public RescoreJobs(RescoreJobStore jobs, EntityScoreStore store, Rescorer rescorer) {
    this.jobs = jobs;
    this.store = store;
    this.rescorer = rescorer;
  }

  /**
   * Queues and starts a job; answers its id at once. New parameters, when given, are stored for the year first,
   * so scores computed afterwards (by this job or by new submissions) use them.
   */
  public Future<UUID> start(int year, EntityScoreStore.Parameters parameters, String requestedBy) {
    JsonObject asked = new JsonObject();
    if (parameters != null) {
      asked.put("scalingFactor", parameters.scalingFactor()).put("exceptionalScaling",
          parameters.exceptionalScaling());
    }
    return jobs.create(year, requestedBy, asked).onSuccess(id -> {
      Future<Void> stored = parameters == null ? Future.succeededFuture() : store.setParameters(year, parameters);
      stored.compose(done -> run(id, year))
          .onFailure(error -> {
            LOG.atError().addKeyValue("jobId", id.toString()).addKeyValue("error", String.valueOf(error.getMessage()))
                .log("re-score job failed");
            jobs.finished(id, "failed", String.valueOf(error.getMessage()));
          });
    });
  }

  private Future<Void> run(UUID id, int year) {
    long started = System.nanoTime();
    return store.countEntities(year)
        .compose(total -> jobs.started(id, total).compose(ok -> store.parameters(year))
            .compose(parameters -> walk(id, year, parameters)))
        .compose(counts -> jobs.progress(id, counts.stored(), counts.skipped(), counts.failed()).map(counts))
        .compose(counts -> {
          LOG.atInfo().addKeyValue("jobId", id.toString()).addKeyValue("year", year)
              .addKeyValue("stored", counts.stored()).addKeyValue("skipped", counts.skipped())
              .addKeyValue("failed", counts.failed())
              .addKeyValue("seconds", (System.nanoTime() - started) / 1e9).log("re-score job done");
          return jobs.finished(id, "done", null);
        });
  }

  /**
   * One chunk after the other, keyset-paged by entity key. The write of one chunk overlaps the reading and scoring of
   * the next: PostgreSQL and the scorers then work at the same time instead of taking turns. The steps call each
   * other from callbacks into one promise rather than nesting futures, so a finished chunk is not kept reachable
   * through the chain: memory stays two chunks whatever the year's size.
   */
  private Future<Rescorer.Counts> walk(UUID id, int year, EntityScoreStore.Parameters parameters) {
    Promise<Rescorer.Counts> finished = Promise.promise();
    step(id, year, "", parameters, Future.succeededFuture(Rescorer.Counts.NONE), Rescorer.Counts.NONE, finished);
    return finished.future();
  }

  private void step(UUID id, int year, String after, EntityScoreStore.Parameters parameters,
      Future<Rescorer.Counts> writing, Rescorer.Counts written, Promise<Rescorer.Counts> finished) {
    store.entityKeys(year, after, Rescorer.CHUNK).onFailure(finished::fail).onSuccess(keys -> {
      if (keys.isEmpty()) {
        writing.map(written::plus).onComplete(finished);
        return;
      }
      String last = keys.get(keys.size() - 1).key();
      Future<Rescorer.Prepared> prepared = rescorer.prepare(year, keys, parameters, "rescore");
      // join, not all: on a failure the write in flight still ends before the job is marked failed
      Future.join(prepared, writing).onFailure(finished::fail).onSuccess(both -> {
        Rescorer.Counts total = written.plus(writing.result());
        Future<Rescorer.Counts> write = rescorer.store(prepared.result(), id);
        jobs.progress(id, total.stored(), total.skipped(), total.failed()).onFailure(finished::fail)
            .onSuccess(ok -> step(id, year, last, parameters, write, total, finished));
      });
    });
  }

  public Future<Integer> abandonInterrupted() {
    return jobs.abandonInterrupted();
  }
}

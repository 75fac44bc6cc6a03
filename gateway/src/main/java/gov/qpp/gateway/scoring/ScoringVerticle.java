package gov.qpp.gateway.scoring;

import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.gateway.storage.ScoringTasks;
import gov.qpp.scoring.QualityScorer;
import gov.qpp.scoring.ScoreNode;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.codec.StoredSubmissions;
import gov.qpp.validators.model.Submission;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every accepted submission from the scoring outbox. The event bus message (the submission id) only says
 * "now": the work list is the database, where each accepted submission's task was written with it, so nothing
 * acknowledged is lost when a gateway stops before scoring or is too busy to score at once. Tasks are claimed with
 * a lease and completed in the transaction that stores the scores, so several gateways on one database score each
 * submission once. A bounded number of scorings run at a time; what does not fit waits, and a periodic sweep (and
 * every start) picks it up.
 */
public final class ScoringVerticle extends VerticleBase {

  public static final String ADDRESS = "qpp.scoring.accepted";
  /** Scorings in flight at once: each holds a database connection briefly; submissions must keep theirs. */
  static final int MAX_CONCURRENT_SCORING = 4;
  /** Due tasks picked up per sweep. */
  static final int SWEEP_BATCH = 100;
  static final long SWEEP_INTERVAL_MILLIS = 2_000;
  /** After this many failed attempts a submission is parked as 'failed' for an operator to look at. */
  static final int MAX_SCORING_ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ScoringVerticle.class);

  private final MeasureCatalog catalog;
  private final ScoringTasks tasks;
  private final ScoreStore scores;
  private final EntityScoreStore entities;
  private final EntityScoring entityScoring;
  private final Set<UUID> inFlight = new HashSet<>();
  /** One scoring per entity at a time here, so each new version is computed from all sets stored before it. */
  private final Set<String> entitiesInFlight = new HashSet<>();
  private MessageConsumer<String> consumer;
  private long sweepTimer = -1;
  private boolean sweeping;

  public ScoringVerticle(MeasureCatalog catalog, ScoringTasks tasks, ScoreStore scores, EntityScoreStore entities) {
    this.catalog = catalog;
    this.tasks = tasks;
    this.scores = scores;
    this.entities = entities;
    this.entityScoring = new EntityScoring(catalog);
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().<String>localConsumer(ADDRESS, message -> score(UUID.fromString(message.body())));
    return consumer.completion().compose(ready -> sweep()).onSuccess(swept ->
        sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, tick -> sweep()));
  }

  @Override
  public Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Scores the due tasks, as far as the concurrency bound allows. */
  private Future<Void> sweep() {
    if (sweeping || inFlight.size() >= MAX_CONCURRENT_SCORING) {
      return Future.succeededFuture();
    }
    sweeping = true;
    return tasks.due(SWEEP_BATCH).compose(ids -> {
      List<UUID> fresh = ids.stream().filter(id -> !inFlight.contains(id)).toList();
      if (!fresh.isEmpty()) {
        LOG.atInfo().addKeyValue("due", fresh.size()).log("scoring tasks waiting in the outbox");
      }
      // One after another: a sweep must not crowd out the submissions arriving meanwhile.
      Future<Void> chain = Future.succeededFuture();
      for (UUID id : fresh) {
        chain = chain.compose(done -> score(id).otherwiseEmpty());
      }
      return chain;
    }).otherwiseEmpty().onComplete(done -> sweeping = false).mapEmpty();
  }

  /**
   * Claims a submission's task, scores it and re-scores its entity from all the entity's sets. When busy, when
   * another gateway holds the task, or when its entity is being scored already, the task waits for the next sweep;
   * a failure counts an attempt.
   */
  Future<Void> score(UUID id) {
    if (inFlight.size() >= MAX_CONCURRENT_SCORING || !inFlight.add(id)) {
      return Future.succeededFuture();
    }
    return tasks.claim(id)
        .compose(claimed -> claimed.isEmpty() ? Future.succeededFuture() : scoreWithEntity(claimed.get()))
        .onComplete(done -> inFlight.remove(id))
        .mapEmpty();
  }

  /** The submission's own tree and its entity's new version, stored together with the task's completion. */
  private Future<Void> scoreWithEntity(ScoringTasks.Task task) {
    UUID id = task.submissionId();
    String key = task.entity().key();
    if (!entitiesInFlight.add(key)) {
      return tasks.release(id); // its entity is being scored: the sweep comes back for this one
    }
    int year = task.performanceYear();
    return entities.load(year, List.of(task.entity()))
        .compose(data -> entities.parameters(year).compose(parameters -> vertx.executeBlocking(() -> {
          ScoreNode tree = scoreTree(task.normalised());
          var version = entityScoring.score(year, data.get(0), parameters, "submission " + id);
          return new Scored(tree, version);
        })))
        .compose(scored -> scores.insert(id, tasks.claimant(), task.normalised(), scored.tree().value(),
            new JsonObject(scored.tree().encode()), scored.entity()))
        .onSuccess(done -> LOG.atInfo().addKeyValue("submissionId", id.toString()).log("submission scored"))
        .recover(error -> afterFailure(id, error))
        .onComplete(done -> entitiesInFlight.remove(key));
  }

  /**
   * An entity changed meanwhile: score again at once, from fresh data. The task was taken over: nothing to do. Any
   * other failure counts an attempt (after a few the submission is parked as 'failed').
   */
  private Future<Void> afterFailure(UUID id, Throwable error) {
    if (error instanceof ScoreStore.TaskLost) {
      return Future.succeededFuture();
    }
    if (error instanceof ScoreStore.EntityChanged) {
      return tasks.release(id).otherwiseEmpty();
    }
    return tasks.failed(id, MAX_SCORING_ATTEMPTS)
        .onSuccess(status -> LOG.atWarn().addKeyValue("submissionId", id.toString())
            .addKeyValue("error", String.valueOf(error.getMessage())).addKeyValue("scoringStatus", status)
            .log("scoring failed"))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private record Scored(ScoreNode tree, EntityScoreStore.NewVersion entity) {
  }

  private ScoreNode scoreTree(JsonObject normalised) {
    Submission submission = StoredSubmissions.decode(normalised.encode());
    return catalog.year(submission.performanceYear())
        .map(year -> QualityScorer.score(submission, year))
        .orElseThrow(() -> new IllegalStateException("no catalog for " + submission.performanceYear()));
  }
}

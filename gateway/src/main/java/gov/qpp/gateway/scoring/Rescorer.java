package gov.qpp.gateway.scoring;

import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-scores a chunk of entities of a year in two steps, so a job can write one chunk while it scores the next:
 * {@link #prepare} reads everything they need at once and scores them split over the workers; {@link #store}
 * writes the new versions in one statement. An entity whose score changed meanwhile (a submission arrived) is
 * skipped, since its newer version already reflects newer data; one whose stored data no longer reads is counted
 * as failed.
 */
public final class Rescorer {

  /** Entities read, scored and written together. */
  public static final int CHUNK = 1_000;
  /** Pieces a chunk is split into for the workers, so both cores score. */
  public static final int SLICES = 2;

  private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

  public record Counts(int stored, int skipped, int failed) {
    public static final Counts NONE = new Counts(0, 0, 0);

    public Counts plus(Counts other) {
      return new Counts(stored + other.stored, skipped + other.skipped, failed + other.failed);
    }
  }

  /** A scored chunk, ready to store, with what scored it (to score again what changed meanwhile). */
  public record Prepared(int year, List<EntityScoreStore.NewVersion> versions, int failed, int unscored,
      EntityScoreStore.Parameters parameters, String reason) {
  }

  /** Rounds of scoring again the entities whose score changed between reading and writing. */
  static final int WRITE_ROUNDS = 3;

  private final EntityScoreStore store;
  private final EntityScoring scoring;
  private final WorkerExecutor workers;

  public Rescorer(EntityScoreStore store, EntityScoring scoring, WorkerExecutor workers) {
    this.store = store;
    this.scoring = scoring;
    this.workers = workers;
  }

  /** Every given entity, year by year, a chunk at a time, with each year's stored parameters. */
  public Future<Counts> rescore(Map<Integer, List<EntityKey>> entitiesByYear, String reason) {
    Future<Counts> chain = Future.succeededFuture(Counts.NONE);
    for (var year : entitiesByYear.entrySet()) {
      List<EntityKey> keys = year.getValue();
      for (int from = 0; from < keys.size(); from += CHUNK) {
        List<EntityKey> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
        chain = chain.compose(sofar -> store.parameters(year.getKey()).compose(parameters ->
            rescore(year.getKey(), chunk, parameters, reason, null)).map(sofar::plus));
      }
    }
    return chain;
  }

  /** Scores these entities (at most {@link #CHUNK}) and stores a new version of each. */
  public Future<Counts> rescore(int year, List<EntityKey> keys,
      EntityScoreStore.Parameters parameters, String reason, UUID jobId) {
    return prepare(year, keys, parameters, reason).compose(prepared -> store(prepared, jobId));
  }

  public Future<Prepared> prepare(int year, List<EntityKey> keys,
      EntityScoreStore.Parameters parameters, String reason) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(new Prepared(year, List.of(), 0, 0, parameters, reason));
    }
    return store.load(year, keys).compose(data -> {
      int size = (data.size() + SLICES - 1) / SLICES;
      List<Future<Prepared>> slices = new ArrayList<>();
      for (int from = 0; from < data.size(); from += size) {
        List<EntityScoreStore.EntityData> slice = data.subList(from, Math.min(data.size(), from + size));
        slices.add(workers.executeBlocking(() -> score(year, slice, parameters, reason), false));
      }
      return Future.all(slices).map(all -> {
        List<EntityScoreStore.NewVersion> versions = new ArrayList<>(data.size());
        int failed = 0;
        int unscored = 0;
        for (Future<Prepared> slice : slices) {
          versions.addAll(slice.result().versions());
          failed += slice.result().failed();
          unscored += slice.result().unscored();
        }
        return new Prepared(year, versions, failed, unscored, parameters, reason);
      });
    });
  }

  /**
   * Writes a prepared chunk. An entity whose score changed since it was read (a submission, an eligibility file or
   * new parameters may have been scored with older inputs meanwhile) is read and scored again, a few rounds; what
   * still changes after that is counted as skipped. Entities without submissions or rules count as skipped too, so
   * the counts add up to the chunk.
   */
  public Future<Counts> store(Prepared prepared, UUID jobId) {
    return store(prepared, jobId, 1, new Counts(0, prepared.unscored(), 0));
  }

  private Future<Counts> store(Prepared prepared, UUID jobId, int round, Counts sofar) {
    int failed = prepared.failed();
    int year = prepared.year();
    var parameters = prepared.parameters();
    String reason = prepared.reason();
    List<EntityKey> entities = prepared.versions().stream().map(v -> v.entity()).toList();
    return store.insert(year, prepared.versions(), jobId).compose(stored -> {
      List<EntityKey> changed = entities.stream().filter(e -> !stored.contains(e.key())).toList();
      Counts counts = sofar.plus(new Counts(stored.size(), 0, failed));
      if (changed.isEmpty() || round == WRITE_ROUNDS) {
        return Future.succeededFuture(counts.plus(new Counts(0, changed.size(), 0)));
      }
      return prepare(year, changed, parameters, reason)
          .compose(again -> store(again, jobId, round + 1, counts.plus(new Counts(0, again.unscored(), 0))));
    });
  }

  private Prepared score(int year, List<EntityScoreStore.EntityData> slice, EntityScoreStore.Parameters parameters,
      String reason) {
    List<EntityScoreStore.NewVersion> versions = new ArrayList<>(slice.size());
    int failed = 0;
    int unscored = 0;
    for (EntityScoreStore.EntityData data : slice) {
      if (data.submissions().isEmpty()) {
        unscored++; // nothing submitted (an eligibility row alone): no score to compute yet
        continue;
      }
      try {
        EntityScoreStore.NewVersion version = scoring.score(year, data, parameters, reason);
        if (version != null) {
          versions.add(version);
        } else {
          unscored++; // no catalog for the year
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.atWarn().addKeyValue("entity", data.entity().key()).addKeyValue("year", year)
            .addKeyValue("error", String.valueOf(e.getMessage())).log("entity could not be re-scored");
      }
    }
    return new Prepared(year, versions, failed, unscored, parameters, reason);
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.scoring.Rescorer;
import gov.qpp.gateway.storage.EligibilityStore;
import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.LowVolumeRows;
import gov.qpp.scoring.LowVolume;
import gov.qpp.validators.eligibility.EligibilityFile;
import gov.qpp.validators.eligibility.EligibilityRow;
import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /api/eligibility}: CMS's eligibility data as JSON Lines (docs/scoring.md). Stored all or nothing;
 * then every entity it concerns that has submissions is re-scored before the answer, so the next read of a score
 * reflects it.
 */
public final class EligibilityHandlers {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EligibilityHandlers.class);

  private final WorkerExecutor workers;
  private final EligibilityStore store;
  private final EntityScoreStore entities;
  private final Rescorer rescorer;

  public EligibilityHandlers(WorkerExecutor workers, EligibilityStore store, EntityScoreStore entities,
      Rescorer rescorer) {
    this.workers = workers;
    this.store = store;
    this.entities = entities;
    this.rescorer = rescorer;
  }

  public void upload(RoutingContext ctx) {
    String principal = ctx.get(BearerAuth.PRINCIPAL);
    ChunkedBody.Received body = ChunkedBody.of(ctx);
    workers.executeBlocking(() -> EligibilityFile.read(body.takeBytes()), false).compose(read -> {
      if (!read.accepted()) {
        return Future.failedFuture(new ApiException(422, "ValidationError", "the eligibility file was refused;"
            + " nothing was stored", read.problems(), null));
      }
      List<EligibilityRow> rows = read.rows();
      return store.insert(principal, rows, lowVolume(rows))
          .compose(stored -> rescore(rows)
              .map(counts -> new JsonObject().put("rows", rows.size()).put("rescored", counts.stored())
                  .put("skipped", counts.skipped()).put("failed", counts.failed()))
              // the rows are stored whatever happens now: say so, and that scores catch up on the next scoring
              .recover(error -> {
                LOG.atWarn().addKeyValue("error", String.valueOf(error.getMessage()))
                    .log("eligibility stored, re-scoring failed");
                return Future.succeededFuture(new JsonObject().put("rows", rows.size()).put("rescoreError",
                    "the rows are stored, but re-scoring the entities they concern failed; a re-score of the year"
                        + " (POST /api/rescore) brings their scores up to date"));
              }))
          .map(data -> new JsonObject().put("data", data));
    }).onSuccess(answer -> Responses.json(ctx, 200, answer)).onFailure(ctx::fail);
  }

  /** The low-volume rows of the rows that give a Part B volume, with its status from the year's thresholds. */
  private static List<LowVolumeRows.Row> lowVolume(List<EligibilityRow> rows) {
    List<LowVolumeRows.Row> out = new ArrayList<>();
    for (EligibilityRow row : rows) {
      var volume = row.lowVolume();
      if (volume != null) {
        LowVolume.Stored stored = LowVolume.stored(row.performanceYear(),
            new LowVolume.Volume(volume.allowedCharges(), volume.beneficiaries(), volume.coveredServices()));
        out.add(new LowVolumeRows.Row(row.tin(), row.npi() == null ? "" : row.npi(), row.performanceYear(),
            volume.allowedCharges(), volume.beneficiaries(), volume.coveredServices(), stored.status(),
            stored.explanation()));
      }
    }
    return out;
  }

  /** Every entity a row concerns (the clinician, or the group), a chunk at a time, year by year. */
  private Future<Rescorer.Counts> rescore(List<EligibilityRow> rows) {
    Map<Integer, Map<String, EntityKey>> byYear = new TreeMap<>();
    for (EligibilityRow row : rows) {
      EntityKey entity = row.npi() == null ? EntityKey.group(row.tin()) : EntityKey.individual(row.tin(), row.npi());
      byYear.computeIfAbsent(row.performanceYear(), year -> new TreeMap<>()).put(entity.key(), entity);
    }
    Future<Rescorer.Counts> chain = Future.succeededFuture(Rescorer.Counts.NONE);
    for (var year : byYear.entrySet()) {
      List<EntityKey> keys = new ArrayList<>(year.getValue().values());
      for (int from = 0; from < keys.size(); from += Rescorer.CHUNK) {
        List<EntityKey> chunk = keys.subList(from, Math.min(keys.size(), from + Rescorer.CHUNK));
        chain = chain.compose(sofar -> entities.parameters(year.getKey()).compose(parameters ->
            rescorer.rescore(year.getKey(), chunk, parameters, "eligibility file", null)).map(sofar::plus));
      }
    }
    return chain;
  }
}

package gov.qpp.gateway.scoring;

import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.registry.RegistryJsonReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every accepted submission. The event bus message (the submission id) only says "now": the work list
 * is the database, where accepted submissions wait as {@code pending}, so nothing acknowledged is lost when the
 * gateway stops before scoring; start-up scores whatever is still pending.
 */
public final class ScoringVerticle extends VerticleBase {

  public static final String ADDRESS = "qpp.scoring.accepted";
  /** Pending submissions picked up per recovery pass at start-up. */
  static final int RECOVERY_BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ScoringVerticle.class);

  private final MeasureCatalog catalog;
  private final SubmissionStore submissions;
  private final ScoreStore scores;
  private final RegistryJsonReader reader;
  private final Set<UUID> inFlight = new HashSet<>();
  private MessageConsumer<String> consumer;

  public ScoringVerticle(MeasureCatalog catalog, SubmissionStore submissions, ScoreStore scores) {
    this.catalog = catalog;
    this.submissions = submissions;
    this.scores = scores;
    this.reader = new RegistryJsonReader(catalog);
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().<String>localConsumer(ADDRESS, message -> score(UUID.fromString(message.body())));
    return consumer.completion().compose(ready -> recoverPending());
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private Future<Void> recoverPending() {
    return submissions.pendingScoring(RECOVERY_BATCH).compose(ids -> {
      if (!ids.isEmpty()) {
        LOG.atInfo().addKeyValue("pending", ids.size()).log("scoring submissions left pending");
      }
      List<Future<Void>> all = ids.stream().map(this::score).toList();
      // Recovery failures are logged per submission; they stay pending and do not stop the gateway.
      return Future.join(all).otherwiseEmpty().mapEmpty();
    });
  }

  /** Scores one stored submission; a failure leaves it pending for the next start. */
  Future<Void> score(UUID id) {
    if (!inFlight.add(id)) {
      return Future.succeededFuture();
    }
    return submissions.normalised(id)
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture();
          }
          JsonObject normalised = found.get();
          return vertx.executeBlocking(() -> scoreTree(normalised))
              .compose(tree -> scores.insert(id, normalised, tree.value(), tree.toJson()));
        })
        .onSuccess(done -> LOG.atInfo().addKeyValue("submissionId", id.toString()).log("submission scored"))
        .onFailure(error -> LOG.atWarn().addKeyValue("submissionId", id.toString())
            .addKeyValue("error", error.getMessage()).log("scoring failed; the submission stays pending"))
        .onComplete(done -> inFlight.remove(id))
        .mapEmpty();
  }

  private ScoreNode scoreTree(JsonObject normalised) {
    RegistryJsonReader.Result read = reader.read(normalised.encode().getBytes(StandardCharsets.UTF_8));
    Submission submission = read.submission();
    if (submission == null) {
      throw new IllegalStateException("stored submission no longer reads: " + read.problems().list());
    }
    return catalog.year(submission.performanceYear())
        .map(year -> QualityScorer.score(submission, year))
        .orElseThrow(() -> new IllegalStateException("no catalog for " + submission.performanceYear()));
  }
}

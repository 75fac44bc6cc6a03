package gov.qpp.gateway.scoring;

import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.TreeCodec;
import gov.qpp.scoring.Eligibility;
import gov.qpp.scoring.EntityScorer;
import gov.qpp.scoring.LowVolume;
import gov.qpp.scoring.QpDetermination;
import gov.qpp.scoring.ScoreNode;
import gov.qpp.scoring.StoredSet;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.codec.StoredSubmissions;
import gov.qpp.validators.model.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the store holds for an entity into the scorer's inputs, and its tree into a version to store. Blocking
 * CPU work (it re-reads the stored QPP JSON): callers run it on a worker.
 */
public final class EntityScoring {

  private final MeasureCatalog catalog;

  public EntityScoring(MeasureCatalog catalog) {
    this.catalog = catalog;
  }

  /** The new version of this entity's score, or null when the year has no catalog (it stays as it was). */
  public EntityScoreStore.NewVersion score(int year, EntityScoreStore.EntityData data,
      EntityScoreStore.Parameters parameters, String reason) {
    var catalogYear = catalog.year(year).orElse(null);
    if (catalogYear == null) {
      return null;
    }
    List<StoredSet> sets = new ArrayList<>();
    for (EntityScoreStore.SubmissionRow row : data.submissions()) {
      Submission submission = read(row);
      if (submission == null) {
        continue; // said in the log; the entity's other submissions are still scored
      }
      submission.measurementSets().forEach(set -> sets.add(new StoredSet(row.id(), row.submitter(),
          row.receivedAt().toInstant(), set)));
    }
    ScoreNode tree = EntityScorer.score(new EntityScorer.Inputs(sets, eligibility(data, year),
        data.priorAchievement(), parameters.scalingFactor(), parameters.exceptionalScaling()), catalogYear);
    Object status = tree.metadata().getOrDefault("status", "NOT_SCORED");
    return new EntityScoreStore.NewVersion(data.entity(), data.currentVersion(), reason, String.valueOf(status),
        tree.value(), adjustment(tree), achievement(tree), TreeCodec.compress(tree.encode()));
  }

  /**
   * A stored submission as the model, read by the storage codec (not the intake's reader, whose rules may tighten);
   * null, logged, only when the row is damaged beyond what the model can hold.
   */
  private static Submission read(EntityScoreStore.SubmissionRow row) {
    try {
      return StoredSubmissions.decode(row.normalised());
    } catch (IllegalStateException damaged) {
      LOG.atWarn().addKeyValue("submissionId", row.id().toString()).addKeyValue("error", damaged.getMessage())
          .log("stored submission cannot be read: left out of its entity's score");
      return null;
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EntityScoring.class);

  /** The eligibility the scorer uses for this entity: the supplied row, the newest low-volume row, the QP status. */
  public static Eligibility eligibility(EntityScoreStore.EntityData data, int year) {
    var supplied = data.eligibility();
    LowVolume.Determination lowVolume = null;
    String lowVolumeSource = null;
    if (data.lowVolume() != null && data.lowVolume().status() != null) {
      lowVolume = new LowVolume.Stored(data.lowVolume().status(), data.lowVolume().explanation()).determination();
      lowVolumeSource = data.lowVolume().source();
    }
    if (supplied == null) {
      return new Eligibility(false, false, false, false, 0, lowVolume, lowVolumeSource, false, null, null,
          List.of());
    }
    QpDetermination.Determination qp = null;
    if (supplied.apmEntityId() != null && !data.entity().npi().isEmpty()) {
      // QP status is a clinician's; a group row's APM data says nothing about its members
      qp = QpDetermination.thresholds(year).map(thresholds -> QpDetermination.determine(thresholds,
          supplied.advancedApm() ? supplied.apmEntityId() : null, supplied.qpPaymentPercent(),
          supplied.qpPatientPercent())).orElse(null);
    }
    return new Eligibility(supplied.smallPractice(), supplied.rural(), supplied.hpsa(), supplied.nonPatientFacing(),
        supplied.complexPatientBonus(), lowVolume, lowVolumeSource, supplied.lowVolumeOptIn(),
        supplied.apmEntityId(), qp, supplied.cost());
  }

  private static Double adjustment(ScoreNode tree) {
    return tree.metadata().get("paymentAdjustment") instanceof java.util.Map<?, ?> payment
        ? (Double) payment.get("estimatedAdjustmentPercent") : null;
  }

  private static Double achievement(ScoreNode tree) {
    for (ScoreNode part : tree.parts()) {
      if ("quality".equals(part.name()) && part.metadata().get("achievementPercent") instanceof Double value) {
        return value;
      }
    }
    return null;
  }
}

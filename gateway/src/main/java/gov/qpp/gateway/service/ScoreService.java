package gov.qpp.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.gateway.scoring.EntityScoring;
import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.scoring.Feedback;
import gov.qpp.validators.model.EntityKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Scores and what they mean: an entity's merged score with its history, and a clinician's feedback. */
public final class ScoreService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntityScoreStore entities;
  private final ScoreStore submissionScores;

  public ScoreService(EntityScoreStore entities, ScoreStore submissionScores) {
    this.entities = entities;
    this.submissionScores = submissionScores;
  }

  /** The entity's current merged score with its version history, and each of its submissions' own trees. */
  public Future<JsonObject> scores(ClinicianQuery query) {
    EntityKey entity = query.entity();
    return submissionScores.entity(entity, query.tin(), query.npi(), query.year()).map(scores -> {
      JsonObject data = scores.merged().orElseGet(JsonObject::new)
          .put("entity", entityJson(entity, query.year()))
          .put("submissionScores", scores.submissions());
      if (scores.merged().isEmpty()) {
        data.put("score", null).put("history", new JsonArray());
      }
      return data;
    });
  }

  /**
   * Feedback for one clinician: their individual score or their TIN's group score, whichever is higher (QPP gives a
   * group's score to each of its clinicians), but a Qualifying APM Participant's own exclusion always.
   */
  public Future<JsonObject> feedback(ClinicianQuery query) {
    if (query.npi() == null) {
      return Future.failedFuture(Refusal.badRequest("npi", "npi is required: 10 digits"));
    }
    EntityKey clinician = query.entity();
    return Future.all(entities.current(clinician, query.year()), entities.current(EntityKey.group(query.tin()),
            query.year()))
        .compose(both -> {
          Optional<JsonObject> individual = both.resultAt(0);
          Optional<JsonObject> group = both.resultAt(1);
          // a score of their own already says whether they are a QP; without one, their eligibility row does
          Future<String> qp = individual.isPresent() ? Future.succeededFuture(null)
              : entities.load(query.year(), List.of(clinician))
                  .map(data -> EntityScoring.eligibility(data.get(0), query.year()).qpExclusion());
          return qp.map(qpExclusion -> new JsonObject(Feedback.of(jackson(individual), jackson(group), qpExclusion)
                  .toString())
              .put("individualScore", individual.map(ScoreService::withoutHistory).orElse(null))
              .put("groupScore", group.map(ScoreService::withoutHistory).orElse(null)));
        })
        .map(feedback -> feedback.put("clinician", new JsonObject().put("tin", query.tin()).put("npi", query.npi()))
            .put("performanceYear", query.year()));
  }

  /** A stored version as the scoring module reads it. */
  private static JsonNode jackson(Optional<JsonObject> version) {
    try {
      return version.isEmpty() ? null : JSON.readTree(version.get().encode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored score version is not JSON", e);
    }
  }

  private static JsonObject withoutHistory(JsonObject version) {
    JsonObject copy = version.copy();
    copy.remove("history");
    return copy;
  }

  private static JsonObject entityJson(EntityKey entity, int year) {
    return new JsonObject().put("entityType", entity.type().apiName())
        .put("taxpayerIdentificationNumber", entity.tin())
        .put("nationalProviderIdentifier", entity.npi().isEmpty() ? null : entity.npi())
        .put("performanceYear", year);
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.scoring.EntityScoring;
import gov.qpp.gateway.scoring.RescoreJobs;
import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.RescoreJobStore;
import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.scoring.Feedback;
import gov.qpp.validators.model.EntityKey;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Scores and what they mean: {@code GET /api/scores}, {@code GET /api/clinicians/{tin}/{npi}/feedback}, and the
 * batch re-score ({@code POST /api/rescore}, {@code GET /api/rescore/{id}}).
 */
public final class ScoreHandlers {

  private final EntityScoreStore entities;
  private final ScoreStore submissionScores;
  private final RescoreJobs jobs;
  private final RescoreJobStore jobStore;

  public ScoreHandlers(EntityScoreStore entities, ScoreStore submissionScores, RescoreJobs jobs,
      RescoreJobStore jobStore) {
    this.entities = entities;
    this.submissionScores = submissionScores;
    this.jobs = jobs;
    this.jobStore = jobStore;
  }

  /** The entity's current merged score with its version history, and each of its submissions' own trees. */
  public void scores(RoutingContext ctx) {
    ClinicianQuery query = ClinicianQuery.of(ctx);
    EntityKey entity = query.npi() == null ? EntityKey.group(query.tin())
        : EntityKey.individual(query.tin(), query.npi());
    Future.all(entities.current(entity, query.year()), submissionScores.current(query.tin(), query.npi(),
            query.year()))
        .onSuccess(both -> {
          Optional<JsonObject> current = both.resultAt(0);
          JsonObject data = current.orElseGet(JsonObject::new)
              .put("entity", entityJson(entity, query.year()))
              .put("submissionScores", both.resultAt(1));
          if (current.isEmpty()) {
            data.put("score", null).put("history", new io.vertx.core.json.JsonArray());
          }
          Responses.json(ctx, 200, new JsonObject().put("data", data));
        })
        .onFailure(ctx::fail);
  }

  /** Feedback for one clinician: their individual score or their TIN's group score, whichever is higher. */
  public void feedback(RoutingContext ctx) {
    ClinicianQuery query = ClinicianQuery.of(ctx);
    if (query.npi() == null) {
      throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, "npi", "npi is required: 10 digits");
    }
    EntityKey clinician = EntityKey.individual(query.tin(), query.npi());
    Future.all(entities.current(clinician, query.year()), entities.current(EntityKey.group(query.tin()), query.year()))
        .compose(both -> {
          Optional<JsonObject> individual = both.resultAt(0);
          Optional<JsonObject> group = both.resultAt(1);
          // a score of their own already says whether they are a QP; without one, their eligibility row does
          Future<String> qp = individual.isPresent() ? Future.succeededFuture(null)
              : entities.load(query.year(), java.util.List.of(clinician))
                  .map(data -> EntityScoring.eligibility(data.get(0), query.year()).qpExclusion());
          return qp.map(qpExclusion -> new JsonObject(Feedback.of(jackson(individual), jackson(group), qpExclusion)
              .toString())
              .put("individualScore", individual.map(ScoreHandlers::withoutHistory).orElse(null))
              .put("groupScore", group.map(ScoreHandlers::withoutHistory).orElse(null)));
        })
        .onSuccess(feedback -> {
          feedback.put("clinician", new JsonObject().put("tin", query.tin()).put("npi", query.npi()))
              .put("performanceYear", query.year());
          Responses.json(ctx, 200, new JsonObject().put("data", feedback));
        })
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/rescore} with {@code {"performanceYear", "scalingFactor"?, "exceptionalScaling"?}}: 202. */
  public void startRescore(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    Object yearValue = body.getValue("performanceYear");
    if (!(yearValue instanceof Integer year) || year < 2017 || year > 2099) {
      throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, "performanceYear",
          "performanceYear is required: a year such as 2025");
    }
    Object scaling = body.getValue("scalingFactor");
    Object exceptional = body.getValue("exceptionalScaling");
    String principal = ctx.get(BearerAuth.PRINCIPAL);
    // a field left out keeps the year's stored value; an out-of-range one fails here, answered 400
    entities.parameters(year)
        .map(stored -> scaling == null && exceptional == null ? null : parameters(scaling, exceptional, stored))
        .compose(parameters -> jobs.start(year, parameters, principal))
        .onSuccess(id -> Responses.json(ctx, 202, new JsonObject().put("data", new JsonObject()
            .put("id", id.toString()).put("state", "queued").put("progress", "/api/rescore/" + id))))
        .onFailure(error -> ctx.fail(UniqueViolation.is(error)
            ? ApiException.of(409, "Conflict", ProblemCode.RESCORE_RUNNING, "performanceYear",
                "a re-score of " + year + " is already queued or running; wait for it to finish")
            : error));
  }

  public void rescoreProgress(RoutingContext ctx) {
    String text = ctx.pathParam("id");
    UUID id;
    try {
      id = UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw notFound(text);
    }
    jobStore.find(id).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(notFound(text));
        return;
      }
      Responses.json(ctx, 200, new JsonObject().put("data", found.get()));
    }).onFailure(ctx::fail);
  }

  private static EntityScoreStore.Parameters parameters(Object scaling, Object exceptional,
      EntityScoreStore.Parameters stored) {
    double sf = number(scaling, "scalingFactor", stored.scalingFactor());
    double ef = number(exceptional, "exceptionalScaling", stored.exceptionalScaling());
    if (!(sf > 0 && sf <= 3)) {
      throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, "scalingFactor",
          "scalingFactor is above 0 and at most 3 (42 CFR 414.1405(b)(4))");
    }
    if (!(ef >= 0 && ef <= 1)) {
      throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, "exceptionalScaling",
          "exceptionalScaling is the share of the exceptional pool paid, from 0 to 1");
    }
    return new EntityScoreStore.Parameters(sf, ef);
  }

  private static double number(Object value, String name, double absent) {
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, name, name + " must be a number");
    }
    return number.doubleValue();
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      Object parsed = io.vertx.core.buffer.Buffer.buffer(ChunkedBody.of(ctx).takeBytes()).toJsonValue();
      if (parsed instanceof JsonObject object) {
        return object;
      }
    } catch (RuntimeException notJson) {
      // answered below
    }
    throw ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, "$",
        "the body must be a JSON object such as {\"performanceYear\": 2025}");
  }

  private static com.fasterxml.jackson.databind.JsonNode jackson(Optional<JsonObject> version) {
    try {
      return version.isEmpty() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(version.get().encode());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject withoutHistory(JsonObject version) {
    JsonObject copy = version.copy();
    copy.remove("history");
    return copy;
  }

  private static JsonObject entityJson(EntityKey entity, int year) {
    return new JsonObject().put("entityType", entity.type().apiName()).put("taxpayerIdentificationNumber", entity.tin())
        .put("nationalProviderIdentifier", entity.npi().isEmpty() ? null : entity.npi())
        .put("performanceYear", year);
  }

  private static ApiException notFound(String id) {
    return ApiException.of(404, "NotFound", ProblemCode.NOT_FOUND, "id", "no re-score job with id '"
        + Excerpt.of(id) + "'");
  }
}

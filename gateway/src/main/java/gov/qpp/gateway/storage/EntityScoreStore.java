package gov.qpp.gateway.storage;

import gov.qpp.scoring.CostMeasureValue;
import gov.qpp.validators.model.EntityKey;
import gov.qpp.validators.model.EntityType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Entities' merged scores, versioned, and everything scoring one needs: its stored submissions, the supplied
 * eligibility, the newest low-volume row, last year's quality achievement, the year's parameters. Reads work on a
 * chunk of entities at once, so the batch re-score does a handful of queries per thousand entities.
 */
public final class EntityScoreStore {

  public record SubmissionRow(UUID id, String submitter, OffsetDateTime receivedAt, String normalised) {
  }

  /** The newest supplied eligibility row, with its cost measure values. */
  public record EligibilityRow(boolean smallPractice, boolean rural, boolean hpsa, boolean nonPatientFacing,
      double complexPatientBonus, boolean lowVolumeOptIn, String apmEntityId, boolean advancedApm,
      BigDecimal qpPaymentPercent, BigDecimal qpPatientPercent, List<CostMeasureValue> cost) {
  }

  public record LowVolumeRow(String status, String explanation, String source) {
  }

  /** What scoring one entity reads; {@code currentVersion} 0 when it has no score yet. */
  public record EntityData(EntityKey entity, List<SubmissionRow> submissions, EligibilityRow eligibility,
      LowVolumeRow lowVolume, Double priorAchievement, int currentVersion) {
  }

  public record Parameters(double scalingFactor, double exceptionalScaling) {
    public static final Parameters DEFAULT = new Parameters(1.0, 1.0);
  }

  /** A new version to store, written only if the entity's current version is still {@code expectedVersion}. */
  public record NewVersion(EntityKey entity, int expectedVersion, String reason, String status, Double finalScore,
      Double adjustment, Double qualityAchievement, TreeCodec.Compressed tree) {
  }

  private final Pool pool;

  public EntityScoreStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * The next entities of a year after {@code afterKey} ("" from the start), in key order; built from the entity
   * columns, never by splitting the key (an entity id may hold any character).
   */
  public Future<List<EntityKey>> entityKeys(int year, String afterKey, int limit) {
    return pool.preparedQuery("select distinct on (entity_key) entity_key, entity_type, coalesce(tin, ''),"
            + " coalesce(npi, ''), coalesce(entity_id, '') from submission where performance_year = $1"
            + " and entity_key > $2 and scoring_status <> 'failed' order by entity_key limit $3")
        .execute(Tuple.of(year, afterKey, limit))
        .map(rows -> {
          List<EntityKey> keys = new ArrayList<>(rows.size());
          rows.forEach(row -> keys.add(entity(row, 1)));
          return keys;
        });
  }

  public Future<Integer> countEntities(int year) {
    return pool.preparedQuery("select count(distinct entity_key) from submission where performance_year = $1"
            + " and scoring_status <> 'failed'")
        .execute(Tuple.of(year)).map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  public Future<Parameters> parameters(int year) {
    return pool.preparedQuery("select scaling_factor, exceptional_scaling from scoring_parameters"
            + " where performance_year = $1").execute(Tuple.of(year))
        .map(rows -> rows.size() == 0 ? Parameters.DEFAULT
            : new Parameters(rows.iterator().next().getDouble(0), rows.iterator().next().getDouble(1)));
  }

  public Future<Void> setParameters(int year, Parameters parameters) {
    return pool.preparedQuery("insert into scoring_parameters (performance_year, scaling_factor, exceptional_scaling)"
            + " values ($1, $2, $3) on conflict (performance_year) do update set scaling_factor = excluded"
            + ".scaling_factor, exceptional_scaling = excluded.exceptional_scaling, updated_at = clock_timestamp()")
        .execute(Tuple.of(year, parameters.scalingFactor(), parameters.exceptionalScaling())).mapEmpty();
  }

  /**
   * Everything needed to score these entities of a year, in the order given, read in one snapshot: the version
   * each is paired with is the one its data had, so the version check on writing catches anything newer.
   */
  public Future<List<EntityData>> load(int year, List<EntityKey> entities) {
    String[] keyArray = entities.stream().map(EntityKey::key).toArray(String[]::new);
    String[] tins = entities.stream().map(EntityKey::tin).toArray(String[]::new);
    String[] npis = entities.stream().map(EntityKey::npi).toArray(String[]::new);
    Map<String, List<SubmissionRow>> submissions = new LinkedHashMap<>();
    Map<String, EligibilityRow> eligibility = new LinkedHashMap<>();
    Map<String, LowVolumeRow> lowVolume = new LinkedHashMap<>();
    Map<String, Double> prior = new LinkedHashMap<>();
    Map<String, Integer> versions = new LinkedHashMap<>();
    Tuple byKey = Tuple.tuple().addInteger(year).addArrayOfString(keyArray);
    Tuple byClinician = Tuple.tuple().addInteger(year).addArrayOfString(tins).addArrayOfString(npis);
    return pool.withTransaction(connection -> connection.query("set transaction isolation level repeatable read,"
            + " read only").execute()
        .compose(snapshot -> connection.preparedQuery("select entity_key, id, submitter,"
            + " received_at, normalised::text from submission where performance_year = $1 and entity_key = any($2)"
            + " and scoring_status <> 'failed' order by entity_key, received_at, id").execute(byKey))
        .compose(rows -> {
          rows.forEach(row -> submissions.computeIfAbsent(row.getString(0), k -> new ArrayList<>())
              .add(new SubmissionRow(row.getUUID(1), row.getString(2), row.getOffsetDateTime(3), row.getString(4))));
          return connection.preparedQuery("select distinct on (e.tin, e.npi) e.tin, e.npi, small_practice, rural,"
              + " hpsa, non_patient_facing, complex_patient_bonus, low_volume_opt_in, apm_entity_id, advanced_apm,"
              + " qp_payment_percent, qp_patient_percent, cost from eligibility e join unnest($2::text[], $3::text[])"
              + " as c(tin, npi) on e.tin = c.tin and e.npi = c.npi where e.performance_year = $1"
              + " order by e.tin, e.npi, e.id desc").execute(byClinician);
        })
        .compose(rows -> {
          rows.forEach(row -> eligibility.put(row.getString(0) + "|" + row.getString(1), eligibility(row)));
          return connection.preparedQuery("select distinct on (l.tin, l.npi) l.tin, l.npi, status, explanation,"
              + " source from low_volume l join unnest($2::text[], $3::text[]) as c(tin, npi) on l.tin = c.tin"
              + " and l.npi = c.npi where l.performance_year = $1 order by l.tin, l.npi, l.computed_at desc, l.id desc")
              .execute(byClinician);
        })
        .compose(rows -> {
          rows.forEach(row -> lowVolume.put(row.getString(0) + "|" + row.getString(1),
              new LowVolumeRow(row.getString(2), row.getString(3), row.getString(4))));
          return connection.preparedQuery("select distinct on (entity_key) entity_key, quality_achievement"
              + " from entity_score where performance_year = $1 and entity_key = any($2)"
              + " order by entity_key, version desc")
              .execute(Tuple.tuple().addInteger(year - 1).addArrayOfString(keyArray));
        })
        .compose(rows -> {
          rows.forEach(row -> prior.put(row.getString(0), row.getDouble(1)));
          return connection.preparedQuery("select entity_key, max(version) from entity_score"
              + " where performance_year = $1 and entity_key = any($2) group by entity_key").execute(byKey);
        })
        .map(rows -> {
          rows.forEach(row -> versions.put(row.getString(0), row.getInteger(1)));
          List<EntityData> out = new ArrayList<>(entities.size());
          for (EntityKey entity : entities) {
            String clinician = entity.tin() + "|" + entity.npi();
            boolean hasClinician = entity.hasEligibility();
            out.add(new EntityData(entity, submissions.getOrDefault(entity.key(), List.of()),
                hasClinician ? eligibility.get(clinician) : null, hasClinician ? lowVolume.get(clinician) : null,
                prior.get(entity.key()), versions.getOrDefault(entity.key(), 0)));
          }
          return out;
        }));
  }

  /** The entity of a row whose columns from {@code first} on are entity_type, tin, npi, entity_id. */
  static EntityKey entity(Row row, int first) {
    String type = row.getString(first);
    return new EntityKey(EntityType.fromApiName(type).orElseThrow(() -> new IllegalStateException(
        "stored entity type '" + type + "' is unknown")), row.getString(first + 1), row.getString(first + 2),
        row.getString(first + 3));
  }

  private static EligibilityRow eligibility(Row row) {
    return new EligibilityRow(row.getBoolean(2), row.getBoolean(3), row.getBoolean(4), row.getBoolean(5),
        row.getDouble(6), row.getBoolean(7), row.getString(8), row.getBoolean(9), row.getBigDecimal(10),
        row.getBigDecimal(11), cost((JsonArray) row.getValue(12)));
  }

  private static List<CostMeasureValue> cost(JsonArray stored) {
    List<CostMeasureValue> cost = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      JsonObject value = stored.getJsonObject(i);
      cost.add(new CostMeasureValue(value.getString("measureId"), value.getDouble("value"),
          value.getInteger("cases")));
    }
    return cost;
  }

  /**
   * Stores versions in one transaction; answers the entity keys stored (the others changed meanwhile). A job's
   * writes do not wait for the commit's flush: nothing is acknowledged per version, and a job the gateway stopped
   * in is marked failed and is run again. Other writes (an eligibility upload's answer promises them) do.
   */
  public Future<java.util.Set<String>> insert(int year, List<NewVersion> versions, UUID jobId) {
    return pool.withTransaction(connection -> (jobId == null ? Future.succeededFuture()
        : connection.query("set local synchronous_commit = off").execute())
        .compose(off -> insert(connection, year, versions, jobId)));
  }

  /**
   * Writers of a year take its advisory lock, so the version check and the insert cannot interleave: a version
   * computed from data read before another writer stored a newer one is skipped, never stored on top of it.
   */
  public static Future<java.util.Set<String>> insert(SqlConnection connection, int year, List<NewVersion> versions,
      UUID jobId) {
    if (versions.isEmpty()) {
      return Future.succeededFuture(java.util.Set.of());
    }
    int n = versions.size();
    String[] keys = new String[n];
    String[] types = new String[n];
    String[] tins = new String[n];
    String[] npis = new String[n];
    String[] entityIds = new String[n];
    Integer[] expected = new Integer[n];
    String[] reasons = new String[n];
    String[] statuses = new String[n];
    Double[] finals = new Double[n];
    Double[] adjustments = new Double[n];
    Double[] achievements = new Double[n];
    Buffer[] trees = new Buffer[n];
    Integer[] lengths = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewVersion v = versions.get(i);
      keys[i] = v.entity().key();
      types[i] = v.entity().type().apiName();
      tins[i] = v.entity().tin();
      npis[i] = v.entity().npi();
      entityIds[i] = v.entity().entityId();
      expected[i] = v.expectedVersion();
      reasons[i] = v.reason();
      statuses[i] = v.status();
      finals[i] = v.finalScore();
      adjustments[i] = v.adjustment();
      achievements[i] = v.qualityAchievement();
      trees[i] = Buffer.buffer(v.tree().bytes());
      lengths[i] = v.tree().length();
    }
    Tuple params = Tuple.tuple().addInteger(year).addUUID(jobId).addArrayOfString(keys).addArrayOfString(types)
        .addArrayOfString(tins).addArrayOfString(npis).addArrayOfString(entityIds).addArrayOfInteger(expected)
        .addArrayOfString(reasons).addArrayOfString(statuses).addArrayOfDouble(finals).addArrayOfDouble(adjustments)
        .addArrayOfDouble(achievements).addArrayOfBuffer(trees).addArrayOfInteger(lengths);
    return connection.preparedQuery("select pg_advisory_xact_lock(1337, $1)").execute(Tuple.of(year))
        .compose(locked -> connection.preparedQuery("insert into entity_score (entity_key, entity_type, tin, npi,"
            + " entity_id, performance_year, version, reason, rescore_job_id, status, final_score, adjustment,"
            + " quality_achievement, tree, tree_length) select u.k, u.t, u.tin, u.npi, u.eid, $1, u.expected + 1,"
            + " u.reason, $2, u.status, u.fs, u.adj, u.ach, u.tree, u.len from unnest($3::text[], $4::text[],"
            + " $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::float8[], $12::float8[],"
            + " $13::float8[], $14::bytea[], $15::int[]) as u(k, t, tin, npi, eid, expected, reason, status, fs, adj,"
            + " ach, tree, len)"
            + " where u.expected = coalesce((select max(version) from entity_score e where e.entity_key = u.k"
            + " and e.performance_year = $1), 0) returning entity_key").execute(params))
        .map(rows -> {
          java.util.Set<String> stored = new java.util.HashSet<>();
          rows.forEach(row -> stored.add(row.getString(0)));
          return stored;
        });
  }

  /** The current (highest) version of an entity's score, with its history of versions (newest first). */
  public Future<Optional<JsonObject>> current(EntityKey entity, int year) {
    return current(pool, entity, year);
  }

  /** The same, on a connection of the caller's (a snapshot it reads more in). */
  static Future<Optional<JsonObject>> current(SqlClient client, EntityKey entity, int year) {
    return client.preparedQuery("select version, computed_at::text, reason, status, final_score, adjustment,"
            + " rescore_job_id, case when version = max(version) over () then tree end, tree_length"
            + " from entity_score where entity_key = $1 and performance_year = $2 order by version desc")
        .execute(Tuple.of(entity.key(), year))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          JsonObject current = null;
          JsonArray history = new JsonArray();
          for (Row row : rows) {
            JsonObject version = new JsonObject().put("version", row.getInteger(0)).put("computedAt",
                    row.getString(1)).put("reason", row.getString(2)).put("status", row.getString(3))
                .put("finalScore", row.getDouble(4)).put("estimatedAdjustmentPercent", row.getDouble(5));
            if (row.getUUID(6) != null) {
              version.put("rescoreJobId", row.getUUID(6).toString());
            }
            history.add(version);
            if (current == null) {
              current = version.copy().put("score", TreeCodec.decompress(row.getBuffer(7).getBytes(),
                  row.getInteger(8)));
            }
          }
          return Optional.of(current.put("history", history));
        });
  }
}

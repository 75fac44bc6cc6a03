package gov.qpp.gateway.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations, applied at start-up in order, each once, all in one transaction under an advisory
 * lock so that several gateways starting together do not race. The files live in db/migration/ on the classpath.
 */
public final class Migrations {

  /** In order; a new migration is a new file appended here, never an edit of an applied one. */
  static final List<String> FILES = List.of("V1__submissions_and_scores.sql", "V2__scoring_attempts.sql",
      "V3__claims_batches_and_low_volume.sql", "V4__qrda1_batches_and_patient_records.sql",
      "V5__entity_scores_eligibility_rescore.sql", "V6__drop_measurement_rows.sql",
      "V7__scoring_outbox_and_document_hashes.sql", "V8__submitters_tokens_audit_idempotency.sql");

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final long LOCK_KEY = 0x5150_4741_5445L; // "QPGATE"

  private Migrations() {
  }

  public static Future<Integer> migrate(Pool pool) {
    return pool.withTransaction(connection -> connection.query("select pg_advisory_xact_lock(" + LOCK_KEY + ")")
        .execute()
        .compose(locked -> connection.query("select to_regclass('schema_migration') is not null").execute())
        .compose(exists -> exists.iterator().next().getBoolean(0) ? Future.succeededFuture()
            : connection.query("create table schema_migration (version int primary key, file text not null,"
                + " applied_at timestamptz not null default now())").execute().mapEmpty())
        .compose(created -> connection.query("select version from schema_migration").execute())
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row row : rows) {
            applied.add(row.getInteger(0));
          }
          Future<Integer> chain = Future.succeededFuture(0);
          for (int i = 0; i < FILES.size(); i++) {
            int version = i + 1;
            String file = FILES.get(i);
            if (!applied.contains(version)) {
              chain = chain.compose(count -> apply(connection, version, file).map(count + 1));
            }
          }
          return chain;
        }))
        .onSuccess(count -> LOG.atInfo().addKeyValue("applied", count).addKeyValue("latest", FILES.size())
            .log("database schema is current"));
  }

  private static Future<Void> apply(SqlConnection connection, int version, String file) {
    String sql;
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        return Future.failedFuture("migration " + file + " is missing from the classpath");
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    // The simple query protocol runs a script of several statements in one call.
    return connection.query(sql).execute()
        .compose(done -> connection.preparedQuery("insert into schema_migration (version, file) values ($1, $2)")
            .execute(Tuple.of(version, file)))
        .onSuccess(done -> LOG.atInfo().addKeyValue("version", version).addKeyValue("file", file)
            .log("migration applied"))
        .mapEmpty();
  }
}

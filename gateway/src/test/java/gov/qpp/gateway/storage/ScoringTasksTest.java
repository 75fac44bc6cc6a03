package gov.qpp.gateway.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.TestGateway;
import gov.qpp.gateway.db.Database;
import gov.qpp.gateway.db.EmbeddedDatabase;
import gov.qpp.gateway.db.Migrations;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring outbox's leases, on a real PostgreSQL: a task one gateway holds is not another's until the lease ends,
 * and a gateway whose lease ended may no longer complete it (its scores would be a second application).
 */
class ScoringTasksTest {

  @TempDir
  static Path dataDir;
  static Vertx vertx;
  static EmbeddedDatabase embedded;
  static Pool pool;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    String external = System.getenv("QPP_TEST_DB_URL");
    String url;
    if (external != null && !external.isBlank()) {
      url = external;
    } else {
      embedded = EmbeddedDatabase.start(dataDir);
      url = embedded.url();
    }
    pool = Database.pool(vertx, url, 2);
    TestGateway.await(Migrations.migrate(pool));
  }

  @AfterAll
  static void stop() throws Exception {
    TestGateway.await(pool.close());
    if (embedded != null) {
      embedded.close();
    }
    TestGateway.await(vertx.close());
  }

  /** A stored submission with its task, as UploadStore leaves it. */
  static UUID submissionWithTask() throws Exception {
    UUID id = UUID.randomUUID();
    JsonObject normalised = new JsonObject().put("entityType", "group").put("taxpayerIdentificationNumber",
        "000740001").put("performanceYear", 2022).put("measurementSets", new JsonArray());
    TestGateway.await(pool.preparedQuery("insert into submission (id, submitter, format, content_type, entity_type,"
            + " tin, performance_year, document, normalised, warnings) values ($1, 'test', 'registry-json',"
            + " 'application/json', 'group', '000740001', 2022, '\\x7b7d', $2, '[]')")
        .execute(Tuple.of(id, normalised)));
    TestGateway.await(pool.preparedQuery("insert into scoring_task (submission_id, entity_key, performance_year)"
        + " select id, entity_key, performance_year from submission where id = $1").execute(Tuple.of(id)));
    return id;
  }

  @Test
  void aTaskHeldByOneGatewayIsNotAnothersUntilItsLeaseEnds() throws Exception {
    UUID id = submissionWithTask();
    ScoringTasks first = new ScoringTasks(pool, UUID.randomUUID(), Duration.ofMillis(300));
    ScoringTasks second = new ScoringTasks(pool, UUID.randomUUID(), Duration.ofMinutes(1));
    assertTrue(TestGateway.await(first.claim(id)).isPresent());
    assertFalse(TestGateway.await(second.claim(id)).isPresent(), "held by the first");
    assertFalse(TestGateway.await(second.due(100)).contains(id), "not due while held");
    Thread.sleep(500);
    assertTrue(TestGateway.await(second.due(100)).contains(id), "due again once the lease ended");
    assertTrue(TestGateway.await(second.claim(id)).isPresent(), "and the second takes it");
    boolean firstCompletes = TestGateway.await(pool.withTransaction(connection ->
        ScoringTasks.complete(connection, id, first.claimant())));
    assertFalse(firstCompletes, "the first may no longer complete it");
    boolean secondCompletes = TestGateway.await(pool.withTransaction(connection ->
        ScoringTasks.complete(connection, id, second.claimant())));
    assertTrue(secondCompletes);
    assertFalse(TestGateway.await(second.claim(id)).isPresent(), "completed: nothing left to claim");
  }

  @Test
  void failuresWaitLongerEachTimeAndParkTheSubmissionInTheEnd() throws Exception {
    UUID id = submissionWithTask();
    ScoringTasks tasks = new ScoringTasks(pool, UUID.randomUUID(), Duration.ofMinutes(1));
    assertTrue(TestGateway.await(tasks.claim(id)).isPresent());
    assertEquals("pending", TestGateway.await(tasks.failed(id, 2)));
    assertFalse(TestGateway.await(tasks.due(100)).contains(id), "waits a second before the next attempt");
    TestGateway.await(pool.preparedQuery("update scoring_task set not_before = now() where submission_id = $1")
        .execute(Tuple.of(id)));
    assertTrue(TestGateway.await(tasks.claim(id)).isPresent());
    assertEquals("failed", TestGateway.await(tasks.failed(id, 2)));
    String status = TestGateway.await(pool.preparedQuery("select scoring_status from submission where id = $1")
        .execute(Tuple.of(id))).iterator().next().getString(0);
    assertEquals("failed", status);
    assertFalse(TestGateway.await(tasks.claim(id)).isPresent(), "parked: no task left");
  }
}

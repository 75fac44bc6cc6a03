package gov.qpp.gateway;

import static gov.qpp.gateway.CorpusDocuments.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.gateway.TestGateway.Reply;
import gov.qpp.gateway.db.Database;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway acknowledged survives a restart, what it had not scored yet is scored after it, and a
 * submission that cannot be scored is parked as 'failed' instead of being retried forever.
 */
@ExtendWith(VertxExtension.class)
class GatewayRestartTest {

  @Test
  void acceptedDataSurvivesARestartAndPendingScoringResumes(Vertx vertx, @TempDir Path dataDir) throws Exception {
    TestGateway first = TestGateway.start(vertx, dataDir);
    Reply created = first.post("/api/submissions", bytes(OwnDocuments.measurementSet047("000000002", 2022)));
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().getJsonObject("data").getString("id");
    first.awaitScore("000000002", null, 2022, id);
    first.stop(vertx);

    TestGateway second = TestGateway.start(vertx, dataDir);
    try {
      Reply read = second.get("/api/submissions/" + id);
      assertEquals(200, read.status());
      assertEquals("000000002", read.json().getJsonObject("data").getJsonObject("submission")
          .getString("taxpayerIdentificationNumber"));
      second.awaitScore("000000002", null, 2022, id);
    } finally {
      second.stop(vertx);
    }
  }

  @Test
  void pendingSubmissionsAreScoredAtStart(Vertx vertx, @TempDir Path dataDir) throws Exception {
    TestGateway first = TestGateway.start(vertx, dataDir);
    Reply created = first.post("/api/submissions", bytes(OwnDocuments.measurementSet047("000000002", 2022)));
    String id = created.json().getJsonObject("data").getString("id");
    first.awaitScore("000000002", null, 2022, id);
    first.stop(vertx);

    // Between runs, make it look as if the gateway had stopped before scoring: pending, no score, its task waiting.
    TestGateway second = TestGateway.start(vertx, dataDir);
    Pool pool = Database.pool(vertx, second.databaseUrl(), 1);
    try {
      TestGateway.await(pool.preparedQuery("delete from score where submission_id = $1")
          .execute(Tuple.of(UUID.fromString(id))));
      TestGateway.await(pool.preparedQuery("update submission set scoring_status = 'pending' where id = $1")
          .execute(Tuple.of(UUID.fromString(id))));
      TestGateway.await(pool.preparedQuery("insert into scoring_task (submission_id, entity_key, performance_year)"
          + " select id, entity_key, performance_year from submission where id = $1")
          .execute(Tuple.of(UUID.fromString(id))));
    } finally {
      TestGateway.await(pool.close());
      second.stop(vertx);
    }

    TestGateway third = TestGateway.start(vertx, dataDir);
    try {
      third.awaitScore("000000002", null, 2022, id);
    } finally {
      third.stop(vertx);
    }
  }

  @Test
  void unscorableSubmissionsAreParkedAfterAFewAttempts(Vertx vertx, @TempDir Path dataDir) throws Exception {
    TestGateway gateway = TestGateway.start(vertx, dataDir);
    Pool pool = Database.pool(vertx, gateway.databaseUrl(), 1);
    try {
      Reply created = gateway.post("/api/submissions",
          bytes(OwnDocuments.measurementSet047("000000002", 2022)));
      UUID id = UUID.fromString(created.json().getJsonObject("data").getString("id"));
      gateway.awaitScore("000000002", null, 2022, id.toString());
      // A stored form that no longer reads (as after a catalog or format change) makes every attempt fail.
      TestGateway.await(pool.preparedQuery("update submission set scoring_status = 'pending',"
          + " normalised = '{\"entityType\": 7}' where id = $1").execute(Tuple.of(id)));
      TestGateway.await(pool.preparedQuery("insert into scoring_task (submission_id, entity_key, performance_year)"
          + " select id, entity_key, performance_year from submission where id = $1").execute(Tuple.of(id)));
      String status = "pending";
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      while (!status.equals("failed") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        status = gateway.get("/api/submissions/" + id).json().getJsonObject("data").getString("scoringStatus");
      }
      assertEquals("failed", status);
      int attempts = TestGateway.await(pool.preparedQuery("select scoring_attempts from submission where id = $1")
          .execute(Tuple.of(id))).iterator().next().getInteger(0);
      assertEquals(5, attempts);
    } finally {
      TestGateway.await(pool.close());
      gateway.stop(vertx);
    }
  }
}

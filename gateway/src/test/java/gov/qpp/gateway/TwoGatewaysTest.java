package gov.qpp.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.gateway.TestGateway.Reply;
import gov.qpp.gateway.db.Database;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one database, each taking half the submissions: every submission is scored exactly once, and
 * every entity gets one version per submission, whichever gateway scored it.
 */
@ExtendWith(VertxExtension.class)
class TwoGatewaysTest {

  static final int ENTITIES = 8;
  static final int SUBMISSIONS_PER_ENTITY = 3;

  @Test
  void eachSubmissionIsScoredOnceWhateverGatewayTookIt(Vertx vertx, @TempDir Path first, @TempDir Path second)
      throws Exception {
    TestGateway one = TestGateway.start(vertx, first);
    TestGateway two = TestGateway.start(vertx, second, Map.of("QPP_DB_URL", one.databaseUrl()));
    Pool pool = Database.pool(vertx, one.databaseUrl(), 1);
    try {
      for (int round = 0; round < SUBMISSIONS_PER_ENTITY; round++) {
        for (int entity = 0; entity < ENTITIES; entity++) {
          TestGateway gateway = (entity + round) % 2 == 0 ? one : two;
          // a different document each round (another count met), so none is a repeat of another
          String document = OwnDocuments.measurementSet047(String.format("00075%04d", entity), 2022)
              .replace("\"performanceMet\" : 120", "\"performanceMet\" : " + (100 + round));
          Reply reply = gateway.post("/api/submissions", document.getBytes(StandardCharsets.UTF_8));
          assertEquals(201, reply.status(), reply.raw().body());
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(pool, "select count(*) from scoring_task where entity_key like 'group|00075%'") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(0, count(pool, "select count(*) from scoring_task where entity_key like 'group|00075%'"), "every task applied");
      int submissions = ENTITIES * SUBMISSIONS_PER_ENTITY;
      assertEquals(submissions, count(pool, "select count(*) from submission where scoring_status = 'scored'"
          + " and tin like '00075%'"));
      assertEquals(submissions, count(pool, "select count(*) from score where tin like '00075%'"), "one submission score each");
      assertEquals(submissions, count(pool, "select count(*) from entity_score where tin like '00075%'"), "one entity version each");
      assertEquals(ENTITIES, count(pool, "select count(*) from entity_score where tin like '00075%'"
          + " and version = " + SUBMISSIONS_PER_ENTITY), "each entity at its last version");
    } finally {
      TestGateway.await(pool.close());
      two.stop(vertx);
      one.stop(vertx);
    }
  }

  /** A count of this test's rows (its TINs start 00075: the database may be shared with other tests). */
  static long count(Pool pool, String sql) throws Exception {
    Row row = TestGateway.await(pool.query(sql).execute()).iterator().next();
    return row.getLong(0);
  }
}

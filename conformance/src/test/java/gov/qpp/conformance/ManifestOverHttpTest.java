package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.GatewayVerticle;
import gov.qpp.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped suite against the real gateway over HTTP, as a tester runs it with {@code --gateway}: every case is
 * validated by {@code /api/submissions/validate}, and every score case is submitted and its score read back from
 * {@code /api/scores} once the gateway has scored it. Embedded PostgreSQL (or QPP_TEST_DB_URL), the packed catalog.
 */
class ManifestOverHttpTest {

  private static final String TOKEN = "conformance-test-token-of-some-length";

  @TempDir
  static Path dataDir;
  static Vertx vertx;
  static GatewayVerticle gateway;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("QPP_HTTP_PORT", "0");
    env.put("QPP_HTTP_MANAGEMENT_PORT", "-1");
    env.put("QPP_DATA_DIR", dataDir.toString());
    String external = System.getenv("QPP_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      env.put("QPP_DB_URL", external);
    }
    vertx = Vertx.vertx();
    gateway = new GatewayVerticle(GatewayConfig.from(env), TOKEN);
    vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedCasePassesAgainstTheGateway() {
    HttpTarget target = new HttpTarget(URI.create("http://127.0.0.1:" + gateway.port()), TOKEN);
    return Manifest.fromClasspath().cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.id(), () -> {
      CaseResult result = new ConformanceRunner(target).run(testCase);
      assertTrue(result.passed(), testCase.id() + ": " + result.message());
    }));
  }
}

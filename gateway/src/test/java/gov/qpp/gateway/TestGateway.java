package gov.qpp.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.gateway.config.GatewayConfig;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real gateway for a test: real HTTP on a free port, a real PostgreSQL (the embedded one in the given
 * data folder, or the external server named by QPP_TEST_DB_URL), and the shared folder's catalog (2017-2026) when
 * it is present, else the one packed into the build (CMS's qpp-measures-data npm package, 2017-2022), as the
 * gateway itself does without QPP_MEASURES_DIR. So every gateway test class runs on every machine: a test that
 * needs the shared folder (its corpus files, or a 2023+ year) skips itself with {@link #assumeSharedFolder}.
 */
public final class TestGateway {

  public static final String TOKEN = "test-bootstrap-token";
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static MeasureCatalog catalog;

  private final GatewayVerticle verticle;
  private final String deploymentId;

  private TestGateway(GatewayVerticle verticle, String deploymentId) {
    this.verticle = verticle;
    this.deploymentId = deploymentId;
  }

  /** True when the test gateways load the shared folder's catalog (2017-2026), false for the packed 2017-2022 one. */
  public static boolean sharedCatalog() {
    return SharedFolder.measures().isPresent();
  }

  /**
   * Skips the calling test (not its class) unless the shared folder's catalog is present: for what only it has,
   * {@code what} (a 2023+ year, or its own data of an earlier year). CI finds these skips by "needs the shared folder".
   */
  public static void assumeSharedFolder(String what) {
    assumeTrue(sharedCatalog(), () -> "skipped: needs the shared folder (" + what
        + "); ../shared/qpp-measures-data not found (set qpp.shared.dir); the test gateway runs on the packed"
        + " 2017-2022 catalog");
  }

  /** The catalog the test gateways load (the same folder or package), for tests that look something up in it. */
  public static synchronized MeasureCatalog catalog() {
    if (catalog == null) {
      catalog = CatalogLoader.load(SharedFolder.measures().orElse(null));
    }
    return catalog;
  }

  public static GatewayConfig config(Path dataDir) {
    return config(dataDir, Map.of());
  }

  /** With settings of the test's own on top (environment variable names: QPP_DB_URL, ...). */
  public static GatewayConfig config(Path dataDir, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("QPP_HTTP_PORT", "0");
    env.put("QPP_HTTP_MANAGEMENT_PORT", "0");
    env.put("QPP_DATA_DIR", dataDir.toString());
    // the shared catalog when present; without QPP_MEASURES_DIR the gateway loads the one packed into the build
    SharedFolder.measures().ifPresent(measures -> env.put("QPP_MEASURES_DIR", measures.toString()));
    env.put("QPP_HTTP_MAX_BODY_BYTES", String.valueOf(MAX_BODY_BYTES));
    String external = System.getenv("QPP_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      env.put("QPP_DB_URL", external);
    }
    env.putAll(overrides);
    return GatewayConfig.from(env);
  }

  public static TestGateway start(Vertx vertx, Path dataDir) throws Exception {
    return start(vertx, dataDir, Map.of());
  }

  public static TestGateway start(Vertx vertx, Path dataDir, Map<String, String> overrides) throws Exception {
    GatewayVerticle verticle = new GatewayVerticle(config(dataDir, overrides), TOKEN);
    String id = await(vertx.deployVerticle(verticle));
    return new TestGateway(verticle, id);
  }

  public void stop(Vertx vertx) throws Exception {
    await(vertx.undeploy(deploymentId));
  }

  public String databaseUrl() {
    return verticle.databaseUrl();
  }

  public int port() {
    return verticle.port();
  }

  public int managementPort() {
    return verticle.managementPort();
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  /** A response with its JSON body (null when the body is not JSON). */
  public record Reply(int status, JsonObject json, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  public Reply post(String path, byte[] body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN);
  }

  public Reply send(HttpRequest request) throws Exception {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    JsonObject json = null;
    try {
      json = new JsonObject(response.body());
    } catch (RuntimeException notJson) {
      // left null: the test asserting JSON will say so
    }
    return new Reply(response.statusCode(), json, response);
  }

  /** Polls the scores endpoint until a score for the submission appears (scoring is asynchronous). */
  public JsonObject awaitScore(String tin, String npi, int year, String submissionId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String query = "/api/scores?tin=" + tin + "&year=" + year + (npi == null ? "" : "&npi=" + npi);
    while (System.nanoTime() < deadline) {
      Reply reply = get(query);
      for (Object item : reply.json().getJsonObject("data").getJsonArray("submissionScores")) {
        JsonObject score = (JsonObject) item;
        if (score.getString("submissionId").equals(submissionId)) {
          return score.getJsonObject("score");
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no score for submission " + submissionId + " within 30 s");
  }
}

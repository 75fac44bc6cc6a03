package gov.qpp.load;

import gov.qpp.gateway.GatewayVerticle;
import gov.qpp.gateway.config.GatewayConfig;
import gov.qpp.validators.SharedFolder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real gateway started inside the driver's JVM: embedded PostgreSQL in a fresh temporary data folder, a
 * random token, any free port on loopback. Closing it stops the gateway and PostgreSQL and deletes the folder,
 * so every run starts from an empty database.
 */
final class InProcessGateway implements AutoCloseable {

  /** Capacity settings passed through from the environment, so a run can try other pool sizes. */
  private static final List<String> TUNABLES = List.of("QPP_INTAKE_WORKERS", "QPP_INTAKE_MAX_PENDING", "QPP_INTAKE_MAX_BUFFERED_BYTES",
      "QPP_DB_POOL_SIZE", "QPP_DB_URL");
  private static final long START_TIMEOUT_SECONDS = 120;

  private final Vertx vertx;
  private final Path dataDir;
  private final String token;
  private final GatewayConfig config;
  private final int port;
  private final int managementPort;
  private final String databaseUrl;

  private InProcessGateway(Vertx vertx, Path dataDir, String token, GatewayConfig config, int port,
      int managementPort, String databaseUrl) {
    this.databaseUrl = databaseUrl;
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.token = token;
    this.config = config;
    this.port = port;
    this.managementPort = managementPort;
  }

  static InProcessGateway start() throws Exception {
    Path dataDir = Files.createTempDirectory("qpp-load-");
    String token = randomToken();
    GatewayConfig config = GatewayConfig.from(environment(dataDir, token));
    Vertx vertx = Vertx.vertx();
    try {
      GatewayVerticle gateway = new GatewayVerticle(config, token);
      vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new InProcessGateway(vertx, dataDir, token, config, gateway.port(),
          gateway.managementPort(), gateway.databaseUrl());
    } catch (Exception e) {
      closeQuietly(vertx);
      deleteTree(dataDir);
      throw e;
    }
  }

  private static Map<String, String> environment(Path dataDir, String token) {
    Map<String, String> env = new HashMap<>();
    env.put("QPP_HTTP_PORT", "0");
    env.put("QPP_HTTP_MANAGEMENT_PORT", "0");
    env.put("QPP_DATA_DIR", dataDir.toString());
    env.put("QPP_BOOTSTRAP_TOKEN", token);
    // Same catalog as production when the shared folder is there; otherwise the 2017-2022 copy packed in the jar.
    String measures = System.getenv("QPP_MEASURES_DIR");
    if (measures != null && !measures.isBlank()) {
      env.put("QPP_MEASURES_DIR", measures);
    } else {
      Path found = SharedFolder.measures().orElse(null);
      if (found != null) {
        env.put("QPP_MEASURES_DIR", found.toString());
      }
    }
    for (String key : TUNABLES) {
      String value = System.getenv(key);
      if (value != null && !value.isBlank()) {
        env.put(key, value);
      }
    }
    return env;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The management port (/health, /ready, /metrics on an event loop of their own). */
  URI managementUri() {
    return URI.create("http://" + LoadOptions.LOOPBACK + ":" + managementPort);
  }

  URI uri() {
    return URI.create("http://" + LoadOptions.LOOPBACK + ":" + port);
  }

  /** The embedded PostgreSQL's URL, for benchmarks that prepare data directly. */
  String databaseUrl() {
    return databaseUrl;
  }

  Vertx vertx() {
    return vertx;
  }

  String token() {
    return token;
  }

  GatewayConfig config() {
    return config;
  }

  /** Undeploying stops the HTTP server, the pools and embedded PostgreSQL (the verticle's stop chain). */
  @Override
  public void close() {
    closeQuietly(vertx);
    deleteTree(dataDir);
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("warning: the in-process gateway did not stop cleanly: " + e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("warning: could not delete " + root + ": " + e.getMessage());
    }
  }
}

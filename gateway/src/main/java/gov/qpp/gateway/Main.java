package gov.qpp.gateway;

import gov.qpp.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads configuration and deploys the gateway; everything else lives in {@link GatewayVerticle}. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    GatewayConfig config;
    String token;
    try {
      config = GatewayConfig.fromEnvironment();
      token = bootstrapToken(config);
    } catch (IllegalArgumentException | IOException e) {
      LOG.atError().addKeyValue("error", e.getMessage()).log("configuration is invalid; not starting");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    GatewayVerticle gateway = new GatewayVerticle(config, token);
    vertx.deployVerticle(gateway).onFailure(error -> {
      LOG.atError().addKeyValue("error", String.valueOf(error.getMessage())).setCause(error)
          .log("gateway failed to start");
      vertx.close().onComplete(closed -> System.exit(1));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        LOG.atWarn().addKeyValue("error", e.getMessage()).log("shutdown was not clean");
      }
    }, "qpp-shutdown"));
  }

  /**
   * The configured bootstrap token, or one generated once into {@code <data.dir>/bootstrap-token} (readable by
   * the owner only), so a fresh machine works without configuration and the token is never logged.
   */
  static String bootstrapToken(GatewayConfig config) throws IOException {
    if (config.bootstrapToken() != null && !config.bootstrapToken().isBlank()) {
      return config.bootstrapToken();
    }
    Path file = config.dataDir().resolve("bootstrap-token");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    Files.createDirectories(config.dataDir());
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.writeString(file, token + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; the file keeps the default permissions
    }
    LOG.atInfo().addKeyValue("file", file.toAbsolutePath().toString())
        .log("generated a bootstrap token; use it as 'Authorization: Bearer <token>'");
    return token;
  }
}

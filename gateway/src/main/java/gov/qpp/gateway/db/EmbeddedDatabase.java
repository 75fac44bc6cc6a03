package gov.qpp.gateway.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the gateway starts for itself when no database URL is configured: a real server (zonky's
 * packaged PostgreSQL 17) whose data directory lives under the data folder and survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Blocking: initdb on first use (seconds), a plain start afterwards. */
  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Files.createDirectories(directory.getParent());
    long started = System.nanoTime();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        // the library starts PostgreSQL with fsync and synchronous_commit off, for throwaway test databases; an
        // acknowledged submission must survive a crash, so both are back on
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        // a year's re-score writes ~2 GB of WAL; at the default 1 GB, checkpoints (and full-page images after each)
        // come every few seconds of it
        .setServerConfig("max_wal_size", "4GB")
        .start();
    LOG.atInfo().addKeyValue("dataDirectory", directory.toString()).addKeyValue("port", postgres.getPort())
        .addKeyValue("startMillis", (System.nanoTime() - started) / 1_000_000)
        .log("embedded PostgreSQL started");
    return new EmbeddedDatabase(postgres);
  }

  /** URL for vertx-pg-client: the embedded server trusts local connections of user postgres. */
  public String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}

package gov.qpp.gateway;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Test classes that share one real gateway, started once per class (real HTTP, real PostgreSQL). */
@ExtendWith(VertxExtension.class)
public abstract class RunningGatewayTest {

  @TempDir
  static Path dataDir;
  protected static TestGateway gateway;

  @BeforeAll
  static void startGateway(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dataDir);
  }

  @AfterAll
  static void stopGateway(Vertx vertx) throws Exception {
    if (gateway != null) {
      gateway.stop(vertx);
      gateway = null;
    }
  }
}

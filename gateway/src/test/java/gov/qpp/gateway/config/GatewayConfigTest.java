package gov.qpp.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

  @Test
  void defaults() {
    GatewayConfig config = GatewayConfig.from(Map.of());
    assertEquals(8080, config.httpPort());
    assertEquals(8081, config.managementPort());
    assertNull(config.dbUrl());
    assertEquals(Path.of("./var"), config.dataDir());
    assertNull(config.measuresDir());
  }

  @Test
  void environmentWinsOverTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("gateway.json");
    Files.writeString(file, "{\"http.port\": 9000, \"db.poolSize\": 4}");
    GatewayConfig config = GatewayConfig.from(Map.of("QPP_CONFIG_FILE", file.toString(), "QPP_HTTP_PORT", "9100"));
    assertEquals(9100, config.httpPort());
    assertEquals(4, config.dbPoolSize());
  }

  @Test
  void badValuesAreNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.from(Map.of("QPP_HTTP_PORT", "eighty")));
    assertEquals("http.port (QPP_HTTP_PORT) must be a whole number, was 'eighty'", error.getMessage());
  }

  @Test
  void unknownFileKeysAreRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("gateway.json");
    Files.writeString(file, "{\"http.prot\": 9000}");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.from(Map.of("QPP_CONFIG_FILE", file.toString())));
    assertTrue(error.getMessage().contains("unknown key 'http.prot'"), error.getMessage());
  }
}

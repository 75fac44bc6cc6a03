package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

  @Test
  void tokenMayComeFromTheEnvironment() throws Exception {
    CliOptions options = CliOptions.parse(new String[] {"--gateway", "http://localhost:8080"},
        Map.of("QPP_TOKEN", "from-env"));
    assertEquals("from-env", options.token());
  }

  @Test
  void commandLineTokenWins() throws Exception {
    CliOptions options = CliOptions.parse(new String[] {"--gateway", "http://localhost:8080", "--token", "cli"},
        Map.of("QPP_TOKEN", "from-env"));
    assertEquals("cli", options.token());
  }

  @Test
  void gatewayWithoutAnyTokenIsAUsageError() {
    assertThrows(CliOptions.UsageException.class,
        () -> CliOptions.parse(new String[] {"--gateway", "http://localhost:8080"}, Map.of()));
  }
}

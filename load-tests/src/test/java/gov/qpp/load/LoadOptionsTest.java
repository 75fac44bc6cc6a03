package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  private static final Path OUT = Path.of("out.json");

  @Test
  void defaultsStartAnInProcessGateway() {
    LoadOptions options = LoadOptions.parse(new String[0], OUT);
    assertEquals(100, options.rate());
    assertEquals(30, options.durationSeconds());
    assertEquals(5, options.warmupSeconds());
    assertTrue(options.inProcessGateway());
  }

  @Test
  void runningGatewayMustBeLoopbackAndNeedsAToken() {
    LoadOptions options = LoadOptions.parse(new String[] {"--gateway", "http://127.0.0.1:8080/", "--token", "t"},
        OUT);
    assertEquals(URI.create("http://127.0.0.1:8080"), options.gateway());
    assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--gateway", "http://example.org:8080", "--token", "t"}, OUT));
    assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--gateway", "http://127.0.0.1:8080"}, OUT));
  }

  @Test
  void boundsAreEnforced() {
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--rate", "0"}, OUT));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--duration", "601"}, OUT));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--rate"}, OUT));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--bogus", "1"}, OUT));
  }
}

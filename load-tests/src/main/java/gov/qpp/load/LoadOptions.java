package gov.qpp.load;

import java.net.URI;
import java.nio.file.Path;

/**
 * Command-line options of {@link RegistryJsonLoad}, checked up front. Every bound is there so a run always ends
 * by itself and only ever talks to this machine.
 */
public record LoadOptions(int rate, int durationSeconds, int warmupSeconds, URI gateway, String token,
    int maxInFlight, int timeoutSeconds, long seed, Path output) {

  static final String LOOPBACK = "127.0.0.1";

  public static final String USAGE = """
      usage: java -jar load-tests.jar [options]
        --rate N            arrival rate, requests per second (default 100, 1-5000)
        --duration S        measured seconds (default 30, 1-600)
        --warmup S          seconds sent first at the same rate and not measured (default 5, 0-120)
        --gateway URL       a running gateway on http://127.0.0.1:PORT (default: start one in-process
                            with embedded PostgreSQL in a fresh temp folder, stopped at the end)
        --token T           bearer token of that gateway (required with --gateway)
        --max-in-flight N   requests outstanding at once; a request due while at the bound is counted
                            as dropped by the driver (default 512, 1-10000)
        --timeout S         per-request timeout, counted as an error (default 10, 1-60)
        --seed N            seed of the synthetic documents (default 42)
        --out FILE          JSON report (default load-tests/target/registry-json-load.json)""";

  public static LoadOptions parse(String[] args, Path defaultOutput) {
    int rate = 100;
    int duration = 30;
    int warmup = 5;
    URI gateway = null;
    String token = null;
    int maxInFlight = 512;
    int timeout = 10;
    long seed = 42;
    Path output = defaultOutput;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--rate" -> rate = bounded(name, value, 1, 5_000);
        case "--duration" -> duration = bounded(name, value, 1, 600);
        case "--warmup" -> warmup = bounded(name, value, 0, 120);
        case "--gateway" -> gateway = loopback(value);
        case "--token" -> token = value;
        case "--max-in-flight" -> maxInFlight = bounded(name, value, 1, 10_000);
        case "--timeout" -> timeout = bounded(name, value, 1, 60);
        case "--seed" -> seed = Long.parseLong(value);
        case "--out" -> output = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (gateway != null && (token == null || token.isBlank())) {
      throw new IllegalArgumentException("--gateway needs --token (the gateway's bearer token)");
    }
    return new LoadOptions(rate, duration, warmup, gateway, token, maxInFlight, timeout, seed, output);
  }

  /** True when the driver starts (and stops) its own gateway. */
  public boolean inProcessGateway() {
    return gateway == null;
  }

  private static int bounded(String name, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  /** Load is only ever sent to this machine's loopback address, never to a shared or remote gateway. */
  static URI loopback(String value) {
    URI uri = URI.create(value);
    if (!"http".equals(uri.getScheme()) || !LOOPBACK.equals(uri.getHost()) || uri.getPort() <= 0) {
      throw new IllegalArgumentException("--gateway must be http://" + LOOPBACK + ":PORT, was " + value);
    }
    return URI.create("http://" + LOOPBACK + ":" + uri.getPort());
  }
}

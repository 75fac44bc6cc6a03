package gov.qpp.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting of the gateway. Each key can be set in a JSON config file (named by {@code QPP_CONFIG_FILE})
 * and by its environment variable, which wins. README.md lists them; {@link #KEYS} is that list.
 */
public record GatewayConfig(int httpPort, int managementPort, String dbUrl, Path dataDir, Path measuresDir, String bootstrapToken,
    int maxBodyBytes, int dbPoolSize, int intakeWorkers, int maxPendingIntakes, long maxBufferedBytes, int httpInstances,
    Path fhirMeasureMap, long claimsMaxBytes, int claimsWorkers, int claimsMaxPending, int claimsMaxRejectedLinePercent) {

  /** Key, environment variable, default (null = unset). */
  public record Key(String name, String env, String defaultValue, String meaning) {
  }

  public static final Map<String, Key> KEYS = keys(
      new Key("http.port", "QPP_HTTP_PORT", "8080", "HTTP port; 0 picks a free port (printed in the log)"),
      new Key("http.managementPort", "QPP_HTTP_MANAGEMENT_PORT", "8081",
          "port for /health, /ready and /metrics on an event loop no upload shares; 0 picks a free port, -1 turns it off"),
      new Key("db.url", "QPP_DB_URL", null,
          "PostgreSQL URL (postgresql://user:pass@host:port/db); unset starts the embedded PostgreSQL"),
      new Key("data.dir", "QPP_DATA_DIR", "./var", "local state: the embedded database, the bootstrap token file"),
      new Key("measures.dir", "QPP_MEASURES_DIR", null,
          "qpp-measures-data folder (measures/, benchmarks/, mvp/); unset uses the npm package packed in the jar (2017-2022)"),
      new Key("bootstrap.token", "QPP_BOOTSTRAP_TOKEN", null,
          "administrator bearer token; unset generates one into <data.dir>/bootstrap-token"),
      new Key("http.maxBodyBytes", "QPP_HTTP_MAX_BODY_BYTES", "10485760", "largest request body accepted (413 above)"),
      new Key("db.poolSize", "QPP_DB_POOL_SIZE", "8", "PostgreSQL connections"),
      new Key("intake.workers", "QPP_INTAKE_WORKERS", "2", "threads that parse and validate documents"),
      new Key("intake.maxPending", "QPP_INTAKE_MAX_PENDING", "64",
          "documents in the gateway at once (body, parse, store); more get 503 with Retry-After"),
      new Key("intake.maxBufferedBytes", "QPP_INTAKE_MAX_BUFFERED_BYTES", "33554432",
          "request bodies held in memory at once; further bodies wait, unread, until there is room"),
      new Key("http.instances", "QPP_HTTP_INSTANCES", "1",
          "HTTP event loops serving the port; on 2 cores 1 measured best (docs/benchmarks.md)"),
      new Key("fhir.measureMap", "QPP_FHIR_MEASURE_MAP", null,
          "JSON file mapping FHIR Measure canonical URLs (without |version) to QPP measure ids or eMeasureIds,"
              + " for canonicals whose last segment names no eMeasureId (docs/fhir.md)"),
      new Key("claims.maxBytes", "QPP_CLAIMS_MAX_BYTES", "2147483648",
          "largest claims file (JSON Lines or CSV) accepted; spooled to <data.dir>/uploads, never held in memory"),
      new Key("claims.workers", "QPP_CLAIMS_WORKERS", "1",
          "threads that read claims files (each file is read by one thread, beside the document intake workers)"),
      new Key("claims.maxPending", "QPP_CLAIMS_MAX_PENDING", "2",
          "claims files in the gateway at once (receiving, reading, storing); more get 503 with Retry-After"),
      new Key("claims.maxRejectedLinePercent", "QPP_CLAIMS_MAX_REJECTED_LINE_PERCENT", "10",
          "a claims file with a larger share of rejected lines is refused whole (docs/claims.md)"));

  private static Map<String, Key> keys(Key... keys) {
    Map<String, Key> map = new LinkedHashMap<>();
    for (Key key : keys) {
      map.put(key.name(), key);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** From the process environment (and the config file it names). */
  public static GatewayConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static GatewayConfig from(Map<String, String> environment) {
    Map<String, String> file = readFile(environment.get("QPP_CONFIG_FILE"));
    Function<String, String> value = name -> {
      Key key = KEYS.get(name);
      String fromEnv = environment.get(key.env());
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
      return file.getOrDefault(name, key.defaultValue());
    };
    String measures = value.apply("measures.dir");
    return new GatewayConfig(
        integer(value, "http.port", 0, 65535),
        integer(value, "http.managementPort", -1, 65535),
        value.apply("db.url"),
        Path.of(value.apply("data.dir")),
        measures == null ? null : Path.of(measures),
        value.apply("bootstrap.token"),
        integer(value, "http.maxBodyBytes", 1024, Integer.MAX_VALUE),
        integer(value, "db.poolSize", 1, 1000),
        integer(value, "intake.workers", 1, 256),
        integer(value, "intake.maxPending", 1, 100_000),
        integer(value, "intake.maxBufferedBytes", 1024, Integer.MAX_VALUE),
        integer(value, "http.instances", 1, 64),
        optionalPath(value.apply("fhir.measureMap")),
        longValue(value, "claims.maxBytes", 1024, Long.MAX_VALUE),
        integer(value, "claims.workers", 1, 64),
        integer(value, "claims.maxPending", 1, 1000),
        integer(value, "claims.maxRejectedLinePercent", 0, 100));
  }

  private static Path optionalPath(String text) {
    return text == null || text.isBlank() ? null : Path.of(text);
  }

  private static long longValue(Function<String, String> value, String name, long min, long max) {
    String text = value.apply(name);
    try {
      long parsed = Long.parseLong(text.trim());
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(describe(name) + " must be between " + min + " and " + max + ", was "
            + text);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(describe(name) + " must be a whole number, was '" + text + "'");
    }
  }

  private static int integer(Function<String, String> value, String name, int min, int max) {
    String text = value.apply(name);
    try {
      int number = Integer.parseInt(text.trim());
      if (number < min || number > max) {
        throw new IllegalArgumentException(describe(name) + " must be between " + min + " and " + max + ", was " + text);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(describe(name) + " must be a whole number, was '" + text + "'");
    }
  }

  private static String describe(String name) {
    return name + " (" + KEYS.get(name).env() + ")";
  }

  private static Map<String, String> readFile(String path) {
    if (path == null || path.isBlank()) {
      return Map.of();
    }
    try {
      JsonNode tree = new ObjectMapper().readTree(Files.readString(Path.of(path)));
      Map<String, String> values = new LinkedHashMap<>();
      tree.fields().forEachRemaining(entry -> {
        if (!KEYS.containsKey(entry.getKey())) {
          throw new IllegalArgumentException("config file " + path + ": unknown key '" + entry.getKey()
              + "'; known keys are " + KEYS.keySet());
        }
        values.put(entry.getKey(), entry.getValue().asText());
      });
      return values;
    } catch (IOException e) {
      throw new IllegalArgumentException("config file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }
}

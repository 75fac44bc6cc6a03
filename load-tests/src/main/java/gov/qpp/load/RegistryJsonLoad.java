package gov.qpp.load;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Open-model load test of {@code POST /api/submissions} with synthetic registry JSON: a fixed arrival rate
 * for a bounded time and request count, against 127.0.0.1 only. Starts its own gateway (embedded PostgreSQL in
 * a temp folder) unless {@code --gateway} names a running one. Prints a plain report and writes it as JSON.
 */
public final class RegistryJsonLoad {

  /** Distinct documents generated before the run, then reused in turn, so generation is off the timed path. */
  static final int DOCUMENT_POOL = 10_000;

  private RegistryJsonLoad() {
  }

  public static void main(String[] args) throws Exception {
    quietGatewayLogs();
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, defaultOutput());
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.println(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options));
  }

  static int run(LoadOptions options) throws Exception {
    LoadReport report = measure(options);
    if (report == null) {
      return 1;
    }
    Files.createDirectories(options.output().toAbsolutePath().getParent());
    Files.writeString(options.output(), report.json().encodePrettily() + "\n");
    // printed after the gateway has stopped, so its shutdown logs do not bury the report
    System.out.print(report.text());
    System.out.println("JSON report: " + options.output());
    return 0;
  }

  /** The run itself; null when the preflight request is refused. The in-process gateway is stopped on return. */
  private static LoadReport measure(LoadOptions options) throws Exception {
    InProcessGateway inProcess = null;
    OpenModelDriver driver = null;
    try {
      URI gateway = options.gateway();
      String token = options.token();
      String description;
      if (options.inProcessGateway()) {
        System.out.println("starting the gateway in-process (embedded PostgreSQL in a temp folder)...");
        inProcess = InProcessGateway.start();
        gateway = inProcess.uri();
        token = inProcess.token();
        description = describe(inProcess);
      } else {
        description = "running gateway at " + gateway;
      }
      driver = new OpenModelDriver(gateway, token, options.maxInFlight(), options.timeoutSeconds());
      HttpResponse<String> check = driver.preflight(new SyntheticRegistryJson(~options.seed()).nextBytes());
      if (check.statusCode() != 201) {
        System.err.println("preflight POST /api/submissions answered " + check.statusCode() + ", not 201: "
            + check.body());
        return null;
      }
      List<byte[]> documents = documents(options);
      OpenModelDriver.Run run = driver.run(options.rate(), options.warmupSeconds(), options.durationSeconds(),
          i -> documents.get((int) (i % documents.size())));
      return new LoadReport(Instant.now(), Machine.current(), description, options, run);
    } finally {
      if (driver != null) {
        driver.close();
      }
      if (inProcess != null) {
        System.out.println("stopping the in-process gateway");
        inProcess.close();
      }
    }
  }

  private static List<byte[]> documents(LoadOptions options) {
    long total = (long) options.rate() * (options.warmupSeconds() + options.durationSeconds());
    SyntheticRegistryJson generator = new SyntheticRegistryJson(options.seed());
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < Math.min(total, DOCUMENT_POOL); i++) {
      documents.add(generator.nextBytes());
    }
    return documents;
  }

  private static String describe(InProcessGateway gateway) {
    var config = gateway.config();
    return "in-process at " + gateway.uri() + ", embedded PostgreSQL, intake workers " + config.intakeWorkers()
        + ", max pending " + config.maxPendingIntakes() + ", db pool " + config.dbPoolSize() + ", catalog "
        + (config.measuresDir() == null ? "packed 2017-2022" : config.measuresDir().toString());
  }

  /**
   * The gateway logs one line per accepted submission; at hundreds per second that costs CPU on the machine
   * being measured. Warnings only, unless QPP_LOG_LEVEL says otherwise (logback.xml reads it).
   */
  private static void quietGatewayLogs() {
    if (System.getenv("QPP_LOG_LEVEL") == null && System.getProperty("QPP_LOG_LEVEL") == null) {
      System.setProperty("QPP_LOG_LEVEL", "WARN");
    }
  }

  /** Next to the jar (or target/classes): load-tests/target/registry-json-load.json. */
  private static Path defaultOutput() {
    try {
      Path code = Path.of(RegistryJsonLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("registry-json-load.json");
    } catch (Exception e) {
      return Path.of("load-tests", "target", "registry-json-load.json");
    }
  }
}

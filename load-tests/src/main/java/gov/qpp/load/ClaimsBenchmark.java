package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.claims.ClaimsFormat;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.claims.ClaimsOutcome;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims intake speed: a synthetic file of N claim lines (default 1,000,000) for 2025, in both formats.
 * First evaluated and aggregated in this thread (read, check, evaluate every claims measure, aggregate per clinician
 * and group, validate the sets), five times each. With {@code --end-to-end} instead, each file is uploaded over
 * HTTP to a fresh in-process gateway and stored in its PostgreSQL. Run with -Xmx512m, the heap the issue sets.
 */
public final class ClaimsBenchmark {

  private ClaimsBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    long claimLines = args.length > 0 && !args[0].startsWith("--") ? Long.parseLong(args[0]) : 1_000_000;
    boolean endToEnd = java.util.Arrays.asList(args).contains("--end-to-end");
    Path shared = SharedFolder.find().orElseThrow(() -> new IllegalStateException("../shared not found"));
    Path dir = Files.createTempDirectory("qpp-claims-bench-");
    Path jsonLines = dir.resolve("claims.jsonl");
    Path csv = dir.resolve("claims.csv");
    try {
      MeasureCatalog catalog = CatalogLoader.fromDirectory(shared.resolve("qpp-measures-data"));
      long claims = new SyntheticClaims(catalog.year(2025).orElseThrow()).write(claimLines, jsonLines, csv);
      System.out.printf("claims benchmark: %,d claim lines in %,d claims; JSON Lines %,d MB, CSV %,d MB; %d cores,"
          + " Java %s, max heap %d MB%n", claimLines, claims, Files.size(jsonLines) >> 20, Files.size(csv) >> 20,
          Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
      if (endToEnd) {
        // the gateway alone in this heap: the generator's catalog is let go first
        catalog = null;
        System.gc();
        endToEnd(csv, "text/csv", claimLines);
        endToEnd(jsonLines, "application/x-ndjson", claimLines);
        return;
      }
      ClaimsIntake intake = new ClaimsIntake(catalog, ClaimsIntake.Limits.DEFAULT);
      List<Double> csvRates = new ArrayList<>();
      List<Double> jsonRates = new ArrayList<>();
      for (int run = 1; run <= RUNS; run++) {
        csvRates.add(evaluate(intake, ClaimsFormat.CSV, csv, claimLines, run));
        jsonRates.add(evaluate(intake, ClaimsFormat.JSON_LINES, jsonLines, claimLines, run));
      }
      // the first run includes the JIT's warm-up; the others are steady state
      System.out.printf("claim lines/s per CPU second, runs 2-%d: CSV median %,.0f best %,.0f; JSON Lines median %,.0f"
          + " best %,.0f%n", RUNS, median(csvRates), best(csvRates), median(jsonRates), best(jsonRates));
    } finally {
      Files.deleteIfExists(jsonLines);
      Files.deleteIfExists(csv);
      Files.deleteIfExists(dir);
    }
  }

  private static final int RUNS = 5;

  private static double median(List<Double> rates) {
    List<Double> steady = rates.subList(1, rates.size()).stream().sorted().toList();
    return steady.get(steady.size() / 2);
  }

  private static double best(List<Double> rates) {
    return rates.subList(1, rates.size()).stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static double evaluate(ClaimsIntake intake, ClaimsFormat format, Path file, long claimLines, int run)
      throws Exception {
    System.gc();
    long cpuBefore = threadCpu();
    long started = System.nanoTime();
    ClaimsOutcome outcome;
    try (InputStream in = Files.newInputStream(file)) {
      outcome = intake.intake(format, in, null);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = (threadCpu() - cpuBefore) / 1e9;
    System.out.printf("run %d %-11s %6.2f s wall, %6.2f s CPU of this thread: %,9.0f claim lines/s (CPU); accepted"
        + " %s, %,d clinicians' instances, %,d clinicians+groups with sets (%,d valid), lines used %,d, rejected %,d;"
        + " sum of heap pool peaks %d MB%n", run, format.name(), seconds, cpu, claimLines / cpu, outcome.accepted(),
        outcome.eligibleInstances(), outcome.submissions().size(),
        outcome.validSubmissions().size(), outcome.report().lines().used(), outcome.report().lines().rejected(),
        heapPeakMb());
    outcome.submissions().stream().filter(derived -> !derived.valid()).findFirst().ifPresent(derived ->
        System.out.println("  first set not valid (" + derived.clinician() + "): " + derived.problems().stream()
            .limit(3).toList()));
    return claimLines / cpu;
  }

  private static void endToEnd(Path file, String contentType, long claimLines) throws Exception {
    try (InProcessGateway gateway = InProcessGateway.start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      long started = System.nanoTime();
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.uri().resolve("/api/submissions"))
          .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + gateway.token())
          .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
          HttpResponse.BodyHandlers.ofString());
      double seconds = (System.nanoTime() - started) / 1e9;
      JsonObject data = new JsonObject(response.body()).getJsonObject("data");
      System.out.printf("end to end (%s, %,d claim lines, %,d MB): HTTP %d in %.2f s; %s; sets %s; sum of heap pool peaks %d MB%n",
          contentType, claimLines, Files.size(file) >> 20, response.statusCode(), seconds,
          data == null ? response.body() : data.getJsonObject("lines").encode(),
          data == null ? "-" : data.getJsonObject("measurementSets").encode(), heapPeakMb());
    }
  }

  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long heapPeakMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}

package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Shows that parsing does not hold up the event loop: 50 concurrent uploads of the corpus's largest QRDA III file
 * while {@code /health} is asked every 5 ms on the management port (its own event loop) and on the main port (the
 * loop reading the uploads); reports how long /health took meanwhile. Target: under 100 ms.
 * The uploads come from another process ({@link Uploader}), as clients do: the JDK client copies every request body
 * into its own buffers, and in the gateway's JVM those 137 MB would be the gateway's garbage to collect. It runs at
 * nice 19, standing in for clients on other hosts: it still shares the two cores, but only the CPU the gateway
 * leaves, where a client elsewhere would take none.
 * Usage: {@code java -cp load-tests/target/load-tests.jar gov.qpp.load.EventLoopProbe [uploads]}.
 */
public final class EventLoopProbe {

  static final int HEALTH_INTERVAL_MILLIS = 5;
  /** Rounds before the measured one: a fresh JVM spends seconds compiling the parser and the HTTP path. */
  static final int WARMUP_ROUNDS = 3;

  private EventLoopProbe() {
  }

  public static void main(String[] args) throws Exception {
    int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path corpus = SharedFolder.corpus("qrda3").orElseThrow(() -> new IllegalStateException("../shared not found"));
    Path largest = largestFile(corpus.resolve("files"));
    try (InProcessGateway gateway = InProcessGateway.start()) {
      HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpClient mainProbe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest health = HttpRequest.newBuilder(gateway.managementUri().resolve("/health")).GET().build();
      HttpRequest mainHealth = HttpRequest.newBuilder(gateway.uri().resolve("/health")).GET().build();
      for (int i = 0; i < 50; i++) {
        probe.send(health, HttpResponse.BodyHandlers.discarding()); // warm the connections and the routes
        mainProbe.send(mainHealth, HttpResponse.BodyHandlers.discarding());
      }
      Process uploader = new ProcessBuilder(List.of("nice", "-n", "19", javaExecutable(), "-cp", System.getProperty("java.class.path"),
          Uploader.class.getName(), gateway.uri().resolve("/api/submissions/validate").toString(), gateway.token(),
          largest.toString(), String.valueOf(uploads), String.valueOf(WARMUP_ROUNDS + 1)))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean measured = new AtomicBoolean();
      Histogram healthMicros = new Histogram(60_000_000L, 3);
      Histogram mainHealthMicros = new Histogram(60_000_000L, 3);
      Thread mainPort = new Thread(() -> probeUntil(mainProbe, mainHealth, measuring, measured, mainHealthMicros),
          "main-port-probe");
      mainPort.start();
      String[] summary = {null};
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(uploader.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            if (line.equals("start " + WARMUP_ROUNDS)) {
              measuring.set(true);
            } else if (line.startsWith("done " + WARMUP_ROUNDS)) {
              summary[0] = line;
              measured.set(true);
            }
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        } finally {
          measured.set(true); // the uploader ended, done or not: stop probing
        }
      });
      reader.start();
      probeUntil(probe, health, measuring, measured, healthMicros);
      reader.join();
      mainPort.join();
      if (uploader.waitFor() != 0 || summary[0] == null) {
        throw new IllegalStateException("the upload process failed (exit " + uploader.exitValue() + ")");
      }
      System.out.printf("event-loop probe: %d concurrent uploads of %s (%d KB) from another process: %s%n", uploads,
          corpus.relativize(largest), Files.size(largest) / 1024, summary[0]);
      report("management port", healthMicros);
      report("main port", mainHealthMicros);
    }
  }

  /** Asks /health every few milliseconds from the start to the end of the measured round. */
  private static void probeUntil(HttpClient client, HttpRequest health, AtomicBoolean measuring,
      AtomicBoolean measured, Histogram micros) {
    try {
      while (!measured.get()) {
        if (!measuring.get()) {
          Thread.sleep(1);
          continue;
        }
        long t0 = System.nanoTime();
        client.send(health, HttpResponse.BodyHandlers.discarding());
        micros.recordValue((System.nanoTime() - t0) / 1_000);
        Thread.sleep(HEALTH_INTERVAL_MILLIS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("/health failed during the uploads", e);
    }
  }

  private static void report(String port, Histogram micros) {
    System.out.printf("/health on the %s during the uploads: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
        + " (target: max under 100 ms)%n", port, micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path largestFile(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".xml"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
  }
}

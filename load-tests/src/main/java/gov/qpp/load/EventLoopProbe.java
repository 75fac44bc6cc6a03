package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Shows that parsing does not block the event loop: 50 concurrent uploads of the corpus's largest QRDA III file
 * while {@code /health} is asked every 5 ms; reports how long /health took meanwhile. Target: under 100 ms.
 * Usage: {@code java -cp load-tests/target/load-tests.jar gov.qpp.load.EventLoopProbe [uploads]}.
 */
public final class EventLoopProbe {

  static final int HEALTH_INTERVAL_MILLIS = 5;
  static final int WARMUP_ROUNDS = 3;

  private EventLoopProbe() {
  }

  public static void main(String[] args) throws Exception {
    int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path corpus = SharedFolder.corpus("qrda3").orElseThrow(() -> new IllegalStateException("../shared not found"));
    Path largest = largestFile(corpus.resolve("files"));
    byte[] document = Files.readAllBytes(largest);
    try (InProcessGateway gateway = InProcessGateway.start()) {
      // Two clients: the JDK client's one selector thread would otherwise delay /health behind 137 MB of uploads.
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest health = HttpRequest.newBuilder(gateway.uri().resolve("/health")).GET().build();
      for (int i = 0; i < 50; i++) {
        probe.send(health, HttpResponse.BodyHandlers.discarding()); // warm the connection and the route
      }
      HttpRequest upload = HttpRequest.newBuilder(gateway.uri().resolve("/api/submissions/validate"))
          .header("Authorization", "Bearer " + gateway.token()).header("Content-Type", "application/xml")
          .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build();
      // Warm-up rounds, not measured: a fresh JVM spends seconds compiling the parser and the HTTP path.
      for (int round = 0; round < WARMUP_ROUNDS; round++) {
        List<CompletableFuture<HttpResponse<Void>>> warm = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
          warm.add(http.sendAsync(upload, HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).join();
      }
      long started = System.nanoTime();
      List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        sent.add(http.sendAsync(upload, HttpResponse.BodyHandlers.discarding()));
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
      Histogram healthMicros = new Histogram(60_000_000L, 3);
      while (!all.isDone()) {
        long t0 = System.nanoTime();
        probe.send(health, HttpResponse.BodyHandlers.discarding());
        healthMicros.recordValue((System.nanoTime() - t0) / 1_000);
        Thread.sleep(HEALTH_INTERVAL_MILLIS);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      TreeMap<Integer, Integer> statuses = new TreeMap<>();
      sent.forEach(future -> statuses.merge(future.join().statusCode(), 1, Integer::sum));
      System.out.printf("event-loop probe: %d concurrent uploads of %s (%d KB) in %.2f s, statuses %s%n", uploads,
          corpus.relativize(largest), document.length / 1024, seconds, statuses);
      System.out.printf("/health during the uploads: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms (target: max"
          + " under 100 ms)%n", healthMicros.getTotalCount(), healthMicros.getValueAtPercentile(50) / 1000.0,
          healthMicros.getValueAtPercentile(99) / 1000.0, healthMicros.getMaxValue() / 1000.0);
    }
  }

  private static Path largestFile(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".xml"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
  }
}

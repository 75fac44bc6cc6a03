package gov.qpp.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends POST /api/submissions at a fixed arrival rate whatever the gateway does (open model): one thread
 * walks the {@link FixedRateSchedule}, waits for each intended start and fires the request asynchronously; a
 * slow gateway therefore makes latency grow instead of slowing the driver down. Only requests of the measured
 * phase are counted.
 */
final class OpenModelDriver {

  /** How far ahead of the first request the schedule starts, so the first one is not already late. */
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final URI endpoint;
  private final String token;
  private final int maxInFlight;
  private final Duration timeout;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService callbacks;
  private final HttpClient client;

  OpenModelDriver(URI gateway, String token, int maxInFlight, int timeoutSeconds) {
    this.endpoint = gateway.resolve("/api/submissions");
    this.token = token;
    this.maxInFlight = maxInFlight;
    this.timeout = Duration.ofSeconds(timeoutSeconds);
    // Two daemon threads handle completions: recording a latency is cheap and the driver must not steal the
    // gateway's CPU (they share this machine), nor keep the JVM alive at the end.
    this.callbacks = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "load-callbacks");
      thread.setDaemon(true);
      return thread;
    });
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance: the gateway speaks HTTP/1.1
        .connectTimeout(timeout)
        .executor(callbacks)
        .build();
  }

  /** One request sent and awaited before the run, to fail fast on a wrong token or a gateway that is not up. */
  HttpResponse<String> preflight(byte[] body) throws Exception {
    return client.send(request(body), HttpResponse.BodyHandlers.ofString());
  }

  /** What a run hands to the report: its schedule and what the measured phase produced. */
  record Run(FixedRateSchedule schedule, LoadResults.Snapshot results) {
  }

  /**
   * Runs the whole schedule, then waits for the last responses (at most one timeout). {@code bodies} gives the
   * document of request {@code i}. A request is sent late only if this thread was descheduled; its latency still
   * counts from its intended start.
   */
  Run run(int rate, int warmupSeconds, int durationSeconds, LongFunction<byte[]> bodies)
      throws InterruptedException {
    FixedRateSchedule schedule = new FixedRateSchedule(System.nanoTime() + LEAD_NANOS, rate, warmupSeconds,
        durationSeconds);
    LoadResults results = new LoadResults();
    System.out.printf("warmup %d s, then measuring %d s at %d req/s (%d requests in all)%n", warmupSeconds,
        durationSeconds, rate, schedule.totalRequests());
    for (long i = 0; i < schedule.totalRequests(); i++) {
      long intended = schedule.intendedStartNanos(i);
      waitUntil(intended);
      boolean measured = !schedule.isWarmup(i);
      if (i == schedule.warmupRequests()) {
        System.out.println("measuring...");
      }
      if (inFlight.get() >= maxInFlight) {
        if (measured) {
          results.dropped();
        }
        continue;
      }
      send(bodies.apply(i), intended, measured ? results : null);
    }
    System.out.println("schedule done; waiting for the last responses");
    awaitDrain();
    return new Run(schedule, results.snapshot());
  }

  private void send(byte[] body, long intendedNanos, LoadResults results) {
    inFlight.incrementAndGet();
    if (results != null) {
      results.sent();
    }
    client.sendAsync(request(body), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      long now = System.nanoTime();
      inFlight.decrementAndGet();
      if (results == null) {
        return;
      }
      if (failure != null) {
        results.error(now);
      } else {
        results.response(response.statusCode(), now - intendedNanos, now);
      }
    });
  }

  private HttpRequest request(byte[] body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static void waitUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }

  /** Outstanding requests end by the per-request timeout at the latest; wait a little longer than that. */
  private void awaitDrain() throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (inFlight.get() > 0) {
      System.err.println("warning: " + inFlight.get() + " requests still outstanding after the drain timeout");
    }
  }

  /** Lets the JDK client's threads go; they are daemons anyway. */
  void close() {
    callbacks.shutdownNow();
  }
}

package gov.qpp.load;

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

/**
 * The client side of {@link EventLoopProbe}, in its own process: rounds of concurrent uploads of one document.
 * Prints {@code start N} when round N begins and {@code done N in S s, statuses {...}} when its answers are in.
 * Usage: {@code Uploader <url> <token> <file> <concurrent> <rounds>}.
 */
public final class Uploader {

  private Uploader() {
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    String token = args[1];
    byte[] document = Files.readAllBytes(Path.of(args[2]));
    int concurrent = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest upload = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/xml").timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build();
    for (int round = 0; round < rounds; round++) {
      System.out.println("start " + round);
      System.out.flush();
      long started = System.nanoTime();
      List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
      for (int i = 0; i < concurrent; i++) {
        sent.add(http.sendAsync(upload, HttpResponse.BodyHandlers.discarding()));
      }
      TreeMap<Integer, Integer> statuses = new TreeMap<>();
      for (CompletableFuture<HttpResponse<Void>> answer : sent) {
        statuses.merge(answer.join().statusCode(), 1, Integer::sum);
      }
      System.out.printf("done %d in %.2f s, statuses %s%n", round, (System.nanoTime() - started) / 1e9, statuses);
      System.out.flush();
    }
  }
}

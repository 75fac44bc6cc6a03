package gov.qpp.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

/**
 * Requests to the gateway's own port before it reports ready: a few {@code $validate} calls (which store nothing)
 * and capability statements, so the HTTP, routing, body and worker paths of a FHIR request are compiled before the
 * first client's arrives. They show in the metrics as validated FHIR documents.
 */
public final class HttpWarmUp {

  /** Enough rounds for the JIT to compile the request path; about a second on this machine kind. */
  static final int ROUNDS = 20;

  private HttpWarmUp() {
  }

  public static Future<Void> run(Vertx vertx, int port, String token, byte[] document) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port));
    Future<Void> chain = Future.succeededFuture();
    for (int round = 0; round < ROUNDS; round++) {
      chain = chain
          .compose(done -> client.request(HttpMethod.POST, "/fhir/MeasureReport/$validate"))
          .compose(request -> request.putHeader("Authorization", "Bearer " + token)
              .putHeader("Content-Type", "application/fhir+json").send(Buffer.buffer(document)))
          .compose(response -> response.body().mapEmpty())
          .compose(done -> client.request(HttpMethod.GET, "/fhir/metadata"))
          .compose(request -> request.send())
          .compose(response -> response.body().mapEmpty());
    }
    // a warm-up, not a duty: whatever happens, the gateway goes on
    return chain.otherwiseEmpty().eventually(client::close).mapEmpty();
  }
}

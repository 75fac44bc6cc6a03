package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.qpp.gateway.RunningGatewayTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Java's HttpClient asks every new connection to upgrade to HTTP/2 (h2c). The gateway answers in HTTP/1.1 instead:
 * with the upgrade accepted, a GET once hung until the idle timeout (Vert.x's h2c upgrade beside compression).
 */
class Http1OnlyTest extends RunningGatewayTest {

  @Test
  void clientsAskingForAnH2cUpgradeAreAnsweredInHttp11AtOnce() throws Exception {
    for (int i = 0; i < 20; i++) {
      // a new client each time: a new connection, so a new upgrade request
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + gateway.port() + "/openapi.yaml")).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }
  }
}

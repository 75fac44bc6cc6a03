package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's answers map to outcomes; anything else is a failed case with a message, never an exception. */
class HttpTargetTest {

  private static final String ACCEPTED = "{\"data\":{\"valid\":true,\"submission\":{},\"warnings\":["
      + "{\"code\":\"POPULATION_SUM_EXCEEDS_ELIGIBLE_POPULATION\",\"severity\":\"warning\",\"message\":\"m\","
      + "\"path\":\"$\"}]}}";
  private static final String REJECTED = "{\"error\":{\"type\":\"ValidationError\",\"message\":\"invalid\","
      + "\"details\":[{\"code\":\"TIN_FORMAT\",\"severity\":\"error\",\"message\":\"m\",\"path\":\"$.tin\"},"
      + "{\"code\":\"NPI_CHECK_DIGIT\",\"severity\":\"error\",\"message\":\"m\",\"path\":\"$.npi\"}]}}";
  private static final String MALFORMED = "{\"error\":{\"type\":\"MalformedDocument\",\"message\":\"unreadable\","
      + "\"details\":[{\"code\":\"XML_DTD_NOT_ALLOWED\",\"severity\":\"error\",\"message\":\"m\",\"path\":\"line 1\"}]}}";
  private static final String BROKEN = "{\"error\":{\"type\":\"InternalError\",\"message\":\"boom\"}}";

  private HttpServer server;
  private URI baseUrl;
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final AtomicReference<String> contentType = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // The document's text picks the canned answer, so each test controls the gateway through its case.
    server.createContext(HttpTarget.VALIDATE_PATH, exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (body.contains("accept")) {
        answer(exchange, 200, ACCEPTED);
      } else if (body.contains("reject")) {
        answer(exchange, 422, REJECTED);
      } else if (body.contains("<malformed")) {
        answer(exchange, 400, MALFORMED);
      } else {
        answer(exchange, 500, BROKEN);
      }
    });
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static ConformanceCase testCase(String document, Outcome outcome, String... codes) {
    return new ConformanceCase("case-" + document, "d", "registry-json", "x.json", null,
        new Expectation(outcome, List.of(codes)), document.getBytes(StandardCharsets.UTF_8));
  }

  private CaseResult run(ConformanceCase testCase) {
    return new ConformanceRunner(new HttpTarget(baseUrl, "secret-token", Duration.ofSeconds(5))).run(testCase);
  }

  @Test
  void okIsAcceptedWithWarningCodes() {
    CaseResult result = run(testCase("accept", Outcome.ACCEPTED, "POPULATION_SUM_EXCEEDS_ELIGIBLE_POPULATION"));
    assertTrue(result.passed(), result.message());
    assertEquals(Outcome.ACCEPTED, result.actualOutcome());
    assertEquals("Bearer secret-token", authorization.get());
    assertEquals("application/json", contentType.get());
  }

  @Test
  void unprocessableIsRejectedWithDetailCodes() {
    CaseResult result = run(testCase("reject", Outcome.REJECTED, "NPI_CHECK_DIGIT"));
    assertTrue(result.passed(), result.message());
    assertEquals(List.of("TIN_FORMAT", "NPI_CHECK_DIGIT"), result.actualCodes());
  }

  @Test
  void unreadableXmlIsRejectedAndSentAsXml() {
    ConformanceCase xml = new ConformanceCase("case-xml", "d", "qrda3", "x.xml", null,
        new Expectation(Outcome.REJECTED, List.of("XML_DTD_NOT_ALLOWED")),
        "<malformed/>".getBytes(StandardCharsets.UTF_8));
    CaseResult result = run(xml);
    assertTrue(result.passed(), result.message());
    assertEquals("application/xml", contentType.get());
  }

  @Test
  void wrongOutcomeFailsTheCase() {
    CaseResult result = run(testCase("accept", Outcome.REJECTED, "TIN_FORMAT"));
    assertFalse(result.passed());
    assertTrue(result.message().contains("expected rejected, got accepted"), result.message());
  }

  @Test
  void serverErrorFailsTheCaseWithAMessage() {
    CaseResult result = run(testCase("crash", Outcome.REJECTED, "TIN_FORMAT"));
    assertFalse(result.passed());
    assertNull(result.actualOutcome());
    assertTrue(result.message().contains("HTTP 500") && result.message().contains("boom"), result.message());
    assertFalse(result.message().contains("secret-token"), result.message());
  }

  @Test
  void unreachableGatewayFailsTheCaseWithAMessage() {
    server.stop(0);
    CaseResult result = run(testCase("accept", Outcome.ACCEPTED));
    assertFalse(result.passed());
    assertTrue(result.message().startsWith("cannot connect to http://127.0.0.1:"), result.message());
  }
}

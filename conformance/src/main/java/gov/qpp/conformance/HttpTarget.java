package gov.qpp.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.fhir.FhirEncoding;
import gov.qpp.validators.intake.Format;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each case to a running gateway's {@code POST /api/submissions/validate}, which validates without
 * storing anything, so the suite can run against production-like gateways before the deadline. 200 is
 * accepted (codes from {@code data.warnings}), 422 is rejected (codes from {@code error.details}); anything
 * else is no usable answer and fails the case with a message, never an exception.
 *
 * <p>A case that expects a score is submitted instead ({@code POST /api/submissions}: it is stored, so run score
 * cases against a test gateway; each reports for a TIN of its own), and its entity's score is then read from
 * {@code GET /api/scores} once the gateway has scored that submission.
 */
public final class HttpTarget implements Target {

  public static final String VALIDATE_PATH = "/api/submissions/validate";
  public static final String SUBMIT_PATH = "/api/submissions";
  public static final String SCORES_PATH = "/api/scores";
  /** How often the entity's score is asked for while the gateway scores a submission. */
  static final Duration SCORE_POLL = Duration.ofMillis(100);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** How much of an unexpected body a failure message quotes: enough to recognise it, not to flood a log. */
  private static final int QUOTED_BODY_CHARS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final URI endpoint;
  private final String token;
  private final Duration timeout;
  private final HttpClient client;

  public HttpTarget(URI baseUrl, String token) {
    this(baseUrl, token, DEFAULT_TIMEOUT);
  }

  public HttpTarget(URI baseUrl, String token, Duration timeout) {
    this.base = baseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + VALIDATE_PATH);
    this.token = token;
    this.timeout = timeout;
    // Redirects are not followed: the bearer token must go to the gateway named, nowhere else. HTTP/1.1 because
    // the default (HTTP/2) turns plain-http POSTs into h2c upgrade requests, which proxies handle unevenly.
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The format's media type; FHIR cases are sent as the encoding they are written in. */
  static String contentType(ConformanceCase testCase) {
    Format format = Format.byId(testCase.format()).orElse(Format.REGISTRY_JSON);
    return format == Format.FHIR ? FhirEncoding.sniff(testCase.document()).mediaType() : format.mediaType();
  }

  @Override
  public Observation validate(ConformanceCase testCase) throws TargetException {
    if (testCase.expect().score() != null) {
      return submitAndScore(testCase);
    }
    HttpResponse<String> response = send(post(endpoint, testCase));
    return switch (response.statusCode()) {
      case 200 -> new Observation(Outcome.ACCEPTED, codes(response, "data", "warnings"));
      // 422: the content is wrong; 400: the bytes are not readable (malformed XML, attacks). Both list problems.
      case 400, 422 -> new Observation(Outcome.REJECTED, codes(response, "error", "details"));
      case 401, 403 -> throw new TargetException("HTTP " + response.statusCode() + " from " + endpoint
          + ": the gateway refused the bearer token (check --token)");
      default -> throw new TargetException("HTTP " + response.statusCode() + " from " + endpoint
          + " (expected 200, 400 or 422): " + quote(response.body()));
    };
  }

  /** Stores the document, then reads its entity's score once the gateway has scored it. */
  private Observation submitAndScore(ConformanceCase testCase) throws TargetException {
    URI submit = URI.create(base + SUBMIT_PATH);
    HttpResponse<String> response = send(post(submit, testCase));
    return switch (response.statusCode()) {
      case 201 -> {
        List<String> codes = codes(response, "data", "warnings");
        JsonNode data = json(response).path("data");
        yield new Observation(Outcome.ACCEPTED, codes, awaitScore(data.path("id").asText(),
            data.path("submission")));
      }
      case 400, 422 -> new Observation(Outcome.REJECTED, codes(response, "error", "details"));
      case 401, 403 -> throw new TargetException("HTTP " + response.statusCode() + " from " + submit
          + ": the gateway refused the bearer token (check --token)");
      default -> throw new TargetException("HTTP " + response.statusCode() + " from " + submit
          + " (expected 201, 400 or 422): " + quote(response.body()));
    };
  }

  /** The entity's score tree once its current version is the one this submission made. */
  private JsonNode awaitScore(String submissionId, JsonNode submission) throws TargetException {
    String tin = submission.path("taxpayerIdentificationNumber").asText(null);
    if (tin == null) {
      throw new TargetException("a score case must report for a TIN (the scores are read by TIN and NPI)");
    }
    String npi = submission.path("nationalProviderIdentifier").asText(null);
    URI scores = URI.create(base + SCORES_PATH + "?tin=" + tin + (npi == null ? "" : "&npi=" + npi) + "&year="
        + submission.path("performanceYear").asInt());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(scores).timeout(timeout)
          .header("Authorization", "Bearer " + token).GET().build());
      if (response.statusCode() != 200) {
        throw new TargetException("HTTP " + response.statusCode() + " from " + scores + ": " + quote(response.body()));
      }
      JsonNode data = json(response).path("data");
      if (("submission " + submissionId).equals(data.path("reason").asText())) {
        return data.path("score");
      }
      try {
        Thread.sleep(SCORE_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("interrupted while waiting for the score of submission " + submissionId);
      }
    }
    throw new TargetException("submission " + submissionId + " was not scored within " + timeout.toSeconds()
        + " s (" + scores + ")");
  }

  private HttpRequest post(URI to, ConformanceCase testCase) {
    return HttpRequest.newBuilder(to)
        .timeout(timeout)
        .header("Content-Type", contentType(testCase))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(testCase.document()))
        .build();
  }

  private JsonNode json(HttpResponse<String> response) throws TargetException {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new TargetException("HTTP " + response.statusCode() + " from " + response.uri() + " with a body that is"
          + " not JSON: " + quote(response.body()));
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws TargetException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TargetException("no answer from " + endpoint + " within " + timeout.toSeconds() + " s");
    } catch (ConnectException e) {
      throw new TargetException("cannot connect to " + endpoint + " (" + describe(e) + ")");
    } catch (IOException e) {
      throw new TargetException("request to " + endpoint + " failed (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("interrupted while waiting for " + endpoint);
    }
  }

  /** The {@code code} of every element of {@code body.<envelope>.<list>}, or a failure naming what was wrong. */
  private List<String> codes(HttpResponse<String> response, String envelope, String list) throws TargetException {
    JsonNode items;
    try {
      items = JSON.readTree(response.body()).path(envelope).path(list);
    } catch (JsonProcessingException e) {
      throw new TargetException("HTTP " + response.statusCode() + " from " + endpoint + " with a body that is not"
          + " JSON: " + quote(response.body()));
    }
    if (!items.isArray()) {
      throw new TargetException("HTTP " + response.statusCode() + " from " + endpoint + " without the array "
          + envelope + "." + list + ": " + quote(response.body()));
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.path("code").isTextual()) {
        throw new TargetException("HTTP " + response.statusCode() + " from " + endpoint + ": an element of "
            + envelope + "." + list + " has no code: " + quote(item.toString()));
      }
      codes.add(item.get("code").asText());
    }
    return codes;
  }

  /** The innermost cause that says something: HttpClient often wraps "Connection refused" in a bare exception. */
  private static String describe(Throwable e) {
    Throwable said = e;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        said = cause;
      }
    }
    return said.getMessage() == null ? said.getClass().getSimpleName() : said.getClass().getSimpleName() + ": "
        + said.getMessage();
  }

  private static String quote(String body) {
    String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "(empty body)";
    }
    return oneLine.length() <= QUOTED_BODY_CHARS ? oneLine : oneLine.substring(0, QUOTED_BODY_CHARS) + "...";
  }

  @Override
  public String describe() {
    return "gateway " + endpoint;
  }
}

package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records what every endpoint answers to a fixed sequence of inputs (the shared corpus, the conformance cases,
 * seeded synthetic documents and a few mutations of each), so that a change meant to keep behaviour can be shown to
 * keep it: run once before, once after, and diff the two folders. Ids and clock times are masked, everything else
 * is written byte for byte. Each input is sent after the previous one has been scored, so the order of scoring is
 * the order of sending.
 *
 * <p>Usage: {@code java -cp load-tests.jar gov.qpp.load.AnswerSnapshot --out DIR [--repo DIR]} (the repository
 * root, for the conformance cases; default the current directory). Needs the shared folder.
 */
public final class AnswerSnapshot {

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}(:\\d{2})?|Z)?");
  private static final Pattern ELAPSED = Pattern.compile("\"elapsedSeconds\":[0-9.eE-]+");
  private static final String BOUNDARY = "----qpp-snapshot-boundary";

  private record Input(String name, byte[] body, String contentType) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;
  private final Path out;
  private final Set<String> entities = new LinkedHashSet<>();
  private final List<String> stored = new ArrayList<>();
  private int sequence;

  private AnswerSnapshot(URI base, String token, Path out) {
    this.base = base;
    this.token = token;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path out = null;
    Path repo = Path.of(".");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[i + 1]);
        case "--repo" -> repo = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || SharedFolder.find().isEmpty()) {
      System.err.println("usage: AnswerSnapshot --out DIR [--repo DIR]; needs the shared folder (../shared)");
      System.exit(2);
    }
    Files.createDirectories(out);
    try (InProcessGateway gateway = InProcessGateway.start()) {
      AnswerSnapshot snapshot = new AnswerSnapshot(gateway.uri(), gateway.token(), out);
      snapshot.run(inputs(SharedFolder.find().get().resolve("corpus"), repo));
    }
    System.out.println("answers written to " + out);
  }

  private void run(List<Input> inputs) throws Exception {
    for (Input input : inputs) {
      send(input);
    }
    readBack();
    refusals();
    metrics();
  }

  /** Every route that reads the input's kind, in a fixed order. */
  private void send(Input input) throws Exception {
    String type = input.contentType();
    boolean fhir = type.startsWith("application/fhir");
    String query = type.equals("application/x-ndjson") || type.equals("text/csv") ? "?year=2025" : "";
    record("validate", input.name(), post("/api/submissions/validate" + query, type, input.body()));
    HttpResponse<String> submitted = post("/api/submissions" + query, type, input.body());
    record("submit", input.name(), submitted);
    remember(submitted);
    if (type.equals("application/x-ndjson")) {
      record("submit-again", input.name(), post("/api/submissions" + query, type, input.body()));
    }
    if (type.equals("application/xml")) {
      record("convert", input.name(), convert(input));
    }
    if (fhir) {
      record("fhir-validate", input.name(), post("/fhir/MeasureReport/$validate", type, input.body()));
      HttpResponse<String> created = post(input.name().contains("Bundle") ? "/fhir" : "/fhir/MeasureReport", type,
          input.body());
      record("fhir-create", input.name(), created);
      remember(created);
      HttpResponse<String> submitData = post("/fhir/Measure/$submit-data", type, input.body());
      record("fhir-submit-data", input.name(), submitData);
      remember(submitData);
    }
    awaitScoring();
  }

  private void remember(HttpResponse<String> response) {
    response.headers().firstValue("Location").ifPresent(location -> stored.add(location));
  }

  /** Waits until nothing stored is pending: each answer's scores then follow the order of sending. */
  private void awaitScoring() throws Exception {
    for (String location : stored) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> read = get(location);
        JsonObject data = new JsonObject(read.body()).getJsonObject("data");
        if (!"pending".equals(data.getString("scoringStatus"))) {
          JsonObject submission = data.getJsonObject("submission");
          entities.add(submission.getString("taxpayerIdentificationNumber") + "|"
              + submission.getString("nationalProviderIdentifier", "") + "|"
              + submission.getInteger("performanceYear"));
          break;
        }
        Thread.sleep(20);
      }
    }
  }

  private void readBack() throws Exception {
    int n = 0;
    for (String location : stored) {
      record("read", String.valueOf(n++), get(location));
    }
    for (String entity : entities) {
      String[] parts = entity.split("\\|", -1);
      if (parts[0].equals("null")) {
        continue; // an APM entity or virtual group: no TIN to ask by
      }
      String npi = parts[1].isEmpty() || parts[1].equals("null") ? "" : "&npi=" + parts[1];
      record("scores", entity, get("/api/scores?tin=" + parts[0] + npi + "&year=" + parts[2]));
      if (!npi.isEmpty()) {
        record("feedback", entity, get("/api/clinicians/" + parts[0] + "/" + parts[1] + "/feedback?year="
            + parts[2]));
        record("low-volume", entity, get("/api/low-volume?tin=" + parts[0] + npi + "&year=" + parts[2]));
      }
    }
  }

  /** Refusals that come before any document is read. */
  private void refusals() throws Exception {
    byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
    record("no-token", "submissions", http.send(HttpRequest.newBuilder(base.resolve("/api/submissions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(small)).build(),
        HttpResponse.BodyHandlers.ofString()));
    record("bad-type", "submissions", post("/api/submissions", "text/plain", small));
    record("bad-type", "fhir", post("/fhir/MeasureReport", "application/json", small));
    record("bad-type", "eligibility", post("/api/eligibility", "application/json", small));
    record("not-found", "path", get("/api/nothing-here"));
    record("not-found", "submission", get("/api/submissions/00000000-0000-0000-0000-000000000000"));
    record("not-found", "malformed-id", get("/api/submissions/not-an-id"));
    record("not-found", "rescore", get("/api/rescore/not-an-id"));
    record("bad-query", "scores", get("/api/scores?tin=12&year=2025"));
    record("bad-query", "feedback", get("/api/clinicians/000000002/12/feedback?year=2025"));
    record("method", "submissions", http.send(request("/api/submissions").PUT(
        HttpRequest.BodyPublishers.ofByteArray(small)).build(), HttpResponse.BodyHandlers.ofString()));
    record("too-large", "submissions", post("/api/submissions", "application/json",
        new byte[11 * 1024 * 1024]));
    record("convert-no-file", "convert", post("/api/convert", "multipart/form-data; boundary=" + BOUNDARY,
        ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
    record("eligibility", "refused", post("/api/eligibility", "application/x-ndjson",
        "{\"tin\": \"12\"}\n".getBytes(StandardCharsets.UTF_8)));
    record("eligibility", "accepted", post("/api/eligibility", "application/x-ndjson",
        "{\"tin\": \"000000002\", \"performanceYear\": 2022, \"smallPractice\": true}\n"
            .getBytes(StandardCharsets.UTF_8)));
    record("rescore", "bad", post("/api/rescore", "application/json", "{\"performanceYear\": 1}"
        .getBytes(StandardCharsets.UTF_8)));
    record("rescore", "bad-scaling", post("/api/rescore", "application/json",
        "{\"performanceYear\": 2022, \"scalingFactor\": 9}".getBytes(StandardCharsets.UTF_8)));
    record("metadata", "fhir", get("/fhir/metadata"));
  }

  /** The document and problem counters (counts only; gauges vary with timing). */
  private void metrics() throws Exception {
    HttpResponse<String> metrics = get("/metrics");
    StringBuilder counters = new StringBuilder();
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("qpp_documents_total") || line.startsWith("qpp_problems_total")) {
        counters.append(line).append('\n');
      }
    }
    Files.writeString(out.resolve(String.format("%04d-metrics.txt", sequence++)), counters.toString());
  }

  private HttpResponse<String> convert(Input input) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + Path.of(input.name()).getFileName() + "\"\r\nContent-Type: application/xml\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(input.body());
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post("/api/convert", "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private void record(String route, String name, HttpResponse<String> response) throws IOException {
    StringBuilder text = new StringBuilder().append(response.statusCode()).append('\n');
    for (String header : List.of("Content-Type", "Location", "Retry-After", "WWW-Authenticate")) {
      response.headers().firstValue(header).ifPresent(value -> text.append(header).append(": ").append(mask(value))
          .append('\n'));
    }
    text.append('\n').append(mask(response.body())).append('\n');
    String file = String.format("%04d-%s-%s.txt", sequence++, route, name.replaceAll("[^A-Za-z0-9.-]+", "_"));
    Files.writeString(out.resolve(file), text.toString());
  }

  static String mask(String body) {
    String masked = UUID.matcher(body).replaceAll("<uuid>");
    masked = TIME.matcher(masked).replaceAll("<time>");
    return ELAPSED.matcher(masked).replaceAll("\"elapsedSeconds\":<n>");
  }

  /** The shared corpus, the conformance cases, synthetic documents and mutations of each, in a fixed order. */
  private static List<Input> inputs(Path corpus, Path repo) throws IOException {
    Map<String, Input> inputs = new LinkedHashMap<>();
    for (Path file : files(corpus.resolve("registry-json"), ".json")) {
      add(inputs, "registry/" + file.getFileName(), Files.readAllBytes(file), "application/json");
    }
    for (Path file : files(corpus.resolve("qrda3/files"), ".xml")) {
      add(inputs, "qrda3/" + corpus.resolve("qrda3/files").relativize(file), Files.readAllBytes(file),
          "application/xml");
    }
    for (Path file : files(corpus.resolve("fhir"), ".json")) {
      add(inputs, "fhir/" + file.getFileName(), Files.readAllBytes(file), "application/fhir+json");
    }
    for (Path file : files(corpus.resolve("qrda1"), ".xml")) {
      if (file.toString().contains("Sample Files")) {
        add(inputs, "qrda1/" + file.getFileName(), Files.readAllBytes(file), "application/xml");
      }
    }
    for (Path file : files(corpus.resolve("claims"), ".jsonl")) {
      inputs.put("claims/" + file.getFileName(), new Input("claims/" + file.getFileName(), Files.readAllBytes(file),
          "application/x-ndjson"));
    }
    Path cases = repo.resolve("conformance/src/main/resources/conformance/cases");
    for (Path file : files(cases, "")) {
      String kind = cases.relativize(file).getName(0).toString();
      String type = switch (kind) {
        case "fhir" -> file.toString().endsWith(".xml") ? "application/fhir+xml" : "application/fhir+json";
        case "qrda3" -> "application/xml";
        default -> "application/json";
      };
      add(inputs, "case/" + cases.relativize(file), Files.readAllBytes(file), type);
    }
    SyntheticRegistryJson registry = new SyntheticRegistryJson(7);
    for (int i = 0; i < 10; i++) {
      add(inputs, "synthetic/registry-" + i + ".json", registry.nextBytes(), "application/json");
    }
    add(inputs, "synthetic/fhir-summary-Bundle.json", SyntheticFhir.summary(), "application/fhir+json");
    add(inputs, "synthetic/fhir-individuals-Bundle.json", SyntheticFhir.individuals(5), "application/fhir+json");
    return new ArrayList<>(inputs.values());
  }

  /** The input itself and mutations of it: cut in half, a byte changed in its middle, a DOCTYPE for XML. */
  private static void add(Map<String, Input> inputs, String name, byte[] body, String type) {
    inputs.put(name, new Input(name, body, type));
    inputs.put(name + "#half", new Input(name + "#half", java.util.Arrays.copyOf(body, body.length / 2), type));
    byte[] changed = body.clone();
    for (int i = body.length / 2; i < body.length; i++) {
      if (Character.isDigit(changed[i])) {
        changed[i] = (byte) (changed[i] == '9' ? '0' : changed[i] + 1);
        break;
      }
    }
    inputs.put(name + "#digit", new Input(name + "#digit", changed, type));
    if (type.contains("xml")) {
      String text = new String(body, StandardCharsets.UTF_8);
      int root = text.indexOf("<", text.startsWith("<?xml") ? text.indexOf("?>") : 0);
      if (root >= 0) {
        String doctype = text.substring(0, root) + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + text.substring(root);
        inputs.put(name + "#doctype", new Input(name + "#doctype", doctype.getBytes(StandardCharsets.UTF_8), type));
      }
    }
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix))
          .filter(file -> !file.getFileName().toString().equals("README.md")).sorted().toList();
    }
  }
}

package gov.qpp.load;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.fhir.FhirR4;
import gov.qpp.validators.rules.IntakeResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * FHIR intake speed against stock HAPI on the same bundles in the same run, one thread (per core): stock
 * {@code FhirValidator.validateWithResult} with HAPI's own FhirInstanceValidator, against the gateway's whole
 * intake (guard, validation, parse, mapping, catalog rules) counting accepted submissions. Rounds alternate the two
 * so that the shared machine's drift falls on both. {@code --first-request} instead starts the real gateway and
 * times the first FHIR request after /ready.
 * Usage: {@code java -cp load-tests/target/load-tests.jar gov.qpp.load.FhirBenchmark [seconds-per-slot] [rounds]}.
 */
public final class FhirBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FhirBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--first-request")) {
      firstRequest();
      return;
    }
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    MeasureCatalog catalog = CatalogLoader.fromDirectory(SharedFolder.measures()
        .orElseThrow(() -> new IllegalStateException("../shared/qpp-measures-data not found")));
    FhirIntake ours = new FhirIntake(catalog, new BaseR4Validator(), Map.of());
    FhirValidator stock = stockHapi();
    Map<String, byte[]> bundles = new LinkedHashMap<>();
    bundles.put("summary, 3 entries", SyntheticFhir.summary());
    bundles.put("20 individual reports, 42 entries", SyntheticFhir.individuals(20));
    bundles.put("summary + clinical data, 100 entries", SyntheticFhir.large(100));
    System.out.printf("FHIR benchmark: %d cores, Java %s, max heap %d MB, %d s per slot, %d rounds%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
        seconds, rounds);
    for (var entry : bundles.entrySet()) {
      IntakeResult result = ours.intake(entry.getValue());
      if (!result.accepted()) {
        throw new IllegalStateException(entry.getKey() + " is not accepted: " + result.problems());
      }
      String text = new String(entry.getValue(), StandardCharsets.UTF_8);
      long stockIssues = stock.validateWithResult(text).getMessages().stream()
          .filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION).count();
      System.out.printf("  %-38s %6d bytes; stock errors+warnings %d, ours %d%n", entry.getKey(),
          entry.getValue().length, stockIssues, result.problems().stream().filter(p -> !p.code().name()
              .startsWith("TOO_")).count());
    }
    long warmUntil = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      for (byte[] bundle : bundles.values()) {
        ours.intake(bundle);
        stock.validateWithResult(new String(bundle, StandardCharsets.UTF_8));
      }
    }
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (var entry : bundles.entrySet()) {
        byte[] bundle = entry.getValue();
        String text = new String(bundle, StandardCharsets.UTF_8);
        Slot stockSlot = slot(seconds, () -> stock.validateWithResult(text));
        Slot oursSlot = slot(seconds, () -> {
          if (!ours.intake(bundle).accepted()) {
            throw new IllegalStateException("not accepted");
          }
        });
        double ratio = oursSlot.perSecond() / stockSlot.perSecond();
        double cpuRatio = oursSlot.perProcessCpuSecond() / stockSlot.perProcessCpuSecond();
        ratios.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(ratio);
        cpuRatios.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(cpuRatio);
        System.out.printf("round %d %-38s stock %7.1f/s (cpu %6.2f ms, %6.1f/process-cpu-s)  gateway accepted"
            + " %7.1f/s (cpu %6.2f ms, %6.1f/process-cpu-s)  x%.2f wall, x%.2f process cpu%n", round, entry.getKey(),
            stockSlot.perSecond(), stockSlot.cpuMillisPerCall(), stockSlot.perProcessCpuSecond(),
            oursSlot.perSecond(), oursSlot.cpuMillisPerCall(), oursSlot.perProcessCpuSecond(), ratio, cpuRatio);
      }
    }
    ratios.forEach((name, list) -> System.out.printf("median ratio, wall %-38s x%.2f (rounds: %s)%n", name,
        list.stream().sorted().toList().get(list.size() / 2), list.stream().map(r -> String.format("%.2f", r))
            .toList()));
    cpuRatios.forEach((name, list) -> System.out.printf("median ratio, process CPU %-31s x%.2f (rounds: %s)%n", name,
        list.stream().sorted().toList().get(list.size() / 2), list.stream().map(r -> String.format("%.2f", r))
            .toList()));
  }

  /** Stock HAPI as its documentation sets it up, with unknown profiles as warnings as ours. */
  static FhirValidator stockHapi() {
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(FhirR4.CONTEXT),
        new InMemoryTerminologyServerValidationSupport(FhirR4.CONTEXT),
        new CommonCodeSystemsTerminologyService(FhirR4.CONTEXT));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setErrorForUnknownProfiles(false);
    FhirValidator validator = FhirR4.CONTEXT.newValidator();
    validator.registerValidatorModule(module);
    return validator;
  }

  /** One timed slot: wall time, this thread's CPU, and the whole process's CPU (GC and JIT threads included). */
  record Slot(long calls, long nanos, long cpuNanos, long processCpuNanos) {
    double perSecond() {
      return calls / (nanos / 1e9);
    }

    double cpuMillisPerCall() {
      return cpuNanos / 1e6 / calls;
    }

    /** Documents per second of CPU of all the process's threads: what one core does, GC included. */
    double perProcessCpuSecond() {
      return calls / (processCpuNanos / 1e9);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Slot slot(int seconds, Runnable work) {
    long started = System.nanoTime();
    long cpuStarted = THREADS.getCurrentThreadCpuTime();
    long processStarted = processCpuNanos();
    long deadline = started + seconds * 1_000_000_000L;
    long calls = 0;
    while (System.nanoTime() < deadline) {
      work.run();
      calls++;
    }
    return new Slot(calls, System.nanoTime() - started, THREADS.getCurrentThreadCpuTime() - cpuStarted,
        processCpuNanos() - processStarted);
  }

  /** The real gateway: started, polled until /ready, then one FHIR submission timed (and a second for contrast). */
  static void firstRequest() throws Exception {
    long started = System.nanoTime();
    try (InProcessGateway gateway = InProcessGateway.start()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      while (client.send(HttpRequest.newBuilder(gateway.managementUri().resolve("/ready")).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        Thread.sleep(10);
      }
      System.out.printf("gateway ready after %d ms (catalog, embedded PostgreSQL, FHIR warm-up)%n",
          (System.nanoTime() - started) / 1_000_000);
      String path = System.getProperty("path", "/fhir");
      for (String which : new String[] {"first", "second"}) {
        long sent = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.uri().resolve(path))
            .header("Authorization", "Bearer " + gateway.token()).header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(SyntheticFhir.summary())).build(),
            HttpResponse.BodyHandlers.ofString());
        System.out.printf("%s FHIR request after /ready: %d in %.1f ms%n", which, response.statusCode(),
            (System.nanoTime() - sent) / 1e6);
      }
    }
  }
}

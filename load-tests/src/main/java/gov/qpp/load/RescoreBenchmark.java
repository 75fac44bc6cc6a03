package gov.qpp.load;

import gov.qpp.gateway.db.Database;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The batch re-score: N clinicians (default 600,000, the 2017 MIPS population), each with an accepted 2019
 * submission, are written straight into a fresh gateway's embedded PostgreSQL (the intake is measured elsewhere);
 * then {@code POST /api/rescore} with a new scaling factor, so every entity gets a new version, and its progress is
 * polled until done. Reports the job's own elapsed time, the rate, and the stored trees' size.
 */
public final class RescoreBenchmark {

  static final int INSERT_BATCH = 2_000;

  private RescoreBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int clinicians = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    var catalog = CatalogLoader.fromDirectory(SharedFolder.measures().orElseThrow(() ->
        new IllegalStateException("../shared/qpp-measures-data not found")));
    SyntheticPopulation population = new SyntheticPopulation(catalog.year(SyntheticPopulation.YEAR).orElseThrow(),
        2019L);
    catalog = null;
    try (InProcessGateway gateway = InProcessGateway.start()) {
      Pool pool = Database.pool(gateway.vertx(), gateway.databaseUrl(), 2);
      long started = System.nanoTime();
      for (int from = 0; from < clinicians; from += INSERT_BATCH) {
        await(insert(pool, population, from, Math.min(clinicians, from + INSERT_BATCH)));
      }
      // as a database that has held the year's submissions for a while would be: vacuumed (hint bits set, visibility
      // map built, so the job's reads write nothing) and checkpointed (the job does not pay for the set-up's WAL)
      await(pool.query("vacuum (analyze) submission").execute());
      await(pool.query("checkpoint").execute());
      System.out.printf("rescore benchmark: %,d clinicians of %d written in %.1f s; %d cores, Java %s, max heap %d MB%n",
          clinicians, SyntheticPopulation.YEAR, (System.nanoTime() - started) / 1e9,
          Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(gateway.uri().resolve("/api/rescore"))
          .header("Authorization", "Bearer " + gateway.token()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"performanceYear\": " + SyntheticPopulation.YEAR
              + ", \"scalingFactor\": 1.5}")).build(), HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 202) {
        throw new IllegalStateException("re-score refused: " + created.body());
      }
      String id = new JsonObject(created.body()).getJsonObject("data").getString("id");
      double javaBefore = javaCpuSeconds();
      double postgresBefore = postgresCpuSeconds();
      JsonObject job;
      do {
        Thread.sleep(5_000);
        job = new JsonObject(http.send(HttpRequest.newBuilder(gateway.uri().resolve("/api/rescore/" + id))
            .header("Authorization", "Bearer " + gateway.token()).build(), HttpResponse.BodyHandlers.ofString())
            .body()).getJsonObject("data");
        System.out.printf("  %s: %s %% (%,d stored, %,d failed) after %.0f s%n", job.getString("state"),
            job.getValue("percentDone"), job.getInteger("stored"), job.getInteger("failed"),
            job.getDouble("elapsedSeconds", 0.0));
      } while ("queued".equals(job.getString("state")) || "running".equals(job.getString("state")));
      double seconds = job.getDouble("elapsedSeconds");
      double javaCpu = javaCpuSeconds() - javaBefore;
      double postgresCpu = postgresCpuSeconds() - postgresBefore;
      Row sizes = await(pool.query("select count(*), avg(pg_column_size(tree)), avg(tree_length)"
          + " from entity_score where reason = 'rescore'").execute()).iterator().next();
      System.out.printf("re-scored %,d of %,d entities (%,d failed) in %.1f s: %,.0f entities/s; stored tree %.0f"
              + " bytes on disk (%.0f as text)%n", job.getInteger("stored"), job.getInteger("total"),
          job.getInteger("failed"), seconds, job.getInteger("stored") / seconds, sizes.getNumeric(1).doubleValue(),
          sizes.getNumeric(2).doubleValue());
      System.out.printf("CPU while it ran: this JVM (the gateway) %.1f s, PostgreSQL %.1f s: %.0f + %.0f µs per entity%n",
          javaCpu, postgresCpu, javaCpu * 1e6 / clinicians, postgresCpu * 1e6 / clinicians);
      await(pool.close());
    }
  }

  private static double javaCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** User + system CPU of every process named postgres (Linux /proc), 0 where /proc is not there. */
  private static double postgresCpuSeconds() {
    double ticks = 0;
    java.io.File[] processes = new java.io.File("/proc").listFiles(file -> file.getName().matches("\\d+"));
    if (processes == null) {
      return 0;
    }
    for (java.io.File process : processes) {
      try {
        String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      } catch (java.io.IOException | RuntimeException gone) {
        // a process that ended meanwhile
      }
    }
    return ticks / 100.0; // USER_HZ
  }

  private static Future<?> insert(Pool pool, SyntheticPopulation population, int from, int to) {
    int n = to - from;
    UUID[] ids = new UUID[n];
    String[] tins = new String[n];
    String[] npis = new String[n];
    String[] documents = new String[n];
    for (int i = 0; i < n; i++) {
      long clinician = from + i;
      String payload = String.format("1%08d", clinician);
      ids[i] = UUID.randomUUID();
      tins[i] = SyntheticPopulation.tin(clinician);
      npis[i] = payload + NpiGenerator.checkDigit(payload);
      documents[i] = population.submission(tins[i], npis[i]).encode();
    }
    return pool.preparedQuery("insert into submission (id, submitter, format, content_type, entity_type, tin, npi,"
            + " performance_year, document, normalised, warnings, scoring_status) select u.id, 'benchmark',"
            + " 'registry-json', 'application/json', 'individual', u.tin, u.npi, $5, ''::bytea, u.doc::jsonb,"
            + " '[]'::jsonb, 'scored' from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as u(id, tin, npi, doc)")
        .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(tins).addArrayOfString(npis)
            .addArrayOfString(documents).addInteger(SyntheticPopulation.YEAR));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}

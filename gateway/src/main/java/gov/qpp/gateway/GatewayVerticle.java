package gov.qpp.gateway;

import gov.qpp.gateway.api.ApiRouter;
import gov.qpp.gateway.api.Capabilities;
import gov.qpp.gateway.api.FhirAnswers;
import gov.qpp.gateway.config.GatewayConfig;
import gov.qpp.gateway.config.MeasureMap;
import gov.qpp.gateway.db.Database;
import gov.qpp.gateway.db.EmbeddedDatabase;
import gov.qpp.gateway.db.Migrations;
import gov.qpp.gateway.http.BearerAuth;
import gov.qpp.gateway.http.BodyBudget;
import gov.qpp.gateway.http.HttpVerticle;
import gov.qpp.gateway.http.HttpWarmUp;
import gov.qpp.gateway.http.IntakeLimiter;
import gov.qpp.gateway.http.SpooledUpload;
import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.scoring.EntityScoring;
import gov.qpp.gateway.scoring.RescoreJobs;
import gov.qpp.gateway.scoring.Rescorer;
import gov.qpp.gateway.scoring.ScoringVerticle;
import gov.qpp.gateway.service.IntakeService;
import gov.qpp.gateway.service.ReadService;
import gov.qpp.gateway.service.Readiness;
import gov.qpp.gateway.service.RescoreService;
import gov.qpp.gateway.service.ScoreService;
import gov.qpp.gateway.storage.EntityScoreStore;
import gov.qpp.gateway.storage.LowVolumeStore;
import gov.qpp.gateway.storage.RescoreJobStore;
import gov.qpp.gateway.storage.ScoreStore;
import gov.qpp.gateway.storage.ScoringTasks;
import gov.qpp.gateway.storage.SubmissionStore;
import gov.qpp.gateway.storage.UploadStore;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.intake.Body;
import gov.qpp.validators.intake.Declared;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.Intakes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole gateway as one verticle whose start is one future chain: load the catalog and warm the FHIR validator →
 * start or reach PostgreSQL → migrate → deploy scoring → build the services and the router → listen. Stop mirrors
 * it in reverse.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  /** A single document taking longer than this to validate is logged as blocked. */
  static final long MAX_INTAKE_SECONDS = 60;
  /** A claims file of millions of lines is read for tens of seconds; past this the blocked-thread checker warns. */
  static final long MAX_CLAIMS_SECONDS = 600;
  /** A re-score slice is 500 entities: seconds at most; past this the blocked-thread checker warns. */
  static final long MAX_RESCORE_SLICE_SECONDS = 60;
  /**
   * How long a claimed scoring task is this gateway's: far longer than a scoring takes, and how long a task a stopped
   * gateway held waits before another gateway takes it.
   */
  static final Duration SCORING_LEASE = Duration.ofSeconds(60);

  private final GatewayConfig config;
  private final String bootstrapToken;
  private EmbeddedDatabase embedded;
  private Pool pool;
  private WorkerExecutor intakeWorkers;
  private WorkerExecutor claimsWorkers;
  private WorkerExecutor rescoreWorkers;
  private int port = -1;
  private int managementPort = -1;
  private MeasureCatalog catalog;
  private String databaseUrl;
  private FhirIntake fhirIntake;

  public GatewayVerticle(GatewayConfig config, String bootstrapToken) {
    this.config = config;
    this.bootstrapToken = bootstrapToken;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(this::loadCatalog)
        .compose(loaded -> {
          catalog = loaded;
          // the FHIR validator's first call loads the core definitions (seconds): done beside the database start,
          // and before the port opens, so /ready never reports a gateway whose first FHIR client would wait
          Future<FhirIntake> fhir = vertx.executeBlocking(this::warmFhir, false);
          return Future.all(fhir, resolveDatabaseUrl()).map(both -> {
            fhirIntake = both.resultAt(0);
            return (String) both.resultAt(1);
          });
        })
        .compose(url -> {
          databaseUrl = url;
          pool = Database.pool(vertx, url, config.dbPoolSize());
          return Migrations.migrate(pool);
        })
        .compose(migrated -> {
          SubmissionStore submissions = new SubmissionStore(pool);
          EntityScoreStore entities = new EntityScoreStore(pool);
          ScoringTasks tasks = new ScoringTasks(pool, UUID.randomUUID(), SCORING_LEASE);
          return vertx.deployVerticle(new ScoringVerticle(catalog, tasks, new ScoreStore(pool), entities))
              .compose(deployed -> listen(submissions, entities));
        });
  }

  private MeasureCatalog loadCatalog() {
    long started = System.nanoTime();
    MeasureCatalog loaded = CatalogLoader.load(config.measuresDir());
    LOG.atInfo().addKeyValue("source", loaded.source()).addKeyValue("years", loaded.years().toString())
        .addKeyValue("loadMillis", (System.nanoTime() - started) / 1_000_000).log("measure catalog loaded");
    return loaded;
  }

  private FhirIntake warmFhir() {
    long started = System.nanoTime();
    FhirIntake intake = new FhirIntake(catalog, new BaseR4Validator(), MeasureMap.read(config.fhirMeasureMap()));
    FhirAnswers.warmUp(intake.warmUp().result().problems());
    LOG.atInfo().addKeyValue("warmUpMillis", (System.nanoTime() - started) / 1_000_000)
        .log("FHIR intake warmed up");
    return intake;
  }

  private static byte[] warmUpDocument() {
    return FhirIntake.WARM_UP_BUNDLE.getBytes(StandardCharsets.UTF_8);
  }

  private Future<String> resolveDatabaseUrl() {
    if (config.dbUrl() != null) {
      return Future.succeededFuture(config.dbUrl());
    }
    return vertx.executeBlocking(() -> {
      embedded = EmbeddedDatabase.start(config.dataDir());
      return embedded.url();
    });
  }

  /**
   * The services over the stores, one router over the services, served by {@code http.instances} HTTP verticles on
   * the configured port (Vert.x shares one bound port among servers that ask for the same one, 0 included).
   */
  private Future<Integer> listen(SubmissionStore submissions, EntityScoreStore entities) {
    intakeWorkers = vertx.createSharedWorkerExecutor("qpp-intake", config.intakeWorkers(), MAX_INTAKE_SECONDS,
        TimeUnit.SECONDS);
    claimsWorkers = vertx.createSharedWorkerExecutor("qpp-claims", config.claimsWorkers(), MAX_CLAIMS_SECONDS,
        TimeUnit.SECONDS);
    rescoreWorkers = vertx.createSharedWorkerExecutor("qpp-rescore", Rescorer.SLICES, MAX_RESCORE_SLICE_SECONDS,
        TimeUnit.SECONDS);
    GatewayMetrics metrics = new GatewayMetrics();
    IntakeLimiter limiter = new IntakeLimiter(config.maxPendingIntakes());
    IntakeLimiter spoolLimiter = new IntakeLimiter(config.claimsMaxPending());
    BodyBudget bodies = new BodyBudget(config.maxBufferedBytes());
    metrics.gauge("qpp_intake_pending", limiter::pending);
    metrics.gauge("qpp_claims_pending", spoolLimiter::pending);
    metrics.gauge("qpp_intake_buffered_bytes", bodies::reserved);
    metrics.gauge("qpp_intake_bodies_waiting", bodies::waiting);
    metrics.gauge("qpp_fast_reader_unexpected_failures", gov.qpp.validators.xml.FastXml::unexpectedFailures);

    Intakes intakes = new Intakes(catalog, fhirIntake, new ClaimsIntake.Limits(config.claimsMaxRejectedLinePercent(),
        ClaimsIntake.Limits.DEFAULT.maxClaims(), ClaimsIntake.Limits.DEFAULT.maxInstances()));
    Rescorer rescorer = new Rescorer(entities, new EntityScoring(catalog), rescoreWorkers);
    RescoreJobStore jobStore = new RescoreJobStore(pool);
    RescoreJobs jobs = new RescoreJobs(jobStore, entities, rescorer);
    IntakeService intake = new IntakeService(vertx, intakes, new IntakeService.Workers(intakeWorkers, claimsWorkers),
        new UploadStore(pool), rescorer, metrics);
    Readiness readiness = new Readiness(pool, catalog);
    Path uploads = config.dataDir().resolve("uploads");
    Router router = ApiRouter.create(vertx,
        new ApiRouter.Plumbing(new BearerAuth(bootstrapToken), limiter, bodies, config.maxBodyBytes(), spoolLimiter,
            new SpooledUpload(uploads, config.claimsMaxBytes()), uploads),
        new ApiRouter.Services(intake, new ReadService(submissions, new LowVolumeStore(pool)),
            new ScoreService(entities, new ScoreStore(pool)), new RescoreService(entities, jobs, jobStore),
            readiness, metrics, intakeWorkers, Capabilities.statement(version())));
    HttpVerticle first = new HttpVerticle(router, config.httpPort(), metrics);
    // Its own verticle, so its own event loop: probes are answered while the main loop reads uploads.
    HttpVerticle management = config.managementPort() < 0 ? null : new HttpVerticle(
        ApiRouter.management(vertx, readiness, metrics), config.managementPort(), metrics);
    return rehearse(intake)
        .compose(rehearsed -> jobs.abandonInterrupted())
        .compose(abandoned -> vertx.deployVerticle(first))
        .compose(deployed -> config.httpInstances() == 1 ? Future.succeededFuture()
            : vertx.deployVerticle(() -> new HttpVerticle(router, config.httpPort(), metrics),
                new DeploymentOptions().setInstances(config.httpInstances() - 1)))
        // before the management port (and so /ready) opens: the first client's FHIR request finds the path compiled
        .compose(deployed -> HttpWarmUp.run(vertx, first.port(), bootstrapToken, warmUpDocument()))
        .compose(deployed -> management == null ? Future.succeededFuture() : vertx.deployVerticle(management))
        .map(deployed -> {
          port = first.port();
          managementPort = management == null ? -1 : management.port();
          LOG.atInfo().addKeyValue("port", port).addKeyValue("instances", config.httpInstances())
              .addKeyValue("managementPort", managementPort).log("gateway listening");
          return port;
        });
  }

  /** The warm-up document written and rolled back: the first client's insert then finds its statements ready. */
  private Future<Void> rehearse(IntakeService intake) {
    return intake.rehearse(new IntakeService.Upload("warm-up", Format.FHIR, Declared.of("application/fhir+json"),
            () -> Body.of(warmUpDocument())))
        .recover(failure -> {
          // a warm-up, not a duty: the gateway starts without it
          LOG.atWarn().addKeyValue("error", failure.getClass().getSimpleName()).log("storage rehearsal failed");
          return Future.succeededFuture();
        });
  }

  private static String version() {
    String version = GatewayVerticle.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The management port actually bound (/health, /ready, /metrics), or -1 when it is off. */
  public int managementPort() {
    return managementPort;
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int port() {
    return port;
  }

  /** The database in use: the configured URL or the embedded server's. */
  public String databaseUrl() {
    return databaseUrl;
  }

  @Override
  public Future<?> stop() {
    // The HTTP verticles, deployed by this one, are undeployed before this stop runs.
    Future<Void> closed = intakeWorkers == null ? Future.succeededFuture() : intakeWorkers.close();
    return closed
        .compose(done -> claimsWorkers == null ? Future.succeededFuture() : claimsWorkers.close())
        .compose(done -> rescoreWorkers == null ? Future.succeededFuture() : rescoreWorkers.close())
        .compose(done -> pool == null ? Future.succeededFuture() : pool.close())
        .compose(done -> embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }))
        .onComplete(done -> LOG.info("gateway stopped"));
  }
}

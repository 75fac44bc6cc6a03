package gov.qpp.gateway.api;

import gov.qpp.gateway.http.BearerAuth;
import gov.qpp.gateway.http.BodyBudget;
import gov.qpp.gateway.http.ChunkedBody;
import gov.qpp.gateway.http.IntakeLimiter;
import gov.qpp.gateway.http.SpooledUpload;
import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.gateway.service.IntakeService;
import gov.qpp.gateway.service.IntakeService.Mode;
import gov.qpp.gateway.service.ReadService;
import gov.qpp.gateway.service.Readiness;
import gov.qpp.gateway.service.Refusal;
import gov.qpp.gateway.service.RescoreService;
import gov.qpp.gateway.service.ScoreService;
import gov.qpp.validators.fhir.FhirBody;
import gov.qpp.validators.intake.Accepts;
import gov.qpp.validators.intake.Declared;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Every route of the gateway, in one table. Uploads take the one intake pipeline ({@link IntakeRoutes}); each
 * route only says what it accepts, what it does (submit, validate, convert) and which dialect answers.
 */
public final class ApiRouter {

  /** The HTTP plumbing the routes share: who may ask, the bounds on uploads in flight and on their bodies. */
  public record Plumbing(BearerAuth auth, IntakeLimiter limiter, BodyBudget budget, int maxBodyBytes,
      IntakeLimiter spoolLimiter, SpooledUpload spool, Path uploads) {
  }

  /** What the routes call: the services, and what the FHIR endpoints answer with. */
  public record Services(IntakeService intake, ReadService reads, ScoreService scores, RescoreService rescores,
      Readiness readiness, GatewayMetrics metrics, WorkerExecutor fhirWorkers, CapabilityStatement capabilities) {
  }

  private ApiRouter() {
  }

  public static Router create(Vertx vertx, Plumbing plumbing, Services services) {
    Router router = Router.router(vertx);
    ChunkedBody body = new ChunkedBody(plumbing.maxBodyBytes(), plumbing.budget());
    IntakeRoutes intake = new IntakeRoutes(services.intake(), plumbing.auth(), plumbing.limiter(), body,
        plumbing.spoolLimiter(), plumbing.spool());
    ReadRoutes reads = new ReadRoutes(services.reads());
    ScoreRoutes scores = new ScoreRoutes(services.scores(), services.rescores());
    BearerAuth auth = plumbing.auth();

    Buffer openApi = openApi();
    router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
        .end(openApi));
    HealthRoutes.add(router, services.readiness(), services.metrics());

    // Uploads, in the QPP Submissions API's dialect: every format on one route, told apart by Content-Type.
    intake.add(router.post("/api/submissions/validate"), Accepts.SUBMISSIONS, Mode.VALIDATE,
        ApiRouter::withYear, QppAnswers.INSTANCE);
    intake.add(router.post("/api/submissions"), Accepts.SUBMISSIONS, Mode.SUBMIT, ApiRouter::withYear,
        QppAnswers.INSTANCE);
    intake.add(router.post("/api/eligibility"), Accepts.ELIGIBILITY, Mode.SUBMIT, ApiRouter::declared,
        QppAnswers.INSTANCE);
    // CMS's conversion tool's interface: a multipart file, answered as the tool does; nothing stored
    intake.addConversion(router.post("/api/convert"), BodyHandler.create(plumbing.uploads().toString())
        .setBodyLimit(plumbing.maxBodyBytes()).setDeleteUploadedFilesOnEnd(true));

    // Reads
    router.get("/api/submissions/:id").handler(auth).handler(reads::submission);
    router.get("/api/low-volume").handler(auth).handler(reads::lowVolume);
    router.get("/api/scores").handler(auth).handler(scores::scores);
    router.get("/api/clinicians/:tin/:npi/feedback").handler(auth).handler(scores::feedback);
    router.post("/api/rescore").handler(auth).handler(body).handler(scores::startRescore);
    router.get("/api/rescore/:id").handler(auth).handler(scores::rescoreProgress);

    // FHIR: the same pipeline, FHIR's media types, answers in FHIR's shapes (refusals too: FailureHandler)
    WorkerExecutor fhirWorkers = services.fhirWorkers();
    router.get("/fhir/metadata").handler(ctx -> FhirAnswers.send(ctx, 200, services.capabilities()));
    intake.add(router.post("/fhir/MeasureReport/$validate"), Accepts.FHIR, Mode.VALIDATE,
        ctx -> fhir(ctx, FhirBody.VALIDATE, null), new FhirDialect(FhirBody.VALIDATE, fhirWorkers));
    intake.add(router.post("/fhir/MeasureReport"), Accepts.FHIR, Mode.SUBMIT,
        ctx -> fhir(ctx, FhirBody.MEASURE_REPORT, null), new FhirDialect(FhirBody.MEASURE_REPORT, fhirWorkers));
    intake.add(router.postWithRegex("/fhir/?").setName("/fhir"), Accepts.FHIR, Mode.SUBMIT,
        ctx -> fhir(ctx, FhirBody.BUNDLE, null), new FhirDialect(FhirBody.BUNDLE, fhirWorkers));
    intake.add(router.post("/fhir/Measure/$submit-data"), Accepts.FHIR, Mode.SUBMIT,
        ctx -> fhir(ctx, FhirBody.SUBMIT_DATA, null), new FhirDialect(FhirBody.SUBMIT_DATA, fhirWorkers));
    // a regex route: in a path with a :parameter, Vert.x would read '$' as the end of a regex
    intake.add(router.postWithRegex("/fhir/Measure/([^/$]+)/\\$submit-data").setName("/fhir/Measure/{id}/$submit-data"),
        Accepts.FHIR, Mode.SUBMIT, ctx -> fhir(ctx, FhirBody.SUBMIT_DATA, ctx.pathParam("param0")),
        new FhirDialect(FhirBody.SUBMIT_DATA, fhirWorkers));

    FailureHandler failures = new FailureHandler(plumbing.maxBodyBytes());
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.answer(ctx, Refusal.of(404, "NotFound", ProblemCode.NOT_FOUND,
        ctx.normalizedPath(), "no such endpoint: " + ctx.request().method() + " " + ctx.normalizedPath())));
    router.errorHandler(405, ctx -> failures.answer(ctx, Refusal.of(405, "MethodNotAllowed",
        ProblemCode.METHOD_NOT_ALLOWED, ctx.normalizedPath(), ctx.request().method() + " is not allowed on "
            + ctx.normalizedPath())));
    return router;
  }

  /**
   * What operators and orchestrators poll, on a port of its own: served from an event loop that reads no uploads,
   * it answers at once while the main port's loop is busy receiving large documents.
   */
  public static Router management(Vertx vertx, Readiness readiness, GatewayMetrics metrics) {
    Router router = Router.router(vertx);
    HealthRoutes.add(router, readiness, metrics);
    return router;
  }

  private static Declared declared(RoutingContext ctx) {
    return Declared.of(ctx.request().getHeader("Content-Type"));
  }

  /** {@code ?year=}: the performance year a claims file is for (else the year of its claims). */
  private static Declared withYear(RoutingContext ctx) {
    String text = ctx.request().getParam("year");
    if (text != null && !text.matches("20\\d\\d")) {
      throw Refusal.of(400, "InvalidParameter", ProblemCode.INVALID_PARAMETER, "year",
          "year is a performance year such as 2025, not '" + text + "'");
    }
    return declared(ctx).withYear(text == null ? null : Integer.parseInt(text));
  }

  private static Declared fhir(RoutingContext ctx, FhirBody body, String pathMeasure) {
    return declared(ctx).forFhir(body, pathMeasure);
  }

  /** The OpenAPI document describing these routes (a test keeps the two in step). */
  static Buffer openApi() {
    try (var in = ApiRouter.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("openapi.yaml cannot be read", e);
    }
  }
}

package gov.qpp.gateway.http;

import gov.qpp.gateway.fhir.FhirHandlers;
import gov.qpp.gateway.metrics.GatewayMetrics;
import gov.qpp.validators.fhir.FhirBody;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** Every route of the gateway; authentication comes before any body is read. */
public final class ApiRouter {

  private ApiRouter() {
  }

  public static Router create(Vertx vertx, int maxBodyBytes, BodyBudget budget, java.nio.file.Path uploads,
      BearerAuth auth, IntakeLimiter limiter, SubmissionHandlers submissions, Claims claims, ConvertHandler convert,
      ReadHandlers reads, Scores scores, FhirHandlers fhir, HealthHandlers health, GatewayMetrics metrics) {
    Router router = Router.router(vertx);
    ChunkedBody body = new ChunkedBody(maxBodyBytes, budget);
    // The conversion endpoint takes a multipart file, which Vert.x Web spools to disk and deletes after the answer.
    BodyHandler multipart = BodyHandler.create(uploads.toString()).setBodyLimit(maxBodyBytes)
        .setDeleteUploadedFilesOnEnd(true);

    Buffer openApi = openApi();
    router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
        .end(openApi));
    probes(router, health, metrics);

    // In order: who is asking, what format, is there room (503 before any body is read), then the body.
    // Claims files (JSON Lines, CSV) and zips of QRDA I documents take the same routes, spooled to disk under
    // their own limits; a QRDA I document is told from QRDA III by its templateId once its body is read.
    router.post("/api/submissions/validate").handler(auth).handler(submissions.requireKnownFormat)
        .handler(limiter.admit).handler(claims.admitOr(body)).handler(claims.byBody(
            ctx -> claims.handlers().validateOnly(ctx), ctx -> claims.qrda1().validateOnly(ctx),
            submissions::validateOnly));
    router.post("/api/submissions").handler(auth).handler(submissions.requireKnownFormat).handler(limiter.admit)
        .handler(claims.admitOr(body)).handler(claims.byBody(ctx -> claims.handlers().submit(ctx),
            ctx -> claims.qrda1().submit(ctx), submissions::submit));
    router.post("/api/convert").handler(auth).handler(limiter.admit).handler(multipart).handler(convert::handle);
    router.get("/api/submissions/:id").handler(auth).handler(reads::submission);
    router.get("/api/scores").handler(auth).handler(ctx -> scores.handlers().scores(ctx));
    router.get("/api/clinicians/:tin/:npi/feedback").handler(auth).handler(ctx -> scores.handlers().feedback(ctx));
    router.post("/api/rescore").handler(auth).handler(body).handler(ctx -> scores.handlers().startRescore(ctx));
    router.get("/api/rescore/:id").handler(auth).handler(ctx -> scores.handlers().rescoreProgress(ctx));
    router.post("/api/eligibility").handler(auth).handler(Scores.REQUIRE_JSON_LINES).handler(limiter.admit)
        .handler(body).handler(ctx -> scores.eligibility().upload(ctx));
    router.get("/api/low-volume").handler(auth).handler(ctx -> claims.handlers().lowVolume(ctx));

    // FHIR: the same order of checks, FHIR media types, answers in FHIR's shapes (FailureHandler included).
    router.get("/fhir/metadata").handler(fhir::metadata);
    router.post("/fhir/MeasureReport/$validate").handler(auth).handler(fhir.requireFhirContentType)
        .handler(limiter.admit).handler(body).handler(fhir::validate);
    router.post("/fhir/MeasureReport").handler(auth).handler(fhir.requireFhirContentType).handler(limiter.admit)
        .handler(body).handler(ctx -> fhir.submit(ctx, FhirBody.MEASURE_REPORT, null));
    router.postWithRegex("/fhir/?").setName("/fhir").handler(auth).handler(fhir.requireFhirContentType).handler(limiter.admit)
        .handler(body).handler(ctx -> fhir.submit(ctx, FhirBody.BUNDLE, null));
    router.post("/fhir/Measure/$submit-data").handler(auth).handler(fhir.requireFhirContentType)
        .handler(limiter.admit).handler(body).handler(ctx -> fhir.submit(ctx, FhirBody.SUBMIT_DATA, null));
    // a regex route: in a path with a :parameter, Vert.x would read '$' as the end of a regex
    router.postWithRegex("/fhir/Measure/([^/$]+)/\\$submit-data").setName("/fhir/Measure/{id}/$submit-data")
        .handler(auth).handler(fhir.requireFhirContentType)
        .handler(limiter.admit).handler(body)
        .handler(ctx -> fhir.submit(ctx, FhirBody.SUBMIT_DATA, ctx.pathParam("param0")));

    FailureHandler failures = new FailureHandler(maxBodyBytes);
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.answer(ctx, ApiException.of(404, "NotFound", ProblemCode.NOT_FOUND,
        ctx.normalizedPath(), "no such endpoint: " + ctx.request().method() + " " + ctx.normalizedPath())));
    router.errorHandler(405, ctx -> failures.answer(ctx, ApiException.of(405, "MethodNotAllowed",
        ProblemCode.METHOD_NOT_ALLOWED, ctx.normalizedPath(), ctx.request().method() + " is not allowed on "
            + ctx.normalizedPath())));
    return router;
  }

  /** Scores, feedback, re-score jobs and the eligibility data they use. */
  public record Scores(ScoreHandlers handlers, EligibilityHandlers eligibility) {
    /** The eligibility file is JSON Lines; anything else is refused before its body is read. */
    static final io.vertx.ext.web.handler.SecurityPolicyHandler REQUIRE_JSON_LINES = ctx -> {
      String type = gov.qpp.validators.intake.Format.mediaType(ctx.request().getHeader("Content-Type"));
      if (!"application/x-ndjson".equals(type)) {
        ctx.fail(ApiException.of(415, "UnsupportedMediaType", ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
            "send the eligibility file as application/x-ndjson (one JSON object per line)"));
        return;
      }
      ctx.next();
    };
  }

  /**
   * What operators and orchestrators poll, on a port of its own: served from an event loop that reads no uploads,
   * it answers at once while the main port's loop is busy receiving large documents.
   */
  public static Router management(Vertx vertx, HealthHandlers health, GatewayMetrics metrics) {
    Router router = Router.router(vertx);
    probes(router, health, metrics);
    return router;
  }

  /** /health, /ready and /metrics: on the main port and on the management port alike. */
  private static void probes(Router router, HealthHandlers health, GatewayMetrics metrics) {
    router.get("/health").handler(health::health);
    router.get("/ready").handler(health::ready);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render()));
  }

  /**
   * The patient-level paths' parts: claims and QRDA I handlers, the spooling body reader for their large uploads
   * (claims files, zips) and their own bound on uploads in progress.
   */
  public record Claims(ClaimsHandlers handlers, Qrda1Handlers qrda1, SpooledUpload upload, IntakeLimiter limiter) {

    /** For a claims file or a zip: take a place (503 past it) and spool the body; otherwise {@code body}. */
    Handler<RoutingContext> admitOr(Handler<RoutingContext> body) {
      return ctx -> {
        if (!ClaimsHandlers.isClaims(ctx) && !Qrda1Handlers.isZip(ctx)) {
          body.handle(ctx);
          return;
        }
        UploadPlace.take(ctx, limiter);
        upload.handle(ctx);
      };
    }

    /** The handler for what the body is: a claims file, QRDA I (a zip, or XML with its templateId), or any other. */
    static Handler<RoutingContext> byBody(Handler<RoutingContext> claimsFile, Handler<RoutingContext> qrda1,
        Handler<RoutingContext> other) {
      return ctx -> {
        if (ClaimsHandlers.isClaims(ctx)) {
          claimsFile.handle(ctx);
        } else if (Qrda1Handlers.isZip(ctx) || Qrda1Handlers.isQrda1Document(ctx)) {
          qrda1.handle(ctx);
        } else {
          other.handle(ctx);
        }
      };
    }
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

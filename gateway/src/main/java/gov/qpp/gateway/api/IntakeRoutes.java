package gov.qpp.gateway.api;

import gov.qpp.gateway.http.BearerAuth;
import gov.qpp.gateway.http.ChunkedBody;
import gov.qpp.gateway.http.IntakeLimiter;
import gov.qpp.gateway.http.SpooledUpload;
import gov.qpp.gateway.http.UploadPlace;
import gov.qpp.gateway.service.IntakeService;
import gov.qpp.gateway.service.IntakeService.Mode;
import gov.qpp.gateway.service.IntakeService.Upload;
import gov.qpp.gateway.service.Refusal;
import gov.qpp.validators.intake.Accepts;
import gov.qpp.validators.intake.Body;
import gov.qpp.validators.intake.Declared;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.Future;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP side of the one intake pipeline, the same for every format and route: who is asking (401), is the
 * Content-Type one this route reads (415), is there room (503), all before a byte of the body is read; then the body,
 * held in memory under the body budget or spooled to disk as its format calls for; then the service reads, checks
 * and (when submitting) stores it; then the route's dialect answers.
 */
final class IntakeRoutes {

  /** Parts of an in-memory body read before the service runs: the head that tells QRDA I from QRDA III. */
  private static final int HEAD_BYTES = Accepts.HEAD_BYTES;

  private final IntakeService service;
  private final BearerAuth auth;
  private final IntakeLimiter limiter;
  private final ChunkedBody memory;
  private final IntakeLimiter spoolLimiter;
  private final SpooledUpload spool;

  /**
   * @param limiter places for uploads in the gateway at once (intake.maxPending)
   * @param spoolLimiter places for spooled uploads, held until their work is done (claims.maxPending)
   */
  IntakeRoutes(IntakeService service, BearerAuth auth, IntakeLimiter limiter, ChunkedBody memory,
      IntakeLimiter spoolLimiter, SpooledUpload spool) {
    this.service = service;
    this.auth = auth;
    this.limiter = limiter;
    this.memory = memory;
    this.spoolLimiter = spoolLimiter;
    this.spool = spool;
  }

  /**
   * An intake route: the checks before the body, the body, then the pipeline in {@code mode}, answered in
   * {@code dialect}. {@code declared} reads what the request says besides its Content-Type (a year, a FHIR shape).
   */
  void add(Route route, Accepts accepts, Mode mode, Function<RoutingContext, Declared> declared, Dialect dialect) {
    route.handler(auth).handler(requireType(accepts)).handler(limiter.admit).handler(ctx -> body(ctx, accepts))
        .handler(ctx -> run(ctx, upload(ctx, accepts, declared.apply(ctx)), mode, dialect));
  }

  /**
   * The conversion route: a multipart {@code file} field, which Vert.x Web spools to disk and deletes after the
   * answer; read as QRDA III whatever its part's type says.
   */
  void addConversion(Route route, BodyHandler multipart) {
    route.handler(auth).handler(limiter.admit).handler(multipart).handler(ctx -> {
      FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst().orElse(null);
      if (file == null) {
        ctx.fail(Refusal.badRequest("file", "send the QRDA III document as multipart/form-data field 'file'"));
        return;
      }
      ctx.put(ConversionAnswers.FILE_NAME, file.fileName());
      Path stored = Path.of(file.uploadedFileName());
      run(ctx, new Upload(BearerAuth.principal(ctx), Format.QRDA3, Declared.of(Format.QRDA3.mediaType()),
          () -> Body.of(readAll(stored))), Mode.CONVERT, ConversionAnswers.INSTANCE);
    });
  }

  private void run(RoutingContext ctx, Upload upload, Mode mode, Dialect dialect) {
    Future<?> work = mode == Mode.SUBMIT
        ? service.submit(upload).onSuccess(submitted -> dialect.submitted(ctx, submitted))
        : service.read(upload, mode).onSuccess(read -> dialect.read(ctx, read));
    // a spooled upload's place is kept until its work is done, even when the client hangs up first
    UploadPlace.holdWhile(ctx, work).onFailure(ctx::fail);
  }

  /** Before the body is read: a Content-Type this route reads. A policy handler, so Vert.x runs it first. */
  private static SecurityPolicyHandler requireType(Accepts accepts) {
    return ctx -> {
      String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
      if (accepts.declared(contentType).isEmpty()) {
        ctx.fail(Refusal.of(415, "UnsupportedMediaType", ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
            "Content-Type '" + contentType + "' is not accepted here; send " + accepts.names()));
        return;
      }
      ctx.next();
    };
  }

  /** The body as its format is held: spooled to disk (with a place of its own), or in memory under the budget. */
  private void body(RoutingContext ctx, Accepts accepts) {
    Format declared = accepts.declared(ctx.request().getHeader("Content-Type")).orElseThrow();
    if (declared.spooled()) {
      UploadPlace.take(ctx, spoolLimiter);
      spool.handle(ctx);
    } else {
      memory.handle(ctx);
    }
  }

  private static Upload upload(RoutingContext ctx, Accepts accepts, Declared declared) {
    String contentType = declared.contentType();
    SpooledUpload.Spooled spooled = SpooledUpload.of(ctx);
    if (spooled != null) {
      return new Upload(BearerAuth.principal(ctx), accepts.declared(contentType).orElseThrow(), declared,
          () -> Body.spooled(spooled.path(), spooled.size(), spooled.sha256()));
    }
    ChunkedBody.Received received = ChunkedBody.of(ctx);
    Format format = accepts.detect(contentType, received.peek(HEAD_BYTES)).orElseThrow();
    // joined on the worker: megabytes are not copied on the event loop
    return new Upload(BearerAuth.principal(ctx), format, declared, () -> Body.of(received.takeBytes()));
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the uploaded file could not be read back", e);
    }
  }
}

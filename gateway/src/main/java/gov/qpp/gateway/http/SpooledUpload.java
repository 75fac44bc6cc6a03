package gov.qpp.gateway.http;

import gov.qpp.gateway.service.Refusal;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Receives a large upload (a claims file, a zip of QRDA I documents) into a spool file (hundreds of megabytes,
 * never held in memory), up to claims.maxBytes, hashing it on the way; the file is deleted when the request ends, however it ends.
 * Writes are flow-controlled: the socket is paused while the disk is behind.
 */
public final class SpooledUpload implements io.vertx.core.Handler<RoutingContext> {

  private static final String KEY = "qpp.spooledUpload";

  /** The spooled file, its size and SHA-256. */
  public record Spooled(Path path, long size, String sha256) {
  }

  private final Path spoolDir;
  private final long maxBytes;

  public SpooledUpload(Path spoolDir, long maxBytes) {
    this.spoolDir = spoolDir;
    this.maxBytes = maxBytes;
  }

  public static Spooled of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader("Content-Length");
    if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > maxBytes) {
      ctx.fail(tooLarge());
      return;
    }
    request.pause();
    Path path = spoolDir.resolve("upload-" + UUID.randomUUID() + ".part");
    ctx.addEndHandler(done -> ctx.vertx().fileSystem().delete(path.toString()));
    ctx.vertx().fileSystem().mkdirs(spoolDir.toString())
        .compose(made -> ctx.vertx().fileSystem().open(path.toString(), new OpenOptions().setWrite(true)
            .setCreateNew(true)))
        .onFailure(ctx::fail)
        .onSuccess(file -> receive(ctx, file, path));
  }

  private void receive(RoutingContext ctx, AsyncFile file, Path path) {
    HttpServerRequest request = ctx.request();
    MessageDigest digest = sha256();
    long[] size = {0};
    boolean[] refused = {false};
    boolean[] closed = {false};
    ctx.addEndHandler(done -> {
      if (!closed[0]) {
        closed[0] = true;
        file.close();
      }
    });
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      size[0] += chunk.length();
      if (size[0] > maxBytes) {
        refused[0] = true;
        ctx.fail(tooLarge());
        return;
      }
      digest.update(chunk.getBytes());
      // a failed write (disk full) fails the request: a truncated file must not be read as the whole upload
      file.write(chunk).onFailure(failure -> {
        if (!refused[0] && !ctx.failed()) {
          refused[0] = true;
          ctx.fail(failure);
        }
      });
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(drained -> request.resume());
      }
    });
    request.exceptionHandler(failure -> {
      if (!refused[0] && !ctx.failed()) {
        ctx.fail(failure);
      }
    });
    request.endHandler(end -> {
      if (refused[0]) {
        return;
      }
      closed[0] = true;
      file.flush().eventually(() -> file.close()).onFailure(ctx::fail).onSuccess(done -> {
        if (refused[0]) {
          return;
        }
        ctx.put(KEY, new Spooled(path, size[0], HexFormat.of().formatHex(digest.digest())));
        ctx.next();
      });
    });
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
    request.resume();
  }

  private Refusal tooLarge() {
    return Refusal.of(413, "PayloadTooLarge", ProblemCode.DOCUMENT_TOO_LARGE, "$",
        "an upload of this kind may be at most " + maxBytes + " bytes (claims.maxBytes); split it");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

package gov.qpp.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a document body as the chunks the network delivered, up to http.maxBodyBytes, and joins them on a worker.
 * Vert.x Web's BodyHandler preallocates at most 64 KB and grows one array by copying on the event loop: measured,
 * 50 concurrent 2.75 MB uploads held the loop (and /health) for 0.4–0.5 s in those copies and the humongous
 * allocations behind them. Here the loop only keeps references, and a {@link BodyBudget} bounds how many bytes of
 * bodies are held at once.
 */
public final class ChunkedBody implements Handler<RoutingContext> {

  private static final String KEY = "qpp.body";

  private final int maxBodyBytes;
  private final BodyBudget budget;

  public ChunkedBody(int maxBodyBytes, BodyBudget budget) {
    this.maxBodyBytes = maxBodyBytes;
    this.budget = budget;
  }

  /** The received chunks; {@link #takeBytes()} joins them into one array and belongs on a worker. */
  public static final class Received {
    private List<Buffer> chunks;
    private final int size;

    Received(List<Buffer> chunks, int size) {
      this.chunks = chunks;
      this.size = size;
    }

    /** The first bytes of the body (at most {@code max}), to tell formats apart; the body stays as it is. */
    public synchronized byte[] peek(int max) {
      byte[] head = new byte[Math.min(max, size)];
      int at = 0;
      for (Buffer chunk : chunks) {
        if (at == head.length) {
          break;
        }
        int n = Math.min(chunk.length(), head.length - at);
        chunk.getBytes(0, n, head, at);
        at += n;
      }
      return head;
    }

    /** The body as one array; the chunks are let go, so the body is not held twice while it is parsed. */
    public synchronized byte[] takeBytes() {
      byte[] joined = new byte[size];
      int at = 0;
      for (Buffer chunk : chunks) {
        chunk.getBytes(joined, at);
        at += chunk.length();
      }
      chunks = List.of();
      return joined;
    }
  }

  /** The body read for this request (an empty one if the route had none). */
  public static Received of(RoutingContext ctx) {
    Received received = ctx.get(KEY);
    return received == null ? new Received(List.of(), 0) : received;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // No Content-Length and no chunked transfer: HTTP/1.1 says the body is empty.
    long declared = request.getHeader("Content-Length") == null && request.getHeader("Transfer-Encoding") == null
        ? 0 : declaredLength(request.getHeader("Content-Length"));
    if (declared > maxBodyBytes) {
      ctx.fail(413); // refused before a byte is read
      return;
    }
    request.pause(); // until the body has room in the budget
    Context context = ctx.vertx().getOrCreateContext();
    BodyBudget.Reservation reservation = budget.reserve(declared >= 0 ? declared : maxBodyBytes,
        () -> context.runOnContext(granted -> {
          if (!ctx.response().ended() && !ctx.failed()) {
            read(ctx);
          }
        }));
    ctx.addEndHandler(done -> reservation.close());
  }

  private void read(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    List<Buffer> chunks = new ArrayList<>();
    int[] size = {0};
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return; // the rest of an oversized body is read and dropped, so the 413 can be answered
      }
      if ((long) size[0] + chunk.length() > maxBodyBytes) {
        refused[0] = true;
        chunks.clear();
        ctx.fail(413);
        return;
      }
      size[0] += chunk.length();
      chunks.add(chunk);
    });
    request.endHandler(end -> {
      if (!refused[0]) {
        ctx.put(KEY, new Received(chunks, size[0]));
        ctx.next();
      }
    });
    request.exceptionHandler(failure -> {
      if (!refused[0] && !ctx.failed()) {
        ctx.fail(failure);
      }
    });
    // A client that asked to be told before sending is told now that its body has room (Vert.x Web's BodyHandler
    // did this; without it such clients stall, holding their place).
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
    request.resume();
  }

  /** The declared body length, or -1 when there is none (chunked transfer). */
  private static long declaredLength(String declared) {
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1; // Vert.x's HTTP codec refuses a malformed Content-Length itself
    }
  }
}

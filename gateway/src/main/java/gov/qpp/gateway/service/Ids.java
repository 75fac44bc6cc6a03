package gov.qpp.gateway.service;

import io.vertx.core.Future;
import java.util.UUID;

/** Ids in paths: a malformed one is answered as an unknown one, so ids cannot be probed for existence by shape. */
final class Ids {

  private Ids() {
  }

  static Future<UUID> parse(String id, Refusal notFound) {
    try {
      return Future.succeededFuture(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(notFound);
    }
  }
}

package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway.Reply;
import gov.qpp.gateway.http.BearerAuth;
import gov.qpp.gateway.http.BodyBudget;
import gov.qpp.gateway.http.IntakeLimiter;
import gov.qpp.gateway.metrics.GatewayMetrics;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is served without a token and names exactly the routes the router has. */
class OpenApiTest extends RunningGatewayTest {

  @Test
  void documentIsServedWithoutAToken() throws Exception {
    Reply reply = gateway.send(HttpRequest.newBuilder(gateway.request("/openapi.yaml").build().uri()).GET().build());
    assertEquals(200, reply.status());
    assertTrue(reply.raw().body().startsWith("openapi: 3.0.3"));
  }

  @Test
  void documentDescribesEveryRoute() {
    Set<String> documented = new TreeSet<>();
    for (String line : ApiRouter.openApi().toString().split("\n")) {
      if (line.matches("  /[^ ]*:")) {
        documented.add(line.trim().replace(":", ""));
      }
    }
    Set<String> routed = new TreeSet<>();
    // The handlers are never called here: only the routes they are registered on are read.
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    ApiRouter.create(vertx, new ApiRouter.Plumbing(new BearerAuth("unused"), new IntakeLimiter(1), new BodyBudget(1024),
            1024, new IntakeLimiter(1), null, java.nio.file.Path.of("uploads")),
            new ApiRouter.Services(null, null, null, null, null, new GatewayMetrics(), null, null))
        .getRoutes().forEach(route -> {
          if (route.getPath() != null) {
            routed.add(route.getPath().replaceAll(":(\\w+)", "{$1}"));
          } else if (route.getName() != null && route.getName().startsWith("/")) {
            routed.add(route.getName()); // a regex route names the path it documents
          }
        });
    vertx.close();
    assertEquals(routed, documented);
  }
}

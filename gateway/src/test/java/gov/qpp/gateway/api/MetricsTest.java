package gov.qpp.gateway.api;

import static gov.qpp.gateway.CorpusDocuments.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.OwnDocuments;
import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** /metrics counts what the gateway answered, by format, outcome and problem code. */
class MetricsTest extends RunningGatewayTest {

  @Test
  void refusedDocumentsAreCountedWithTheirProblemCodes() throws Exception {
    assertEquals(422, gateway.post("/api/submissions",
        bytes(OwnDocuments.ia("000456789", OwnDocuments.BAD_NPI, 2021))).status());
    Reply metrics = gateway.send(HttpRequest.newBuilder(gateway.request("/metrics").build().uri()).GET().build());
    assertEquals(200, metrics.status());
    String text = metrics.raw().body();
    assertTrue(text.contains("qpp_documents_total{format=\"registry-json\",outcome=\"rejected\"} 1"), text);
    assertTrue(text.contains("qpp_problems_total{code=\"NPI_CHECK_DIGIT\"} 1"), text);
    assertTrue(text.contains("qpp_intake_pending 0"), text);
    assertTrue(text.contains("qpp_event_loop_lag_max_milliseconds "), text);
  }
}

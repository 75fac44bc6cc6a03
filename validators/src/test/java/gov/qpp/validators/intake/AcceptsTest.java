package gov.qpp.validators.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An upload's format, told in one place: by Content-Type, then for XML by the document's templateId. */
class AcceptsTest {

  static final String QRDA1_HEAD = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
      + "<templateId root=\"2.16.840.1.113883.10.20.24.1.1\" extension=\"2017-08-01\"/>";
  static final String QRDA3_HEAD = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
      + "<templateId root=\"2.16.840.1.113883.10.20.27.1.1\" extension=\"2017-06-01\"/>";

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void submissionsTakeEveryFormatByItsMediaType() {
    assertEquals(Optional.of(Format.REGISTRY_JSON), Accepts.SUBMISSIONS.declared("application/json; charset=utf-8"));
    assertEquals(Optional.of(Format.REGISTRY_JSON),
        Accepts.SUBMISSIONS.declared("application/vnd.qpp.cms.gov.v1+json"));
    assertEquals(Optional.of(Format.FHIR), Accepts.SUBMISSIONS.declared("application/fhir+xml"));
    assertEquals(Optional.of(Format.CLAIMS_JSONL), Accepts.SUBMISSIONS.declared("application/x-ndjson"));
    assertEquals(Optional.of(Format.CLAIMS_CSV), Accepts.SUBMISSIONS.declared("Text/CSV"));
    assertEquals(Optional.of(Format.QRDA1_ZIP), Accepts.SUBMISSIONS.declared("application/zip"));
    assertEquals(Optional.empty(), Accepts.SUBMISSIONS.declared("text/plain"));
    assertEquals(Optional.empty(), Accepts.SUBMISSIONS.declared(null));
  }

  @Test
  void xmlIsQrda3UntilItsTemplateIdSaysQrda1() {
    assertEquals(Optional.of(Format.QRDA3), Accepts.SUBMISSIONS.declared("application/xml"));
    assertEquals(Optional.of(Format.QRDA1), Accepts.SUBMISSIONS.detect("text/xml", body(QRDA1_HEAD)));
    assertEquals(Optional.of(Format.QRDA3), Accepts.SUBMISSIONS.detect("text/xml", body(QRDA3_HEAD)));
    // the conversion endpoint reads QRDA III only, whatever the document says
    assertEquals(Optional.of(Format.QRDA3), Accepts.QRDA3.detect("application/xml", body(QRDA1_HEAD)));
  }

  @Test
  void fhirEndpointsReadEveryBodyAsFhirInTheEncodingItsTypeNames() {
    assertEquals(Optional.of(Format.FHIR), Accepts.FHIR.declared("application/json"));
    assertEquals(Optional.of(Format.FHIR), Accepts.FHIR.declared("application/xml"));
    assertEquals(Optional.empty(), Accepts.FHIR.declared("text/csv"));
  }

  @Test
  void ndjsonIsClaimsOnSubmissionsAndEligibilityOnTheEligibilityEndpoint() {
    assertEquals(Optional.of(Format.ELIGIBILITY), Accepts.ELIGIBILITY.declared("application/x-ndjson"));
    assertEquals(Optional.empty(), Accepts.ELIGIBILITY.declared("application/json"));
    assertTrue(Format.CLAIMS_JSONL.spooled() && !Format.ELIGIBILITY.spooled());
  }
}

package gov.qpp.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.gateway.RunningGatewayTest;
import gov.qpp.gateway.TestGateway.Reply;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** QRDA I documents and zips over real HTTP into real PostgreSQL. */
class Qrda1ApiTest extends RunningGatewayTest {

  /**
   * An eligible clinician's QRDA I (our own, shortened): one visit in 2021 and a diabetes diagnosis, for CMS122v9
   * (QPP 001 in 2021, a year whose UUIDs and claims specifications both catalogs have; the packed 2022 has neither).
   */
  static String document(String mbi) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>
          <templateId root="2.16.840.1.113883.10.20.24.1.1" extension="2017-08-01"/>
          <recordTarget><patientRole><id root="2.16.840.1.113883.4.927" extension="%s"/>
            <patient><administrativeGenderCode code="F"/><birthTime value="19600315"/></patient>
          </patientRole></recordTarget>
          <informationRecipient><intendedRecipient>
            <id root="2.16.840.1.113883.3.249.7" extension="MIPS_INDIV"/>
          </intendedRecipient></informationRecipient>
          <documentationOf><serviceEvent><performer><assignedEntity>
            <id root="2.16.840.1.113883.4.6" extension="1234567893"/>
            <representedOrganization><id root="2.16.840.1.113883.4.2" extension="000555444"/></representedOrganization>
          </assignedEntity></performer></serviceEvent></documentationOf>
          <component><structuredBody>
            <component><section><entry><organizer classCode="CLUSTER" moodCode="EVN">
              <reference typeCode="REFR"><externalDocument>
                <id root="2.16.840.1.113883.4.738" extension="2c928085-7198-38ee-0171-9d78a0d406b3"/>
              </externalDocument></reference>
            </organizer></entry></section></component>
            <component><section><entry><act classCode="ACT" moodCode="EVN">
              <templateId root="2.16.840.1.113883.10.20.17.3.8"/>
              <effectiveTime><low value="20210101"/><high value="20211231"/></effectiveTime>
            </act></entry></section></component>
            <component><section>
              <entry><encounter classCode="ENC" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.23"/>
                <code code="99213" codeSystem="2.16.840.1.113883.6.12"/>
                <effectiveTime><low value="20210310"/></effectiveTime>
              </encounter></entry>
              <entry><observation classCode="OBS" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.24.3.135"/>
                <effectiveTime><low value="20200101"/></effectiveTime>
                <value xsi:type="CD" code="E11.9" codeSystem="2.16.840.1.113883.6.90"/>
              </observation></entry>
            </section></component>
          </structuredBody></component>
        </ClinicalDocument>
        """.formatted(mbi);
  }

  private static Reply post(String path, String type, byte[] body) throws Exception {
    return gateway.send(gateway.request(path).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var entry : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipOfPatientsIsStoredWithPerMeasureCountsAndResults() throws Exception {
    byte[] zip = zip(Map.of("a.xml", document("1EG4TE5MK73").getBytes(StandardCharsets.UTF_8),
        "b.xml", document("2AC2DE3FG45").getBytes(StandardCharsets.UTF_8)));
    Reply created = post("/api/submissions", "application/zip", zip);
    assertEquals(201, created.status(), created.raw().body());
    JsonObject data = created.json().getJsonObject("data");
    assertEquals(new JsonObject().put("read", 2).put("accepted", 2).put("rejected", 0), data.getJsonObject("documents"));
    assertEquals(new JsonObject().put("001", 2), data.getJsonObject("patientsPerMeasure"));
    // two eligible patients for 001 under 2021's claims logic (60 at the visit, 99213, E11.9), no quality code
    JsonObject first = data.getJsonArray("results").getJsonObject(0);
    assertEquals("001", first.getString("measureId"));
    assertEquals(2, first.getJsonArray("strata").getJsonObject(0).getInteger("eligiblePopulation"));

    Reply again = post("/api/submissions", "application/zip", zip);
    assertEquals(200, again.status(), again.raw().body());
    assertEquals(data.getString("batchId"), again.json().getJsonObject("data").getString("batchId"));
  }

  @Test
  void aSingleDocumentIsToldFromQrda3ByItsTemplate() throws Exception {
    Reply valid = post("/api/submissions/validate", "application/xml",
        document("3AC2DE3FG45").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, valid.status(), valid.raw().body());
    assertEquals(1, valid.json().getJsonObject("data").getJsonObject("documents").getInteger("accepted"));
  }

  @Test
  void aZipBombIsRefusedWithItsReason() throws Exception {
    Reply refused = post("/api/submissions", "application/zip", zip(Map.of("bomb.xml", new byte[20 << 20])));
    assertEquals(422, refused.status(), refused.raw().body());
    assertEquals("QRDA1_ZIP_LIMIT", refused.json().getJsonObject("error").getJsonArray("details").getJsonObject(0)
        .getString("code"));
  }

  @Test
  void aHospitalDocumentIsRefusedForMips() throws Exception {
    String hospital = document("4AC2DE3FG45").replace("MIPS_INDIV", "HQR_IQR");
    Reply refused = post("/api/submissions", "application/xml", hospital.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.raw().body());
    assertTrue(refused.raw().body().contains("QRDA1_PROGRAM"), refused.raw().body());
  }
}

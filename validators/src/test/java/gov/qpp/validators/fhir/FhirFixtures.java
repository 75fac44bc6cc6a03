package gov.qpp.validators.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our own FHIR fixtures, built as JSON trees so each test changes only what it is about. The defaults make an
 * accepted 2021 submission on the packed catalog (every build has it): measure 001 (CMS122v9) for the group with TIN
 * 123456789, CEHRT id on a Device. {@link #inYear} moves a document to another year (2025 for the shared catalog).
 */
final class FhirFixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TIN = "123456789";
  /** A valid NPI (check digit 3 under the 80840 Luhn rule). */
  static final String NPI = "1234567893";
  static final String CEHRT = "0015C01ABCDEFGH";
  static final String CMS122 = "https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent";
  /** The performance year of the fixtures' reports: 2021, the packed catalog's last year with eMeasure UUIDs. */
  static final int YEAR = 2021;

  private FhirFixtures() {
  }

  /** Counts by measure-population code, in the order given. */
  static Map<String, Integer> counts(Object... codeAndCount) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < codeAndCount.length; i += 2) {
      counts.put((String) codeAndCount[i], (Integer) codeAndCount[i + 1]);
    }
    return counts;
  }

  static Map<String, Integer> typicalCounts() {
    return counts("initial-population", 100, "denominator", 90, "denominator-exclusion", 5, "numerator", 30);
  }

  static ObjectNode group(Map<String, Integer> counts) {
    ObjectNode group = JSON.createObjectNode();
    ArrayNode populations = group.putArray("population");
    counts.forEach((code, count) -> {
      ObjectNode population = populations.addObject();
      population.putObject("code").putArray("coding").addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/measure-population").put("code", code);
      population.put("count", count);
    });
    return group;
  }

  static ObjectNode report(String type, String measure, String reporter, ObjectNode... groups) {
    ObjectNode report = JSON.createObjectNode();
    report.put("resourceType", "MeasureReport").put("status", "complete").put("type", type).put("measure", measure);
    report.putObject("period").put("start", YEAR + "-01-01").put("end", YEAR + "-12-31");
    report.putObject("reporter").put("reference", reporter);
    ArrayNode list = report.putArray("group");
    for (ObjectNode group : groups) {
      list.add(group);
    }
    return report;
  }

  static ObjectNode summary(Map<String, Integer> counts) {
    return report("summary", CMS122, "Organization/practice", group(counts));
  }

  static ObjectNode individual(String patient, Map<String, Integer> counts) {
    ObjectNode report = report("individual", CMS122, "Organization/practice", group(counts));
    report.putObject("subject").put("reference", "Patient/" + patient);
    return report;
  }

  static ObjectNode organization(String id, String tin) {
    ObjectNode organization = JSON.createObjectNode();
    organization.put("resourceType", "Organization").put("id", id).put("name", "Practice " + id);
    organization.putArray("identifier").addObject().put("system", Reporters.TIN_SYSTEM).put("value", tin);
    return organization;
  }

  static ObjectNode practitioner(String id, String npi) {
    ObjectNode practitioner = JSON.createObjectNode();
    practitioner.put("resourceType", "Practitioner").put("id", id);
    practitioner.putArray("identifier").addObject().put("system", Reporters.NPI_SYSTEM).put("value", npi);
    return practitioner;
  }

  static ObjectNode role(String id, String practitioner, String organization) {
    ObjectNode role = JSON.createObjectNode();
    role.put("resourceType", "PractitionerRole").put("id", id);
    role.putObject("practitioner").put("reference", practitioner);
    role.putObject("organization").put("reference", organization);
    return role;
  }

  static ObjectNode device(String cehrtId) {
    ObjectNode device = JSON.createObjectNode();
    device.put("resourceType", "Device").put("id", "ehr");
    device.putArray("identifier").addObject().put("system", FhirIntake.CEHRT_SYSTEM).put("value", cehrtId);
    return device;
  }

  static ObjectNode patient(String id) {
    ObjectNode patient = JSON.createObjectNode();
    patient.put("resourceType", "Patient").put("id", id).put("gender", "female").put("birthDate", "1961-04-05");
    return patient;
  }

  /** A Bundle of the resources, each with a fullUrl of its Type/id (or a urn:uuid when it has no id). */
  static ObjectNode bundle(String type, ObjectNode... resources) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", type);
    ArrayNode entries = bundle.putArray("entry");
    int n = 0;
    for (ObjectNode resource : resources) {
      ObjectNode entry = entries.addObject();
      String id = resource.path("id").asText(null);
      entry.put("fullUrl", id == null ? "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", n++)
          : "http://ehr.example.org/fhir/" + resource.get("resourceType").asText() + "/" + id);
      entry.set("resource", resource);
      if (type.equals("transaction")) {
        entry.putObject("request").put("method", "POST").put("url", resource.get("resourceType").asText());
      }
    }
    return bundle;
  }

  /** The default accepted submission: a summary for the group, the group's Organization and the EHR's Device. */
  static ObjectNode groupBundle(ObjectNode... reports) {
    ObjectNode[] all = new ObjectNode[reports.length + 2];
    System.arraycopy(reports, 0, all, 0, reports.length);
    all[reports.length] = organization("practice", TIN);
    all[reports.length + 1] = device(CEHRT);
    return bundle("collection", all);
  }

  /** A copy of the document whose every MeasureReport covers the whole of {@code year}. */
  static ObjectNode inYear(ObjectNode document, int year) {
    ObjectNode copy = document.deepCopy();
    moveReports(copy, year);
    return copy;
  }

  private static void moveReports(com.fasterxml.jackson.databind.JsonNode node, int year) {
    if (node instanceof ObjectNode object && "MeasureReport".equals(object.path("resourceType").asText())) {
      object.putObject("period").put("start", year + "-01-01").put("end", year + "-12-31");
    }
    node.forEach(child -> moveReports(child, year));
  }

  static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same resource in FHIR XML, through HAPI (for tests that the two encodings read alike). */
  static byte[] xml(ObjectNode node) {
    var resource = FhirR4.CONTEXT.newJsonParser().parseResource(node.toString());
    return FhirR4.CONTEXT.newXmlParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
  }
}

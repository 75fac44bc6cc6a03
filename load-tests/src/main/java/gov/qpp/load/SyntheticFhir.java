package gov.qpp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * FHIR submissions of three sizes, each one the gateway accepts (2025, measure 001 by its MADiE canonical, a group
 * with TIN 123456789, the CEHRT id on a Device): a summary report (3 entries, what an EHR sends per measure); 20
 * individual reports with their patients (42 entries); and a summary with 97 supporting clinical resources
 * (100 entries, the size HAPI's cost was measured at).
 */
final class SyntheticFhir {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MEASURE = "https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent";
  static final String POPULATIONS = "http://terminology.hl7.org/CodeSystem/measure-population";

  private SyntheticFhir() {
  }

  static byte[] summary() {
    ObjectNode bundle = bundle();
    add(bundle, report("summary", 120, 110, 40));
    practice(bundle);
    return bytes(bundle);
  }

  static byte[] individuals(int patients) {
    ObjectNode bundle = bundle();
    for (int p = 0; p < patients; p++) {
      ObjectNode report = report("individual", 1, 1, p % 3 == 0 ? 1 : 0);
      report.putObject("subject").put("reference", "Patient/p" + p);
      add(bundle, report);
      add(bundle, patient(p));
    }
    practice(bundle);
    return bytes(bundle);
  }

  /** A summary, the practice and its Device, then Patient, Encounter and HbA1c Observation triples up to the size. */
  static byte[] large(int entries) {
    ObjectNode bundle = bundle();
    add(bundle, report("summary", 120, 110, 40));
    practice(bundle);
    for (int p = 0; bundle.get("entry").size() < entries; p++) {
      add(bundle, patient(p));
      if (bundle.get("entry").size() < entries) {
        add(bundle, encounter(p));
      }
      if (bundle.get("entry").size() < entries) {
        add(bundle, observation(p));
      }
    }
    return bytes(bundle);
  }

  private static ObjectNode bundle() {
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    bundle.putArray("entry");
    return bundle;
  }

  private static void add(ObjectNode bundle, ObjectNode resource) {
    String type = resource.get("resourceType").asText();
    String id = resource.path("id").asText("r" + bundle.get("entry").size());
    resource.put("id", id);
    ((ArrayNode) bundle.get("entry")).addObject().put("fullUrl", "http://ehr.example.org/fhir/" + type + "/" + id)
        .set("resource", resource);
  }

  private static void practice(ObjectNode bundle) {
    ObjectNode organization = JSON.createObjectNode().put("resourceType", "Organization").put("id", "practice")
        .put("name", "Example practice");
    organization.putArray("identifier").addObject().put("system", "urn:oid:2.16.840.1.113883.4.2")
        .put("value", "123456789");
    add(bundle, organization);
    ObjectNode device = JSON.createObjectNode().put("resourceType", "Device").put("id", "ehr");
    device.putArray("identifier").addObject().put("system", "https://chpl.healthit.gov/cehrt-id")
        .put("value", "0015C01ABCDEFGH");
    add(bundle, device);
  }

  private static ObjectNode report(String type, int initial, int denominator, int numerator) {
    ObjectNode report = JSON.createObjectNode().put("resourceType", "MeasureReport").put("status", "complete")
        .put("type", type).put("measure", MEASURE);
    report.putObject("period").put("start", "2025-01-01").put("end", "2025-12-31");
    report.putObject("reporter").put("reference", "Organization/practice");
    ArrayNode populations = report.putArray("group").addObject().putArray("population");
    population(populations, "initial-population", initial);
    population(populations, "denominator", denominator);
    population(populations, "numerator", numerator);
    return report;
  }

  private static void population(ArrayNode populations, String code, int count) {
    ObjectNode population = populations.addObject();
    population.putObject("code").putArray("coding").addObject().put("system", POPULATIONS).put("code", code);
    population.put("count", count);
  }

  private static ObjectNode patient(int p) {
    ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", "p" + p)
        .put("gender", p % 2 == 0 ? "female" : "male").put("birthDate", (1940 + p % 40) + "-03-14");
    patient.putArray("name").addObject().put("family", "Synthetic").putArray("given").add("Patient" + p);
    return patient;
  }

  private static ObjectNode encounter(int p) {
    ObjectNode encounter = JSON.createObjectNode().put("resourceType", "Encounter").put("id", "e" + p)
        .put("status", "finished");
    encounter.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "AMB");
    encounter.putArray("type").addObject().putArray("coding").addObject()
        .put("system", "http://www.ama-assn.org/go/cpt").put("code", "99213");
    encounter.putObject("subject").put("reference", "Patient/p" + p);
    encounter.putObject("period").put("start", "2025-04-02T09:00:00Z").put("end", "2025-04-02T09:30:00Z");
    return encounter;
  }

  private static ObjectNode observation(int p) {
    ObjectNode observation = JSON.createObjectNode().put("resourceType", "Observation").put("id", "o" + p)
        .put("status", "final");
    observation.putArray("category").addObject().putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
    observation.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
        .put("code", "4548-4");
    observation.putObject("subject").put("reference", "Patient/p" + p);
    observation.put("effectiveDateTime", "2025-04-02T09:15:00Z");
    observation.putObject("valueQuantity").put("value", 6.5 + p % 5).put("unit", "%")
        .put("system", "http://unitsofmeasure.org").put("code", "%");
    return observation;
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}

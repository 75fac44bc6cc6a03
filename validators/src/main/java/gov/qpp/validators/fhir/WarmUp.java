package gov.qpp.validators.fhir;

/**
 * A small collection Bundle of our own that every catalog accepts (2022, in the packed npm catalog too): run through
 * the intake at start so the first client is not the slow one.
 */
final class WarmUp {

  private WarmUp() {
  }

  static final String BUNDLE = """
      {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:0b8d1f0e-5c1a-4a55-9a57-6f1f0c2b7e01", "resource": {
          "resourceType": "MeasureReport", "status": "complete", "type": "summary",
          "measure": "https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent",
          "period": {"start": "2022-01-01", "end": "2022-12-31"},
          "reporter": {"reference": "urn:uuid:0b8d1f0e-5c1a-4a55-9a57-6f1f0c2b7e02"},
          "group": [{"population": [
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/measure-population",
              "code": "initial-population"}]}, "count": 10},
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/measure-population",
              "code": "denominator"}]}, "count": 10},
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/measure-population",
              "code": "numerator"}]}, "count": 4}]}]}},
        {"fullUrl": "urn:uuid:0b8d1f0e-5c1a-4a55-9a57-6f1f0c2b7e02", "resource": {
          "resourceType": "Organization", "name": "Warm-up practice",
          "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.2", "value": "000000000"}]}},
        {"fullUrl": "urn:uuid:0b8d1f0e-5c1a-4a55-9a57-6f1f0c2b7e03", "resource": {
          "resourceType": "Patient", "gender": "female", "birthDate": "1960-02-03"}}]}
      """;
}

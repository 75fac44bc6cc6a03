package gov.qpp.validators.intake;

import gov.qpp.validators.fhir.FhirBody;

/**
 * What a request says about its upload besides the bytes: the Content-Type, the performance year it asks for (a
 * claims file's, else the year comes from the data), and on the FHIR endpoints the resource the endpoint takes and
 * the measure its path names.
 */
public record Declared(String contentType, Integer year, FhirBody fhirBody, String measure) {

  public Declared {
    fhirBody = fhirBody == null ? FhirBody.ANY : fhirBody;
  }

  public static Declared of(String contentType) {
    return new Declared(contentType, null, FhirBody.ANY, null);
  }

  public Declared withYear(Integer requestedYear) {
    return new Declared(contentType, requestedYear, fhirBody, measure);
  }

  public Declared forFhir(FhirBody body, String pathMeasure) {
    return new Declared(contentType, year, body, pathMeasure);
  }
}

package gov.qpp.validators.fhir;

/** What a FHIR endpoint takes as its body. */
public enum FhirBody {
  /** {@code POST /fhir/MeasureReport}: one MeasureReport. */
  MEASURE_REPORT,
  /** {@code POST /fhir}: a transaction, batch or collection Bundle. */
  BUNDLE,
  /** {@code Measure/$submit-data}: a Parameters resource or a Bundle. */
  SUBMIT_DATA,
  /** {@code /api/submissions}: any of them. */
  ANY,
  /** {@code MeasureReport/$validate}: any of them, or FHIR's $validate Parameters (resource, mode, profile). */
  VALIDATE
}

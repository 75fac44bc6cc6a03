package gov.qpp.validators.problems;

/**
 * Every problem the gateway reports, by a code that never changes meaning. docs/problem-codes.md is generated
 * from this enum and a test keeps it current, so clients can rely on the list.
 */
public enum ProblemCode {
  // --- the document as bytes and JSON
  DOCUMENT_TOO_LARGE(Severity.ERROR, "The document is larger than the gateway accepts."),
  AUTHENTICATION_REQUIRED(Severity.ERROR, "The request has no valid bearer token."),
  NOT_FOUND(Severity.ERROR, "No such resource (or not one the caller may see)."),
  METHOD_NOT_ALLOWED(Severity.ERROR, "The resource exists but does not take this HTTP method."),
  INVALID_PARAMETER(Severity.ERROR, "A query or path parameter is missing or malformed."),
  GATEWAY_BUSY(Severity.ERROR, "The gateway is at capacity; retry after the Retry-After delay."),
  UNSUPPORTED_MEDIA_TYPE(Severity.ERROR, "The Content-Type is not one the endpoint accepts."),
  JSON_SYNTAX(Severity.ERROR, "The document is not well-formed JSON."),
  JSON_LIMIT_EXCEEDED(Severity.ERROR, "The JSON nests too deeply, or a string or number in it is too long."),
  JSON_DUPLICATE_KEY(Severity.ERROR, "An object has the same key twice."),
  JSON_WRONG_TYPE(Severity.ERROR, "A field has the wrong JSON type (for example a string where a number belongs)."),
  JSON_UNKNOWN_FIELD(Severity.ERROR, "A field the QPP Submissions API does not define."),
  JSON_MISSING_FIELD(Severity.ERROR, "A required field is missing."),
  JSON_INVALID_VALUE(Severity.ERROR, "A field's value is not one of the allowed values or not of the allowed form."),
  XML_NOT_WELL_FORMED(Severity.ERROR, "The document is not well-formed XML (or is truncated, or not XML at all)."),
  XML_DTD_NOT_ALLOWED(Severity.ERROR, "The XML has a DOCTYPE; DTDs and entities are refused (XXE, entity expansion)."),
  XML_LIMIT_EXCEEDED(Severity.ERROR, "The XML nests too deeply, or an attribute, a text or the whole document is too large."),
  XML_ENCODING(Severity.ERROR, "The XML's bytes do not match its declared encoding."),
  TOO_MANY_PROBLEMS(Severity.ERROR, "More problems were found than one answer lists."),

  // --- QRDA Category III documents (docs/qrda3.md maps these to the CMS conversion tool's codes)
  QRDA_NOT_QRDA3(Severity.ERROR, "The XML is not a QRDA Category III document (root and templateIds)."),
  QRDA_PROGRAM_MISSING(Severity.ERROR, "The document names no program (informationRecipient), or more than one."),
  QRDA_PROGRAM_UNKNOWN(Severity.ERROR, "The document's program name is not one the gateway accepts."),
  QRDA_NO_SECTION(Severity.ERROR, "The document has no quality, IA or PI section."),
  QRDA_DUPLICATE_SECTION(Severity.ERROR, "The document has two quality sections, or two IA sections."),
  QRDA_PI_DUPLICATE_SECTION(Severity.ERROR, "The document has two PI sections."),
  QRDA_REPORTING_PARAMETERS(Severity.ERROR, "The quality section (or, for the year, the document) needs exactly one reporting parameters act."),
  QRDA_IA_REPORTING_PARAMETERS(Severity.ERROR, "The IA section needs exactly one reporting parameters act."),
  QRDA_PI_REPORTING_PARAMETERS(Severity.ERROR, "The PI section needs exactly one reporting parameters act."),
  QRDA_PERIOD_START(Severity.ERROR, "A reporting period needs exactly one start (effectiveTime/low/@value)."),
  QRDA_PERIOD_END(Severity.ERROR, "A reporting period needs exactly one end (effectiveTime/high/@value)."),
  QRDA_PERIOD_DATE(Severity.ERROR, "A reporting period's start or end is not a date of the form yyyyMMdd."),
  QRDA_SECTION_EMPTY(Severity.ERROR, "The quality section has no measures."),
  QRDA_IA_SECTION_EMPTY(Severity.ERROR, "The IA section has no activities."),
  QRDA_SECTION_WRONG_CHILD(Severity.ERROR, "A section holds an entry that does not belong there."),
  QRDA_MEASURE_GUID(Severity.ERROR, "A measure reference needs exactly one version-specific measure GUID."),
  QRDA_MEASURE_GUID_UNKNOWN(Severity.ERROR, "The measure GUID is not a measure of the performance year's catalog."),
  QRDA_MEASURE_DATA_MISSING(Severity.ERROR, "A measure reports no population data."),
  QRDA_MEASURE_DATA_INVALID(Severity.ERROR, "Population data lacks its type (IPOP, DENOM, NUMER, ...) or its population UUID."),
  QRDA_POPULATION_MISSING(Severity.ERROR, "A population the catalog defines for the measure is not reported."),
  QRDA_POPULATION_UNKNOWN(Severity.ERROR, "A reported population's UUID is not one the catalog defines for the measure."),
  QRDA_DENOMINATOR_EXCEEDS_POPULATION(Severity.ERROR, "A denominator is larger than its initial population."),
  QRDA_COUNT_MISSING(Severity.ERROR, "A quality measure's population needs exactly one aggregate count."),
  QRDA_COUNT_VALUE_NOT_SINGLE(Severity.ERROR, "A population's aggregate count needs exactly one value/@value."),
  QRDA_COUNT_NOT_INTEGER(Severity.ERROR, "A population's aggregate count is not a whole number."),
  QRDA_COUNT_NEGATIVE(Severity.ERROR, "A population's aggregate count is negative."),
  QRDA_PI_COUNT_MISSING(Severity.ERROR, "A PI numerator or denominator needs exactly one aggregate count."),
  QRDA_PI_COUNT_NOT_INTEGER(Severity.ERROR, "A PI numerator's or denominator's count is not a whole number."),
  QRDA_PI_COUNT_INVALID(Severity.ERROR, "A PI numerator's or denominator's count is negative, empty or given twice."),
  QRDA_PERFORMANCE_RATE(Severity.ERROR, "A performance rate must be a number from 0 to 1 (or nullFlavor NA) with its UUID."),
  QRDA_MEASURE_PERFORMED_MISSING(Severity.ERROR, "An activity or attestation needs exactly one measure-performed observation."),
  QRDA_MEASURE_PERFORMED(Severity.ERROR, "A measure-performed observation needs exactly one value of Y or N."),
  QRDA_MEASURE_ID(Severity.ERROR, "An improvement activity or PI measure needs exactly one measure id."),
  QRDA_PI_MEASURE(Severity.ERROR, "A PI proportion measure needs exactly one numerator and one denominator."),

  // --- FHIR R4 (docs/fhir.md)
  FHIR_UNREADABLE(Severity.ERROR, "The document is not a FHIR R4 resource in JSON or XML that can be parsed."),
  FHIR_INVALID(Severity.ERROR, "Base R4 validation found an error: structure, cardinality, an invariant or a code binding."),
  FHIR_WARNING(Severity.WARNING, "Base R4 validation found a warning (for example a profile or code system that cannot be checked here)."),
  FHIR_RESOURCE_TYPE(Severity.ERROR, "The endpoint does not take this resource type, Bundle type or parameter."),
  FHIR_NO_MEASURE_REPORT(Severity.ERROR, "The submission holds no MeasureReport."),
  FHIR_REPORT_STATUS(Severity.ERROR, "Only MeasureReports with status complete are accepted."),
  FHIR_REPORT_TYPE_UNSUPPORTED(Severity.ERROR, "Only individual and summary MeasureReports carry results the gateway reads."),
  FHIR_MODIFIER_EXTENSION(Severity.ERROR, "A MeasureReport carries a modifier extension (a test case, for one), so it cannot be read as real results."),
  FHIR_MIXED_REPORT_TYPES(Severity.ERROR, "One measure is reported both by a summary and by individual MeasureReports."),
  FHIR_MEASURE_UNKNOWN(Severity.ERROR, "The measure canonical names no quality measure of the performance year (eMeasureId, eMeasureUuid or configured mapping)."),
  FHIR_MEASURE_MISMATCH(Severity.ERROR, "The report's measure is not the measure the $submit-data request names."),
  FHIR_REPORTER_MISSING(Severity.ERROR, "A MeasureReport names no reporter, or one the submission does not contain."),
  FHIR_REPORTER_IDENTIFIER(Severity.ERROR, "The reporter carries no TIN (Organization) or NPI (Practitioner) identifier, or more than one."),
  FHIR_REPORTERS_DIFFER(Severity.ERROR, "The MeasureReports of one submission name different reporters or performance years."),
  FHIR_PERIOD(Severity.ERROR, "A MeasureReport's period needs a start and an end, each a full date."),
  FHIR_GROUPS(Severity.ERROR, "The report's groups (or stratifier strata) do not match the measure's performance rates."),
  FHIR_POPULATION_CODE(Severity.ERROR, "A population's code is not one of the measure-population codes, or appears twice in a group."),
  FHIR_POPULATION_MISSING(Severity.ERROR, "A group lacks its denominator or its numerator population."),
  FHIR_POPULATION_COUNT(Severity.ERROR, "A population has no count."),
  FHIR_SUBJECT_MISSING(Severity.ERROR, "An individual MeasureReport names no patient (subject)."),
  FHIR_CEHRT_ID_CONFLICT(Severity.ERROR, "The submission's Devices name two different CEHRT ids."),
  FHIR_PATIENT_DUPLICATE(Severity.ERROR, "Two individual MeasureReports of one measure are about the same patient."),

  // --- QRDA Category I, one document per patient, or a zip of them (docs/qrda1.md)
  QRDA1_NOT_QRDA1(Severity.ERROR, "The XML is not a QRDA Category I document (ClinicalDocument with the QRDA I templateId)."),
  QRDA1_PROGRAM(Severity.ERROR, "The document names no program, or one that is not a MIPS program (hospital programs go to HQR)."),
  QRDA1_PERFORMER_MISSING(Severity.ERROR, "No documentationOf/serviceEvent/performer names the clinician (NPI) and the TIN the data is attributed to."),
  QRDA1_CCN_FORMAT(Severity.ERROR, "The custodian's CMS Certification Number is not 6 characters (a 2-digit state code and 4 more)."),
  QRDA1_PATIENT_ID_MISSING(Severity.ERROR, "recordTarget/patientRole has no patient id (MBI, HICN or the EHR's own)."),
  QRDA1_BIRTH_TIME(Severity.ERROR, "The patient's birthTime is missing or not a date."),
  QRDA1_SEX_UNKNOWN(Severity.WARNING, "The patient's administrativeGenderCode is missing or not a known code; sex-specific measures will not count the patient."),
  QRDA1_PERIOD_YEAR(Severity.ERROR, "The reporting period spans two years, or its year has no measure catalog."),
  QRDA1_MEASURE_MISSING(Severity.ERROR, "The document references no eCQM (Measure Reference, externalDocument id root 2.16.840.1.113883.4.738)."),
  QRDA1_MEASURE_UNKNOWN(Severity.ERROR, "A referenced eCQM version-specific UUID is not a measure of the reporting year."),
  QRDA1_ENTRY_INCOMPLETE(Severity.WARNING, "A patient data entry has no code or no time; it is kept but cannot count toward a measure."),
  QRDA1_TOO_MANY_ENTRIES(Severity.WARNING, "The document has more entries than the gateway keeps for one patient; the rest were read, not kept."),
  QRDA1_ZIP_UNREADABLE(Severity.ERROR, "The zip archive cannot be read (truncated, or not a zip)."),
  QRDA1_ZIP_ENTRY_NAME(Severity.ERROR, "A zip entry's name is absolute or climbs out of the archive (path traversal)."),
  QRDA1_ZIP_NESTED(Severity.ERROR, "The zip holds another archive; nested archives are refused."),
  QRDA1_ZIP_LIMIT(Severity.ERROR, "The zip has too many entries, expands too much (a zip bomb), or an entry is too large."),
  QRDA1_ZIP_EMPTY(Severity.ERROR, "The zip holds no XML document."),

  // --- Part B claims, JSON Lines or CSV (docs/claims.md)
  CLAIMS_UNREADABLE(Severity.ERROR, "The claims file cannot be read as its format (empty, or a CSV header that lacks or misnames columns)."),
  CLAIMS_YEAR_NOT_SUPPORTED(Severity.ERROR, "The performance year has no claims measure specifications in the catalog."),
  CLAIMS_NONE_USABLE(Severity.ERROR, "No claim in the file could be used; nothing was stored."),
  CLAIMS_TOO_MANY_REJECTED(Severity.ERROR, "More of the file's lines were rejected than the gateway accepts; nothing was stored."),
  CLAIMS_YEAR_UNCLEAR(Severity.ERROR, "No year was given and most claims fall outside the year of the first one; send ?year=."),
  CLAIMS_TOO_LARGE(Severity.ERROR, "The file has more claims or eligible instances than one upload may; split it by TIN."),
  CLAIMS_SET_NOT_VALID(Severity.WARNING, "A measurement set computed from the claims failed validation and was not stored."),
  CLAIM_SYNTAX(Severity.ERROR, "A line is not one well-formed claim (JSON object or CSV row), or is too long; that claim is rejected."),
  CLAIM_MISSING_FIELD(Severity.ERROR, "A claim lacks a required field; the claim is rejected."),
  CLAIM_UNKNOWN_FIELD(Severity.WARNING, "A claim has a field the claims format does not define; it is ignored (reported once per file)."),
  CLAIM_INVALID_VALUE(Severity.ERROR, "A claim field has the wrong type or a value out of range; the claim is rejected."),
  CLAIM_INVALID_DATE(Severity.ERROR, "A date is not a calendar date YYYY-MM-DD; the claim is rejected."),
  CLAIM_INVALID_TIN(Severity.ERROR, "The claim's TIN is not 9 digits; the claim is rejected."),
  CLAIM_INVALID_NPI(Severity.ERROR, "The claim's rendering NPI is not a valid NPI (10 digits, check digit); the claim is rejected."),
  CLAIM_INVALID_BENEFICIARY_ID(Severity.ERROR, "The beneficiary id is neither an MBI nor a HICN in shape; the claim is rejected."),
  CLAIM_UNISSUED_MBI_LETTERS(Severity.WARNING, "An MBI uses letters CMS does not issue (S, L, O, I, B, Z); reported once per file."),
  CLAIM_CODE_SHAPE(Severity.ERROR, "A HCPCS/CPT code, modifier, place of service or ICD-10-CM code lacks its code system's shape; the claim is rejected."),

  // --- eligibility files and scoring operations (docs/scoring.md)
  ELIGIBILITY_UNREADABLE(Severity.ERROR, "The eligibility file is empty, has more rows than one upload may, or a line is not one JSON object."),
  ELIGIBILITY_MISSING_FIELD(Severity.ERROR, "An eligibility row lacks a required field; the file is refused."),
  ELIGIBILITY_UNKNOWN_FIELD(Severity.ERROR, "An eligibility row has a field the format does not define (a misspelling?); the file is refused."),
  ELIGIBILITY_INVALID_VALUE(Severity.ERROR, "An eligibility field has the wrong type or a value out of range; the file is refused."),
  ELIGIBILITY_DUPLICATE_ROW(Severity.ERROR, "Two rows of the file are for the same clinician and year; the file is refused."),
  RESCORE_RUNNING(Severity.ERROR, "A re-score of that year is already queued or running."),
  CLAIM_DATES_INCONSISTENT(Severity.ERROR, "The claim's dates contradict each other (ends before it begins, born after the service); the claim is rejected."),
  CLAIM_TOO_MANY_VALUES(Severity.ERROR, "More diagnoses, modifiers or lines than a claim carries; the claim is rejected."),
  CLAIM_DUPLICATE_LINE_NUMBER(Severity.ERROR, "Two lines of one claim have the same line number; the claim is rejected."),
  CLAIM_INCONSISTENT_HEADER(Severity.ERROR, "Rows of one CSV claim disagree on a claim-level column; the claim is rejected."),
  CLAIM_DUPLICATE(Severity.ERROR, "The claim id (with its TIN) was used earlier in the file; CSV rows of one claim must be adjacent."),
  CLAIM_OUTSIDE_YEAR(Severity.WARNING, "The claim's date of service is not in the performance year; it is skipped."),

  // --- who is reporting
  TIN_FORMAT(Severity.ERROR, "A TIN must be exactly 9 digits."),
  NPI_FORMAT(Severity.ERROR, "An NPI must be exactly 10 digits and start with 1 or 2."),
  NPI_CHECK_DIGIT(Severity.ERROR, "The NPI's last digit does not match its check digit (Luhn with the 80840 prefix)."),
  ENTITY_IDENTIFIER_MISSING(Severity.ERROR, "The entity type needs an identifier that is missing (TIN, NPI or entityId)."),
  ENTITY_IDENTIFIER_NOT_ALLOWED(Severity.ERROR, "The entity type does not take this identifier."),

  // --- when
  PERFORMANCE_YEAR_UNSUPPORTED(Severity.ERROR, "No measure catalog is loaded for the performance year."),
  PERIOD_INVALID(Severity.ERROR, "The performance period is not a valid date range."),
  PERIOD_OUTSIDE_YEAR(Severity.ERROR, "The performance period falls outside the performance year."),

  // --- measurement sets
  DUPLICATE_MEASUREMENT_SET(Severity.ERROR, "Two measurement sets share category, submission method and program."),
  SUBMISSION_METHOD_NOT_ALLOWED_FOR_CATEGORY(Severity.ERROR, "The submission method cannot be used for the category."),
  CEHRT_ID_MISSING(Severity.ERROR, "A CEHRT id is required for this measurement set."),
  CEHRT_ID_FORMAT(Severity.ERROR, "The CEHRT id is not 15 letters or digits naming its edition (XX15C..., XX15E...) or year (2025C...)."),
  PI_ENTITY_NOT_ALLOWED(Severity.ERROR, "Promoting Interoperability data is accepted only for individuals and groups."),
  PROGRAM_UNKNOWN(Severity.ERROR, "The programName is not a program (mips, app1, appPlus, ...) or an MVP id of the year."),
  APP_ENTITY_NOT_ALLOWED(Severity.ERROR, "The APM Performance Pathway does not accept this entity type."),
  MEASUREMENT_SET_EMPTY(Severity.WARNING, "A measurement set has no measurements."),

  // --- measures against the catalog
  MEASURE_UNKNOWN(Severity.ERROR, "The measureId does not exist in the catalog for the performance year."),
  MEASURE_CATEGORY_MISMATCH(Severity.ERROR, "The measure belongs to another category than its measurement set."),
  MEASURE_SUBMISSION_METHOD_NOT_ALLOWED(Severity.ERROR, "The catalog does not allow this submission method for the measure."),
  MEASURE_PROGRAM_NOT_ALLOWED(Severity.ERROR, "The catalog does not allow this program for the measure."),
  MEASURE_VALUE_TYPE_MISMATCH(Severity.ERROR, "The value's shape does not match the measure's metric type."),
  DUPLICATE_MEASURE(Severity.ERROR, "The same measureId appears twice in one measurement set."),

  // --- measurement values
  NEGATIVE_COUNT(Severity.ERROR, "A count is negative."),
  NUMERATOR_EXCEEDS_DENOMINATOR(Severity.ERROR, "A proportion's numerator is greater than its denominator."),
  PERFORMANCE_MET_EXCEEDS_ELIGIBLE_POPULATION(Severity.ERROR, "performanceMet is greater than eligiblePopulation."),
  POPULATION_SUM_EXCEEDS_ELIGIBLE_POPULATION(Severity.WARNING,
      "performanceMet + performanceNotMet + exclusions + exceptions is greater than eligiblePopulation."),
  CQM_EXCLUSION_NOT_ALLOWED(Severity.ERROR, "A MIPS CQM reported by registry must have eligiblePopulationExclusion 0 or null."),
  PERFORMANCE_RATE_REQUIRED(Severity.ERROR, "A QCDR (registry) measure needs performanceRate."),
  PERFORMANCE_RATE_OUT_OF_RANGE(Severity.ERROR, "performanceRate must be between 0 and 100."),
  STRATUM_UNKNOWN(Severity.ERROR, "A stratum name is not one the catalog defines for the measure."),
  STRATUM_DUPLICATE(Severity.ERROR, "The same stratum appears twice."),
  STRATUM_MISSING(Severity.ERROR, "A QCDR measure must report every stratum the catalog defines."),
  PI_EXCLUSION_WITH_BASE_MEASURE(Severity.ERROR, "A PI exclusion was submitted together with the measure it excludes."),
  PI_SUBSTITUTE_WITH_ORIGINAL(Severity.ERROR, "A PI substitute measure was submitted together with the measure it replaces.");

  private final Severity severity;
  private final String summary;

  ProblemCode(Severity severity, String summary) {
    this.severity = severity;
    this.summary = summary;
  }

  public Severity severity() {
    return severity;
  }

  /** One sentence for the problem catalogue in the docs. */
  public String summary() {
    return summary;
  }
}

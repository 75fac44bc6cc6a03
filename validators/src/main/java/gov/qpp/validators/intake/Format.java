package gov.qpp.validators.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every intake format, with the media types a client sends it as. Which of them an endpoint takes, and how an
 * upload's format is told from its Content-Type (and, for XML, its templateId), is {@link Accepts}'s one job.
 */
public enum Format {
  // id, spooled (else held in memory), patient-level (else aggregate), media types
  /** The QPP Submissions API's JSON: a submission, or a measurement set with its submission. */
  REGISTRY_JSON("registry-json", false, false, "application/json", "application/vnd.qpp.cms.gov.v1+json"),
  /** A QRDA Category III report (aggregate counts). */
  QRDA3("qrda3", false, false, "application/xml", "text/xml"),
  /** One patient's QRDA Category I document: XML like QRDA III, told apart by its templateId. */
  QRDA1("qrda1", false, true, "application/xml", "text/xml"),
  /** A zip of QRDA I documents, one per patient. */
  QRDA1_ZIP("qrda1-zip", true, true, "application/zip", "application/x-zip-compressed"),
  /** A MeasureReport, Bundle or $submit-data Parameters in FHIR R4 JSON or XML. */
  FHIR("fhir", false, false, "application/fhir+json", "application/fhir+xml"),
  /** Part B claims, one claim per line with its lines nested. */
  CLAIMS_JSONL("claims-jsonl", true, true, "application/x-ndjson", "application/jsonl",
      "application/jsonlines"),
  /** Part B claims, a header row then one row per claim line. */
  CLAIMS_CSV("claims-csv", true, true, "text/csv"),
  /** CMS's eligibility data, one JSON object per clinician or group and year. */
  ELIGIBILITY("eligibility", false, false, "application/x-ndjson");

  private final String id;
  private final boolean spooled;
  private final boolean patientLevel;
  private final List<String> mediaTypes;

  Format(String id, boolean spooled, boolean patientLevel, String... mediaTypes) {
    this.id = id;
    this.spooled = spooled;
    this.patientLevel = patientLevel;
    this.mediaTypes = List.of(mediaTypes);
  }

  /** The name stored with each submission and batch, shown in answers and metrics, used in conformance manifests. */
  public String id() {
    return id;
  }

  /**
   * Whether an upload of this format is spooled to a file as it arrives (under claims.maxBytes: hundreds of
   * megabytes, never held in memory) rather than held in memory (under http.maxBodyBytes and the body budget).
   */
  public boolean spooled() {
    return spooled;
  }

  /**
   * Patient-level data (claims, QRDA I): read for seconds rather than milliseconds, so on workers of its own, and
   * the measure results are computed here rather than reported.
   */
  public boolean patientLevel() {
    return patientLevel;
  }

  /** The media types a client sends this format as; the first is the one to send. */
  public List<String> mediaTypes() {
    return mediaTypes;
  }

  /** The media type a client sends this format as. */
  public String mediaType() {
    return mediaTypes.get(0);
  }

  /** By its id (registry-json, qrda3, ...). */
  public static Optional<Format> byId(String id) {
    for (Format format : values()) {
      if (format.id.equals(id)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The media type of a Content-Type (or Accept entry): lower case, parameters such as charset dropped; null for null. */
  public static String mediaType(String contentType) {
    return contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}

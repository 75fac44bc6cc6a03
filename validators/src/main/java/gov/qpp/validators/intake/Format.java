package gov.qpp.validators.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The intake formats, each recognised by its media types. */
public enum Format {
  REGISTRY_JSON("registry-json", Set.of("application/json", "application/vnd.qpp.cms.gov.v1+json")),
  /** XML is QRDA III today; QRDA I joins it (told apart by templateId) in its own issue. */
  QRDA3("qrda3", Set.of("application/xml", "text/xml")),
  /** A MeasureReport, Bundle or $submit-data Parameters in FHIR R4 JSON or XML. */
  FHIR("fhir", Set.of("application/fhir+json", "application/fhir+xml"));

  private final String id;
  private final Set<String> mediaTypes;

  Format(String id, Set<String> mediaTypes) {
    this.id = id;
    this.mediaTypes = mediaTypes;
  }

  /** The name stored with each submission and shown in answers. */
  public String id() {
    return id;
  }

  /** The media type a client sends this format as. */
  public String mediaType() {
    return switch (this) {
      case REGISTRY_JSON -> "application/json";
      case QRDA3 -> "application/xml";
      case FHIR -> "application/fhir+json";
    };
  }

  /** By the id stored with submissions and used in conformance manifests (registry-json, qrda3). */
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

  /** The format of a Content-Type header value (parameters such as charset ignored). */
  public static Optional<Format> forContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String mediaType = mediaType(contentType);
    for (Format format : values()) {
      if (format.mediaTypes.contains(mediaType)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public static String acceptedMediaTypes() {
    return "application/json, application/vnd.qpp.cms.gov.v1+json, application/xml, text/xml,"
        + " application/fhir+json, application/fhir+xml";
  }
}

package gov.qpp.validators.fhir;

import java.util.Optional;

/** FHIR's two wire formats, told apart by media type, by {@code _format}, or by the document's first character. */
public enum FhirEncoding {
  JSON("application/fhir+json"),
  XML("application/fhir+xml");

  private final String mediaType;

  FhirEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * A Content-Type, Accept entry or {@code _format} value: the FHIR media types, plain JSON and XML media types,
   * and the short forms json and xml. Empty for anything else.
   */
  public static Optional<FhirEncoding> forMediaType(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String type = value.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT); // parameters dropped
    return switch (type) {
      case "application/fhir+json", "application/json", "json", "application/json+fhir" -> Optional.of(JSON);
      case "application/fhir+xml", "application/xml", "text/xml", "xml", "application/xml+fhir" -> Optional.of(XML);
      default -> Optional.empty();
    };
  }

  /** By the first character that is not white space (or a byte-order mark): '<' is XML, anything else JSON. */
  public static FhirEncoding sniff(byte[] document) {
    for (byte b : document) {
      int c = b & 0xff;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF) {
        continue;
      }
      return c == '<' ? XML : JSON;
    }
    return JSON;
  }
}

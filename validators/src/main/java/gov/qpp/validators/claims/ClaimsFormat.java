package gov.qpp.validators.claims;

import gov.qpp.validators.intake.Format;
import java.util.Optional;

/** The two claims file formats, by media type. */
public enum ClaimsFormat {
  /** One claim per line, its lines nested: {@code application/x-ndjson} (also application/jsonl). */
  JSON_LINES("claims-jsonl"),
  /** A header row, then one row per claim line: {@code text/csv}. */
  CSV("claims-csv");

  private final String id;

  ClaimsFormat(String id) {
    this.id = id;
  }

  /** The name stored with each submission made from the file. */
  public String id() {
    return id;
  }

  public static Optional<ClaimsFormat> forContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    return switch (Format.mediaType(contentType)) {
      case "application/x-ndjson", "application/jsonl", "application/jsonlines" -> Optional.of(JSON_LINES);
      case "text/csv" -> Optional.of(CSV);
      default -> Optional.empty();
    };
  }
}

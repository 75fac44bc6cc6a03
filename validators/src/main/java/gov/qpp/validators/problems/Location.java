package gov.qpp.validators.problems;

import java.util.Objects;

/**
 * Where in an upload a problem is: data, so each answer renders it its own way (the QPP API's one path string,
 * FHIR's expression beside its location, the conversion tool's path, line and column) and nobody parses it back.
 *
 * @param document the document within the upload (a zip entry, a computed clinician), or null for the upload itself
 * @param path where in it: a JSON path, an XPath, a FHIRPath, a field or header name; null when only a line is known
 *     (line-oriented files: claims, eligibility)
 * @param field a field named beside the path (the QPP field a rule checks, a claim's column), or null
 * @param line 1-based line, 0 when not known
 * @param column 1-based column, 0 when not known
 */
public record Location(String document, String path, String field, long line, int column) {

  public Location {
    if (path == null && line <= 0) {
      throw new IllegalArgumentException("a location needs a path or a line");
    }
  }

  /** A path alone: {@code $.measurementSets[0].measurements[2]}, {@code Content-Type}. */
  public static Location of(String path) {
    return new Location(null, Objects.requireNonNull(path, "path"), null, 0, 0);
  }

  /** A node of an XML or JSON document, where the parser met it. */
  public static Location at(String path, long line, int column) {
    return new Location(null, Objects.requireNonNull(path, "path"), null, line, column);
  }

  /** A line of a line-oriented file (or of a document that could not be read further). */
  public static Location line(long line) {
    return new Location(null, null, null, line, 0);
  }

  public static Location line(long line, int column) {
    return new Location(null, null, null, line, column);
  }

  /** A field of one line's record: {@code line 12: npi}. */
  public static Location line(long line, String field) {
    return new Location(null, null, field, line, 0);
  }

  /** The same place inside a named document of the upload. */
  public Location in(String documentName) {
    return new Location(documentName, path, field, line, column);
  }

  /** The same place, naming the field it concerns. */
  public Location withField(String fieldName) {
    return new Location(document, path, fieldName, line, column);
  }

  /**
   * The QPP API's spelling, one string: {@code path (line L, column C) [field]}, {@code line L: field},
   * {@code document: ...}. Answers and stored warnings have always read this way.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (document != null) {
      out.append(document).append(": ");
    }
    if (path == null) {
      out.append("line ").append(line);
      if (column > 0) {
        out.append(", column ").append(column);
      }
      if (field != null) {
        out.append(": ").append(field);
      }
      return out.toString();
    }
    out.append(path);
    if (line > 0) {
      out.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    if (field != null) {
      out.append(" [").append(field).append(']');
    }
    return out.toString();
  }
}

package gov.qpp.conformance;

import java.util.Objects;

/**
 * One manifest entry with its document already read and its performance year filled in, so running a case
 * never touches the file system.
 */
public record ConformanceCase(String id, String description, String format, String file, Integer performanceYear,
    Expectation expect, byte[] document) {

  public ConformanceCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(expect, "expect");
    document = document.clone();
  }

  /** A copy, so no target can change the bytes another target will send. */
  @Override
  public byte[] document() {
    return document.clone();
  }

  @Override
  public String toString() {
    return id + " (" + file + ", " + document.length + " bytes, expect " + expect + ")";
  }
}

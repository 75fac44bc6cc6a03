package gov.qpp.conformance;

/** The manifest or one of its case files is unusable; the message names the file, the case and the field. */
public final class ManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}

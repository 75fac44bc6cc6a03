package gov.qpp.validators.catalog;

/** A catalog file is missing or malformed; the message names the file and the field. Fails start-up. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}

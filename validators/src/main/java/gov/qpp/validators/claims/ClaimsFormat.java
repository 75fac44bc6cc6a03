package gov.qpp.validators.claims;

/** The two claims file layouts the reader knows (the upload's format says which: claims-jsonl or claims-csv). */
public enum ClaimsFormat {
  /** One claim per line, its lines nested. */
  JSON_LINES,
  /** A header row, then one row per claim line. */
  CSV
}

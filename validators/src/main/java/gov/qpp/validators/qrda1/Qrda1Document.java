package gov.qpp.validators.qrda1;

import java.util.List;
import java.util.Map;

/**
 * What was read from one QRDA Category I document (one patient), as text, before any check: the document
 * templates, the program and certification ids, the patient, the performers (NPI, TIN), the reporting period, the
 * measures referenced by version-specific UUID, and the patient's QDM entries. Each value keeps its line.
 */
public record Qrda1Document(String rootElement, String rootNamespace, List<String> templates, Located program,
    Located cehrtId, Map<String, Located> patientIds, Located birthTime, Located sex, List<Performer> performers,
    Located ccn, Located periodStart, Located periodEnd, List<Located> measureUuids, List<Qrda1Entry> entries,
    int entriesNotRead) {

  /** A value and the line of the element it came from. */
  public record Located(String value, int line) {
  }

  /** A clinician of {@code documentationOf/serviceEvent/performer}: NPI and the TIN of their organization. */
  public record Performer(Located npi, Located tin) {
  }
}

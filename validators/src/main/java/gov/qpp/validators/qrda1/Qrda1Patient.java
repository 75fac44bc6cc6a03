package gov.qpp.validators.qrda1;

import java.time.LocalDate;
import java.util.List;

/**
 * One checked QRDA I document: the patient (an id, birth date, sex), the clinician it is attributed to (TIN, NPI),
 * the reporting period, the QPP measures it reports for (resolved from the eCQM version-specific UUIDs), and the
 * patient's entries. {@code patientId} is the MBI when there is one, else the HICN, else the EHR's own id
 * (prefixed with its root), so one patient is one id across a batch.
 */
public record Qrda1Patient(String documentName, String tin, String npi, String patientId, LocalDate birthDate,
    String sex, LocalDate periodStart, LocalDate periodEnd, String programName, List<String> measureIds,
    List<Qrda1Entry> entries) {

  public Qrda1Patient {
    measureIds = List.copyOf(measureIds);
    entries = List.copyOf(entries);
  }

  public int performanceYear() {
    return periodStart.getYear();
  }
}

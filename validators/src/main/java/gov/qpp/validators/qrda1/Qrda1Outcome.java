package gov.qpp.validators.qrda1;

import gov.qpp.validators.problems.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a QRDA I document or zip came to: the accepted patients, every problem (capped like any document's), how
 * many documents were read and rejected, and per measure how many distinct patients the batch contributes.
 * {@code refused} means nothing may be stored (an unreadable or hostile zip, or no acceptable document).
 */
public record Qrda1Outcome(List<Qrda1Patient> patients, List<Problem> problems, int documentsRead,
    int documentsRejected, Map<String, Integer> patientsPerMeasure, boolean refused) {

  public Qrda1Outcome {
    patients = List.copyOf(patients);
    problems = List.copyOf(problems);
    // by measure id: answers list them in this order (Map.copyOf's order would change from run to run)
    patientsPerMeasure = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(patientsPerMeasure));
  }
}

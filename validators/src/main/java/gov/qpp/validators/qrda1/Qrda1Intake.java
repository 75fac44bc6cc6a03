package gov.qpp.validators.qrda1;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.xml.XmlRejection;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * QRDA Category I intake: one document, or a zip of one document per patient. Each document is judged alone (a
 * document with an error is rejected, the others kept, as for claims); the batch is refused when the zip is
 * unreadable or hostile, or when no document is acceptable. Pure: storing and computing measure results is the
 * caller's.
 */
public final class Qrda1Intake {

  private final MeasureCatalog catalog;

  public Qrda1Intake(MeasureCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether an XML document is QRDA I (by its templateIds), read only as far as its root's templates. */
  public static boolean isQrda1(byte[] xml) {
    String head = new String(xml, 0, Math.min(xml.length, 8192), java.nio.charset.StandardCharsets.UTF_8);
    return head.contains("\"" + Qrda1Checks.QRDA1_FRAMEWORK + "\"");
  }

  public Qrda1Outcome document(byte[] xml) {
    Batch batch = new Batch();
    batch.document("document", xml);
    return batch.outcome(null);
  }

  public Qrda1Outcome zip(InputStream zip) {
    Batch batch = new Batch();
    Problem stopped = Qrda1Zip.read(zip, batch::document);
    return batch.outcome(stopped);
  }

  private final class Batch {
    final Problems problems = new Problems();
    final List<Qrda1Patient> patients = new ArrayList<>();
    int read;
    int rejected;

    void document(String name, byte[] xml) {
      read++;
      Problems own = new Problems();
      Qrda1Patient patient = null;
      try {
        patient = Qrda1Checks.check(name, Qrda1Reader.read(new ByteArrayInputStream(xml)), catalog, own);
      } catch (XmlRejection rejection) {
        Problem problem = rejection.problem();
        own.add(problem.code(), problem.location().in(name), problem.message());
      }
      own.list().forEach(problems::add);
      if (patient == null) {
        rejected++;
      } else {
        patients.add(patient);
      }
    }

    Qrda1Outcome outcome(Problem stopped) {
      if (stopped != null) {
        problems.add(stopped);
        return new Qrda1Outcome(List.of(), problems.list(), read, read, Map.of(), true);
      }
      Map<String, Set<String>> byMeasure = new TreeMap<>();
      for (Qrda1Patient patient : patients) {
        for (String measure : patient.measureIds()) {
          byMeasure.computeIfAbsent(measure, m -> new HashSet<>()).add(patient.tin() + "|" + patient.npi() + "|"
              + patient.patientId());
        }
      }
      Map<String, Integer> counts = new TreeMap<>();
      byMeasure.forEach((measure, ids) -> counts.put(measure, ids.size()));
      return new Qrda1Outcome(patients, problems.list(), read, rejected, counts, patients.isEmpty());
    }
  }
}

package gov.qpp.validators.qrda3;

import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.List;
import java.util.Locale;

/** The Y/N of a measure-performed observation (IA activities, PI attestations). */
final class AttestationReader {

  private AttestationReader() {
  }

  /** true for Y, false for N, null after a problem. */
  static Boolean performed(QrdaNode measure, String measureId, Problems problems) {
    List<QrdaNode> performed = measure.children(Template.MEASURE_PERFORMED);
    if (performed.size() != 1) {
      problems.add(ProblemCode.QRDA_MEASURE_PERFORMED_MISSING, measure.location(), measureId + " needs exactly one"
          + " measure-performed observation (template 2.16.840.1.113883.10.20.27.3.27), found " + performed.size());
      return null;
    }
    List<QrdaNode.Value> codes = performed.get(0).all("performed");
    String code = codes.size() == 1 ? codes.get(0).text().toUpperCase(Locale.ROOT) : null;
    if (!"Y".equals(code) && !"N".equals(code)) {
      problems.add(ProblemCode.QRDA_MEASURE_PERFORMED, performed.get(0).location(), measureId + ": measure performed"
          + " must have one value/@code of Y or N, found " + codes.stream().map(QrdaNode.Value::text).toList());
      return null;
    }
    return code.equals("Y");
  }
}

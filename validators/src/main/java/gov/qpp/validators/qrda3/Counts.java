package gov.qpp.validators.qrda3;

import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.List;

/** Reads the one aggregate count (template 2.16.840.1.113883.10.20.27.3.3) directly under a node. */
final class Counts {

  private Counts() {
  }

  /** The count, or null after a problem saying what is wrong with it. */
  static Long single(QrdaNode owner, Problems problems, String what) {
    List<QrdaNode> counts = owner.children(Template.AGGREGATE_COUNT);
    if (counts.size() != 1) {
      problems.add(ProblemCode.QRDA_COUNT_MISSING, owner.location(), what + " needs exactly one aggregate count,"
          + " found " + counts.size());
      return null;
    }
    QrdaNode count = counts.get(0);
    List<QrdaNode.Value> values = count.all("count");
    if (values.size() != 1) {
      problems.add(ProblemCode.QRDA_COUNT_VALUE_NOT_SINGLE, count.location(), what + ": the aggregate count needs exactly"
          + " one value/@value, found " + values.size());
      return null;
    }
    String text = values.get(0).text();
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        problems.add(ProblemCode.QRDA_COUNT_NEGATIVE, count.locationOf("count"), what + ": the count is " + value
            + "; counts cannot be negative");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(ProblemCode.QRDA_COUNT_NOT_INTEGER, count.locationOf("count"), what + ": the count '"
          + Excerpt.of(text) + "' is not a whole number");
      return null;
    }
  }
}

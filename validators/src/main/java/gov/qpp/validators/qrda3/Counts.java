package gov.qpp.validators.qrda3;

import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.List;

/**
 * Reads the one aggregate count (template 2.16.840.1.113883.10.20.27.3.3) directly under a node. A quality
 * population's count and a PI numerator's or denominator's have their own problem codes, as CMS's tool has.
 */
record Counts(ProblemCode missing, ProblemCode notSingle, ProblemCode notInteger, ProblemCode negative) {

  static final Counts POPULATION = new Counts(ProblemCode.QRDA_COUNT_MISSING, ProblemCode.QRDA_COUNT_VALUE_NOT_SINGLE,
      ProblemCode.QRDA_COUNT_NOT_INTEGER, ProblemCode.QRDA_COUNT_NEGATIVE);
  static final Counts PI = new Counts(ProblemCode.QRDA_PI_COUNT_MISSING, ProblemCode.QRDA_PI_COUNT_INVALID,
      ProblemCode.QRDA_PI_COUNT_NOT_INTEGER, ProblemCode.QRDA_PI_COUNT_INVALID);

  /** The count, or null after a problem saying what is wrong with it. */
  Long single(QrdaNode owner, Problems problems, String what) {
    List<QrdaNode> counts = owner.children(Template.AGGREGATE_COUNT);
    if (counts.size() != 1) {
      problems.add(missing, owner.location(), what + " needs exactly one aggregate count,"
          + " found " + counts.size());
      return null;
    }
    QrdaNode count = counts.get(0);
    List<QrdaNode.Value> values = count.all("count");
    if (values.size() != 1) {
      problems.add(notSingle, count.location(), what + ": the aggregate count needs exactly"
          + " one value/@value, found " + values.size());
      return null;
    }
    String text = values.get(0).text();
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        problems.add(negative, count.locationOf("count"), what + ": the count is " + value
            + "; counts cannot be negative");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(notInteger, count.locationOf("count"), what + ": the count '"
          + Excerpt.of(text) + "' is not a whole number");
      return null;
    }
  }
}

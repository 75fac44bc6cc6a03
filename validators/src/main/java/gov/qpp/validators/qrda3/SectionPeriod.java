package gov.qpp.validators.qrda3;

import gov.qpp.validators.model.Category;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.time.LocalDate;
import java.util.List;

/** A section's performance period, from its one reporting parameters act. */
record SectionPeriod(LocalDate start, LocalDate end) {

  /** The period, or null after a problem. */
  static SectionPeriod of(QrdaNode section, Category category, Problems problems) {
    String sectionName = category.apiName();
    List<QrdaNode> acts = section.children(Template.REPORTING_PARAMETERS);
    if (acts.size() != 1) {
      ProblemCode code = switch (category) {
        case IA -> ProblemCode.QRDA_IA_REPORTING_PARAMETERS;
        case PI, ACI -> ProblemCode.QRDA_PI_REPORTING_PARAMETERS;
        default -> ProblemCode.QRDA_REPORTING_PARAMETERS;
      };
      problems.add(code, section.location(), "the " + sectionName + " section needs"
          + " exactly one reporting parameters act (template 2.16.840.1.113883.10.20.17.3.8), found " + acts.size());
      return null;
    }
    QrdaNode act = acts.get(0);
    LocalDate start = date(act, "low", "start", ProblemCode.QRDA_PERIOD_START, sectionName, problems);
    LocalDate end = date(act, "high", "end", ProblemCode.QRDA_PERIOD_END, sectionName, problems);
    return start == null || end == null ? null : new SectionPeriod(start, end);
  }

  private static LocalDate date(QrdaNode act, String key, String what, ProblemCode missing, String sectionName,
      Problems problems) {
    List<QrdaNode.Value> values = act.all(key);
    if (values.size() != 1) {
      problems.add(missing, act.location(), "the " + sectionName + " reporting period"
          + " needs exactly one " + what + " (effectiveTime/" + key + "/@value), found " + values.size());
      return null;
    }
    LocalDate date = QrdaDates.parse(values.get(0).text());
    if (date == null) {
      problems.add(ProblemCode.QRDA_PERIOD_DATE, act.locationOf(key), "the " + sectionName + " reporting"
          + " period " + what + " '" + values.get(0).text() + "' is not a date of the form yyyyMMdd");
    }
    return date;
  }
}

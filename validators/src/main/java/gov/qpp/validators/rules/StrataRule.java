package gov.qpp.validators.rules;

import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strata names match the catalog's {@code strata[].name} (§2.5 rule 6), each once; QCDR measures report every
 * stratum the catalog defines (10/05/2022).
 */
final class StrataRule implements MeasurementRule {
  @Override
  public void check(MeasurementCheck check) {
    if (!(check.measure() instanceof QualityMeasure measure)
        || !(check.measurement().value() instanceof MeasureValue.MultiPerformanceRate multi)) {
      return;
    }
    List<String> defined = measure.strataNames();
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < multi.strata().size(); i++) {
      String name = multi.strata().get(i).stratum();
      String field = "value.strata[" + i + "].stratum";
      if (!reported.add(name)) {
        check.report(ProblemCode.STRATUM_DUPLICATE, field, "stratum '" + name + "' is reported twice");
      } else if (!defined.contains(name)) {
        check.report(ProblemCode.STRATUM_UNKNOWN, field, "stratum '" + name + "' is not defined for this measure in "
            + check.context().catalog().year() + "; the catalog's strata are "
            + (defined.isEmpty() ? "none (report a single rate)" : defined) + caseHint(name, defined));
      }
    }
    if (measure.registryMeasure()) {
      for (String name : defined) {
        if (!reported.contains(name)) {
          check.report(ProblemCode.STRATUM_MISSING, "value.strata", "QCDR measures report every stratum; '" + name
              + "' is missing");
        }
      }
    }
  }

  /** Names are case-sensitive; say so when only the case differs (the QPP docs' own example trips on this). */
  private static String caseHint(String name, List<String> defined) {
    return defined.stream().filter(candidate -> candidate.equalsIgnoreCase(name)).findFirst()
        .map(candidate -> "; names are case-sensitive: did you mean '" + candidate + "'?").orElse("");
  }
}

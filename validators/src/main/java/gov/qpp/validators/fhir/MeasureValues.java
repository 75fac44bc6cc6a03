package gov.qpp.validators.fhir;

import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * A measure's groups of counts to its QPP value, as QRDA III's are: eligiblePopulation = denominator,
 * performanceMet = numerator, exclusions = denominator-exclusion, exceptions = denominator-exception,
 * performanceNotMet = the rest of the denominator. A single-rate measure reports one group (or, where the catalog
 * splits it into population sets such as CMS145's, one group per set, added up); a multi-rate measure reports one
 * group per catalog stratum, in catalog order, or (as measure 370, whose catalog strata are its age
 * stratifications) one group whose first stratifier has one stratum per catalog stratum, each labelled (value text
 * or code) with the catalog stratum's name.
 */
final class MeasureValues {

  private MeasureValues() {
  }

  /** The value, or null after problems saying why the groups do not fit the measure. */
  static MeasureValue of(QualityMeasure measure, List<PopulationCounts> groups, String path, Problems problems) {
    List<String> names = measure.strataNames();
    boolean multi = measure.metricType().equals("multiPerformanceRate") && names.size() > 1;
    if (groups.isEmpty()) {
      problems.add(ProblemCode.FHIR_GROUPS, path, "measure " + measure.measureId() + " needs its population counts"
          + " in a group; the report has none");
      return null;
    }
    if (multi && groups.size() == 1 && !groups.get(0).strata().isEmpty()) {
      return stratified(measure, groups.get(0), names, problems);
    }
    if (multi) {
      if (groups.size() != names.size()) {
        problems.add(ProblemCode.FHIR_GROUPS, path, "measure " + measure.measureId() + " has " + names.size()
            + " performance rates (" + String.join(", ", names) + "), reported as one group each in that order;"
            + " the report has " + groups.size() + " groups");
        return null;
      }
      List<MeasureValue.Rate> rates = new ArrayList<>();
      for (int k = 0; k < names.size(); k++) {
        rates.add(rate(names.get(k), groups.get(k), measure, problems));
      }
      return rates.contains(null) ? null : new MeasureValue.MultiPerformanceRate(true, rates, null);
    }
    if (groups.size() > 1 && groups.size() != populationSets(measure)) {
      problems.add(ProblemCode.FHIR_GROUPS, path, "measure " + measure.measureId() + " has one performance rate,"
          + " reported in " + (populationSets(measure) > 1 ? populationSets(measure) + " groups (one per population"
          + " set)" : "one group") + "; the report has " + groups.size());
      return null;
    }
    PopulationCounts total = groups.get(0);
    for (int g = 1; g < groups.size(); g++) {
      total = total.plus(groups.get(g));
    }
    MeasureValue.Rate rate = rate(null, total, measure, problems);
    return rate == null ? null : new MeasureValue.SinglePerformanceRate(true, rate, null);
  }

  /** Strata matched by label to the catalog's names: never by position, which would swap rates unnoticed. */
  private static MeasureValue stratified(QualityMeasure measure, PopulationCounts group, List<String> names,
      Problems problems) {
    List<MeasureValue.Rate> rates = new ArrayList<>();
    boolean readable = true;
    for (String name : names) {
      PopulationCounts stratum = group.strata().stream()
          .filter(s -> s.label() != null && s.label().equalsIgnoreCase(name)).findFirst().orElse(null);
      if (stratum == null) {
        problems.add(ProblemCode.FHIR_GROUPS, group.path() + ".stratifier[0]", "measure " + measure.measureId()
            + " is reported by stratum: its first stratifier needs a stratum whose value (text or code) is '" + name
            + "' (the catalog's strata: " + String.join(", ", names) + ")");
        readable = false;
        continue;
      }
      rates.add(rate(name, stratum, measure, problems));
    }
    for (PopulationCounts stratum : group.strata()) {
      if (stratum.label() == null || names.stream().noneMatch(name -> name.equalsIgnoreCase(stratum.label()))) {
        problems.add(ProblemCode.FHIR_GROUPS, stratum.path() + ".value", "measure " + measure.measureId()
            + " has no stratum '" + stratum.label() + "'; label strata with the catalog's names: "
            + String.join(", ", names));
        readable = false;
      }
    }
    return !readable || rates.contains(null) ? null : new MeasureValue.MultiPerformanceRate(true, rates, null);
  }

  private static MeasureValue.Rate rate(String stratum, PopulationCounts counts, QualityMeasure measure,
      Problems problems) {
    Long denominator = counts.counts().get(PopulationCounts.DENOMINATOR);
    Long numerator = counts.counts().get(PopulationCounts.NUMERATOR);
    if (denominator == null || numerator == null) {
      problems.add(ProblemCode.FHIR_POPULATION_MISSING, counts.path(), "measure " + measure.measureId()
          + (stratum == null ? "" : " stratum " + stratum) + " needs a " + (denominator == null ? "denominator" : "")
          + (denominator == null && numerator == null ? " and a " : "") + (numerator == null ? "numerator" : "")
          + " population with its count");
      return null;
    }
    Long initial = counts.counts().get(PopulationCounts.INITIAL);
    if (initial != null && denominator > initial) {
      problems.add(ProblemCode.QRDA_DENOMINATOR_EXCEEDS_POPULATION, counts.path(), "measure " + measure.measureId()
          + ": denominator " + denominator + " is larger than initial-population " + initial);
    }
    Long exclusion = counts.counts().get(PopulationCounts.DENOMINATOR_EXCLUSION);
    Long exception = counts.counts().get(PopulationCounts.DENOMINATOR_EXCEPTION);
    return MeasureValue.Rate.ofPopulations(stratum, denominator, numerator, exclusion, exception);
  }

  /** How many population sets the catalog gives a single-rate measure (CMS145 has two). */
  private static int populationSets(QualityMeasure measure) {
    return (int) measure.strata().stream().filter(s -> !s.populationUuids().isEmpty()).count();
  }
}

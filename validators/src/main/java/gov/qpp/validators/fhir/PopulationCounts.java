package gov.qpp.validators.fhir;

import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MeasureReport;

/**
 * The population counts of one MeasureReport group by measure-population code, and those of each stratum of its
 * first stratifier, by the stratum's label (its value's text or code). Individual reports' counts are added up
 * into the same shape, strata by label.
 */
record PopulationCounts(String path, String label, Map<String, Long> counts, List<PopulationCounts> strata) {

  static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
  static final String INITIAL = "initial-population";
  static final String DENOMINATOR = "denominator";
  static final String DENOMINATOR_EXCLUSION = "denominator-exclusion";
  static final String DENOMINATOR_EXCEPTION = "denominator-exception";
  static final String NUMERATOR = "numerator";
  static final String NUMERATOR_EXCLUSION = "numerator-exclusion";
  /** The codes of the measure-population system; the last three (continuous variable) carry no QPP value. */
  static final Set<String> CODES = Set.of(INITIAL, DENOMINATOR, DENOMINATOR_EXCLUSION, DENOMINATOR_EXCEPTION,
      NUMERATOR, NUMERATOR_EXCLUSION, "measure-population", "measure-population-exclusion", "measure-observation");

  /** Every group of the report; null when a count cannot be read (the problems say why). */
  static List<PopulationCounts> of(MeasureReport report, String path, Problems problems) {
    List<PopulationCounts> groups = new ArrayList<>();
    boolean readable = true;
    for (int g = 0; g < report.getGroup().size(); g++) {
      MeasureReport.MeasureReportGroupComponent group = report.getGroup().get(g);
      String groupPath = path + ".group[" + g + "]";
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int p = 0; p < group.getPopulation().size(); p++) {
        var population = group.getPopulation().get(p);
        readable &= read(population.getCode(), population.getCountElement().getValue(),
            groupPath + ".population[" + p + "]", counts, problems);
      }
      List<PopulationCounts> strata = new ArrayList<>();
      if (group.hasStratifier()) {
        var stratifier = group.getStratifierFirstRep();
        for (int s = 0; s < stratifier.getStratum().size(); s++) {
          var stratum = stratifier.getStratum().get(s);
          String stratumPath = groupPath + ".stratifier[0].stratum[" + s + "]";
          Map<String, Long> stratumCounts = new LinkedHashMap<>();
          for (int p = 0; p < stratum.getPopulation().size(); p++) {
            var population = stratum.getPopulation().get(p);
            readable &= read(population.getCode(), population.getCountElement().getValue(),
                stratumPath + ".population[" + p + "]", stratumCounts, problems);
          }
          strata.add(new PopulationCounts(stratumPath, label(stratum.getValue()), stratumCounts, List.of()));
        }
      }
      groups.add(new PopulationCounts(groupPath, null, counts, strata));
    }
    return readable ? groups : null;
  }

  /** @param count null when absent or not a whole number */
  private static boolean read(CodeableConcept code, Integer count, String path,
      Map<String, Long> counts, Problems problems) {
    String population = code(code);
    if (population == null) {
      problems.add(ProblemCode.FHIR_POPULATION_CODE, path + ".code", "a population needs a code from " + SYSTEM
          + " (" + String.join(", ", List.of(INITIAL, DENOMINATOR, DENOMINATOR_EXCLUSION, DENOMINATOR_EXCEPTION,
              NUMERATOR, NUMERATOR_EXCLUSION)) + "), found " + describe(code));
      return false;
    }
    if (counts.containsKey(population)) {
      problems.add(ProblemCode.FHIR_POPULATION_CODE, path + ".code", "population " + population
          + " appears twice in one group; report each population once");
      return false;
    }
    if (count == null) {
      problems.add(ProblemCode.FHIR_POPULATION_COUNT, path, "population " + population + " has no count (a whole"
          + " number)");
      return false;
    }
    if (count < 0) {
      problems.add(ProblemCode.NEGATIVE_COUNT, path + ".count", "population " + population + " has count " + count
          + "; counts cannot be negative");
      return false;
    }
    counts.put(population, (long) count);
    return true;
  }

  private static String code(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (SYSTEM.equals(coding.getSystem()) && coding.getCode() != null && CODES.contains(coding.getCode())) {
        return coding.getCode();
      }
    }
    return null;
  }

  /** A stratum's label: its value's text, else its first code; null when it has neither. */
  private static String label(CodeableConcept value) {
    if (value.hasText()) {
      return value.getText().trim();
    }
    for (Coding coding : value.getCoding()) {
      if (coding.hasCode()) {
        return coding.getCode().trim();
      }
    }
    return null;
  }

  private static String describe(CodeableConcept concept) {
    if (concept.getCoding().isEmpty()) {
      return "none";
    }
    return concept.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList().toString();
  }

  /** This group's counts plus another's, population by population, strata by label (individual reports). */
  PopulationCounts plus(PopulationCounts other) {
    Map<String, Long> sum = new LinkedHashMap<>(counts);
    other.counts.forEach((code, count) -> sum.merge(code, count, Long::sum));
    List<PopulationCounts> strataSum = new ArrayList<>(strata);
    for (PopulationCounts stratum : other.strata) {
      int same = -1;
      for (int s = 0; s < strataSum.size(); s++) {
        if (java.util.Objects.equals(strataSum.get(s).label, stratum.label)) {
          same = s;
        }
      }
      if (same < 0) {
        strataSum.add(stratum);
      } else {
        strataSum.set(same, strataSum.get(same).plus(stratum));
      }
    }
    return new PopulationCounts(path, label, sum, strataSum);
  }
}

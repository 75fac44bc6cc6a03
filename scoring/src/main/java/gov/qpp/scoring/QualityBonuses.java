package gov.qpp.scoring;

import gov.qpp.validators.catalog.QualityMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The quality category's measure bonuses of 2017-2021 (MIPS-RULES.md §3.2): 2 points for each outcome or
 * patient-experience measure and 1 for each other high-priority measure beyond the one required, and 1 for each
 * measure reported end to end through CEHRT, each kind capped at the year's percent of the denominator. A measure
 * earns a bonus only in class 1 with a performance rate above 0 (below 100 when inverse): the tests and
 * docs/scoring.md name this as an assumption.
 */
final class QualityBonuses {

  /** Measure types that count as outcomes for the required measure and the 2-point bonus. */
  static final Set<String> OUTCOME_TYPES = Set.of("outcome", "intermediateOutcome", "patientReportedOutcome",
      "patientEngagementExperience", "intermediateOutcomeAndProcess");

  /** One scored measure as the bonuses see it. */
  /** @param inverse as the measure was scored (the benchmark's flag wins over the catalog's) */
  record Scored(QualityMeasure measure, String measureClass, Double performanceRate, boolean endToEnd,
      boolean inverse) {
    boolean outcome() {
      return measure.measureType() != null && OUTCOME_TYPES.contains(measure.measureType());
    }

    boolean highPriority() {
      return measure.highPriority() || outcome();
    }

    boolean earnsBonus() {
      if (!"Class 1".equals(measureClass) || performanceRate == null) {
        return false;
      }
      return inverse ? performanceRate < 100 : performanceRate > 0;
    }
  }

  record Result(double highPriority, double endToEnd, List<String> messages) {
    double total() {
      return highPriority + endToEnd;
    }
  }

  private QualityBonuses() {
  }

  /** @param required the measure that fills the outcome requirement (no bonus for it), or null */
  static Result of(List<Scored> measures, Scored required, double capPercent, double denominator) {
    double cap = denominator * capPercent / 100;
    double highPriority = 0;
    double endToEnd = 0;
    List<String> messages = new ArrayList<>();
    for (Scored scored : measures) {
      if (!scored.earnsBonus()) {
        continue;
      }
      if (scored != required && scored.highPriority()) {
        highPriority += scored.outcome() ? 2 : 1;
      }
      if (scored.endToEnd()) {
        endToEnd += 1;
      }
    }
    if (highPriority > cap) {
      messages.add("high-priority bonus " + highPriority + " capped at " + cap);
      highPriority = cap;
    }
    if (endToEnd > cap) {
      messages.add("end-to-end bonus " + endToEnd + " capped at " + cap);
      endToEnd = cap;
    }
    return new Result(highPriority, endToEnd, messages);
  }

  /** The measures that can fill the requirement: every outcome measure, else every other high-priority one. */
  static List<Scored> candidates(List<Scored> measures) {
    List<Scored> outcomes = measures.stream().filter(Scored::outcome).toList();
    return outcomes.isEmpty() ? measures.stream().filter(Scored::highPriority).toList() : outcomes;
  }
}

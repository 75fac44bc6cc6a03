package gov.qpp.validators.claims;

import gov.qpp.validators.catalog.CodeWithModifiers;
import gov.qpp.validators.catalog.EligibilityOption;
import gov.qpp.validators.catalog.PerformanceOption;
import gov.qpp.validators.catalog.QualityMeasure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One claims quality measure of one year, compiled from the catalog's eligibilityOptions and performanceOptions
 * for fast matching. A single-rate measure is one stratum made of all its options (measures 024 and 418 list two
 * option groups that are alternative ways into the same denominator); a multi-rate measure has one stratum per
 * optionGroup, in the order of the catalog's strata (226: 00 screening, 01 intervention, 02 both).
 */
final class ClaimsMeasure {

  final String measureId;
  final MeasureClass kind;
  final int[] rank;
  final boolean multiRate;
  final List<Stratum> strata;
  /** Every procedure code of any eligibility option: a claim without one cannot be eligible. */
  final Set<String> procedureCodes;
  /** True when some eligibility option names no procedure code, so every claim is a candidate. */
  final boolean anyClaimCandidate;

  /** What compiling gives: the measure, or why it is not computed. */
  record Compiled(ClaimsMeasure measure, String notComputedReason) {
  }

  private ClaimsMeasure(String measureId, MeasureClass kind, boolean inverse, boolean multiRate,
      List<Stratum> strata) {
    this.measureId = measureId;
    this.kind = kind;
    this.rank = Marker.ranking(inverse);
    this.multiRate = multiRate;
    this.strata = List.copyOf(strata);
    Set<String> codes = new HashSet<>();
    boolean any = false;
    for (Stratum stratum : strata) {
      for (Eligibility option : stratum.eligibility) {
        codes.addAll(option.procedures.keySet());
        any |= option.procedures.isEmpty();
      }
    }
    this.procedureCodes = Set.copyOf(codes);
    this.anyClaimCandidate = any;
  }

  static Compiled compile(QualityMeasure measure, int year) {
    var assignment = MeasureClass.of(measure.measureId(), year);
    if (assignment.isEmpty()) {
      return new Compiled(null, "the gateway has no claims calculation class for this measure");
    }
    if (assignment.get().computed() == null) {
      return new Compiled(null, assignment.get().notComputedReason());
    }
    boolean multi = "multiPerformanceRate".equals(measure.metricType());
    List<Stratum> strata = new ArrayList<>();
    if (!multi) {
      strata.add(new Stratum(null, measure.eligibilityOptions(), measure.performanceOptions()));
    } else {
      TreeSet<String> groups = new TreeSet<>();
      boolean grouped = true;
      for (EligibilityOption option : measure.eligibilityOptions()) {
        grouped &= option.optionGroup() != null;
        if (option.optionGroup() != null) {
          groups.add(option.optionGroup());
        }
      }
      List<String> names = measure.strataNames();
      if (!grouped || groups.size() != names.size()) {
        return new Compiled(null, "its " + names.size() + " strata are not expressed as option groups in this"
            + " year's measure data");
      }
      int k = 0;
      for (String group : groups) {
        strata.add(new Stratum(names.get(k++),
            measure.eligibilityOptions().stream().filter(o -> group.equals(o.optionGroup())).toList(),
            measure.performanceOptions().stream().filter(o -> group.equals(o.optionGroup())).toList()));
      }
    }
    return new Compiled(new ClaimsMeasure(measure.measureId(), assignment.get().computed(), measure.inverse(), multi,
        strata), null);
  }

  /** One rate: who is eligible, which quality codes mark them, and what the special classes need. */
  static final class Stratum {
    final String name;
    final List<Eligibility> eligibility;
    final List<PerformanceRule> performance;
    /** Every diagnosis of the eligibility options: episodes of intersecting-diagnosis measures are built on these. */
    final Set<String> diagnoses;
    /** Every procedure code of the eligibility options: visit measures count a claim's lines matching these. */
    final Map<String, List<CodeMatcher>> procedures;
    /** Every quality data code of the performance options: a claim with none of them has no marker. */
    final Set<String> qualityCodes;
    /** This rate's number in its year's evaluation (set once when the evaluation is built). */
    int rate = -1;

    Stratum(String name, List<EligibilityOption> options, List<PerformanceOption> performance) {
      this.name = name;
      this.eligibility = options.stream().map(Eligibility::new).toList();
      this.performance = performance.stream().map(PerformanceRule::new).toList();
      Set<String> dx = new HashSet<>();
      Map<String, List<CodeMatcher>> procedures = new HashMap<>();
      for (Eligibility option : eligibility) {
        if (option.diagnoses != null) {
          dx.addAll(option.diagnoses);
        }
        option.procedures.forEach((code, matchers) -> procedures.computeIfAbsent(code, c -> new ArrayList<>())
            .addAll(matchers));
      }
      this.diagnoses = Set.copyOf(dx);
      this.procedures = Map.copyOf(procedures);
      Set<String> quality = new HashSet<>();
      this.performance.forEach(rule -> rule.codes.forEach(code -> quality.add(code.code)));
      this.qualityCodes = Set.copyOf(quality);
    }

    boolean eligible(Claim claim, double age) {
      for (Eligibility option : eligibility) {
        if (option.admits(claim, age)) {
          return true;
        }
      }
      return false;
    }

    /** The most advantageous marker this claim's quality codes give, or NONE. */
    Marker marker(Claim claim, int[] rank) {
      Marker best = Marker.NONE;
      boolean any = false;
      for (ClaimLine line : claim.lines()) {
        if (qualityCodes.contains(line.hcpcs())) {
          any = true;
          break;
        }
      }
      if (!any) {
        return best;
      }
      for (PerformanceRule rule : performance) {
        if (rank[rule.marker.ordinal()] < rank[best.ordinal()] && rule.fires(claim)) {
          best = rule.marker;
        }
      }
      return best;
    }

    /** How many of the claim's lines are one of the stratum's procedure codes. */
    int matchingProcedureLines(Claim claim) {
      int count = 0;
      for (ClaimLine line : claim.lines()) {
        List<CodeMatcher> matchers = procedures.get(line.hcpcs());
        if (matchers != null && matchers.stream().anyMatch(matcher -> matcher.matches(line))) {
          count++;
        }
      }
      return count;
    }
  }

  /**
   * One eligibility option: all of its criteria must hold. Ages are compared as C2Q does: an integer maxAge is
   * inclusive of the whole year of age (75.8 counts as 75), a fractional one is a hard limit.
   */
  static final class Eligibility {
    final double minAge;
    final double maxAgeExclusive;
    final Claim.Sex sex;
    final Set<String> diagnoses;
    final Set<String> diagnosisExclusions;
    final Set<String> additionalDiagnoses;
    final Map<String, List<CodeMatcher>> procedures;
    final Map<String, List<CodeMatcher>> additionalProcedures;

    Eligibility(EligibilityOption option) {
      this.minAge = option.minAge() == null ? 0 : option.minAge();
      Double max = option.maxAge();
      this.maxAgeExclusive = max == null ? Double.POSITIVE_INFINITY : max == Math.floor(max) ? max + 1 : max;
      this.sex = option.sexCode() == null ? null : "M".equals(option.sexCode()) ? Claim.Sex.MALE : Claim.Sex.FEMALE;
      this.diagnoses = dotless(option.diagnosisCodes());
      this.diagnosisExclusions = dotless(option.diagnosisExclusionCodes());
      this.additionalDiagnoses = dotless(option.additionalDiagnosisCodes());
      this.procedures = byCode(option.procedureCodes());
      this.additionalProcedures = byCode(option.additionalProcedureCodes());
    }

    boolean admits(Claim claim, double age) {
      if (age < minAge || age >= maxAgeExclusive) {
        return false;
      }
      if (sex != null && claim.sex() != sex) {
        return false;
      }
      Set<String> dx = claim.diagnoses();
      if (diagnoses != null && !anyIn(dx, diagnoses)) {
        return false;
      }
      if (diagnosisExclusions != null && anyIn(dx, diagnosisExclusions)) {
        return false;
      }
      if (additionalDiagnoses != null && !anyIn(dx, additionalDiagnoses)) {
        return false;
      }
      if (!additionalProcedures.isEmpty() && !anyLine(claim, additionalProcedures)) {
        return false;
      }
      return procedures.isEmpty() || anyLine(claim, procedures);
    }

    private static boolean anyIn(Set<String> claimCodes, Set<String> codes) {
      for (String code : claimCodes) {
        if (codes.contains(code)) {
          return true;
        }
      }
      return false;
    }

    private static boolean anyLine(Claim claim, Map<String, List<CodeMatcher>> byCode) {
      for (ClaimLine line : claim.lines()) {
        List<CodeMatcher> matchers = byCode.get(line.hcpcs());
        if (matchers != null) {
          for (CodeMatcher matcher : matchers) {
            if (matcher.matches(line)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** ICD-10 codes as claims carry them: without the dot. Null when the option sets no such criterion. */
    private static Set<String> dotless(List<String> codes) {
      if (codes == null || codes.isEmpty()) {
        return null;
      }
      Set<String> set = new HashSet<>();
      codes.stream().filter(Objects::nonNull).forEach(code -> set.add(code.replace(".", "")));
      return Set.copyOf(set);
    }

    private static Map<String, List<CodeMatcher>> byCode(List<CodeWithModifiers> codes) {
      Map<String, List<CodeMatcher>> map = new HashMap<>();
      for (CodeWithModifiers code : codes) {
        map.computeIfAbsent(code.code(), c -> new ArrayList<>()).add(CodeMatcher.procedure(code));
      }
      return Map.copyOf(map);
    }
  }

  /** One performance option: it fires when every one of its quality codes is on some line of the claim. */
  static final class PerformanceRule {
    final Marker marker;
    final List<CodeMatcher> codes;

    PerformanceRule(PerformanceOption option) {
      this.marker = Marker.ofOptionType(option.optionType());
      this.codes = option.qualityCodes().stream().map(CodeMatcher::qualityData).toList();
    }

    boolean fires(Claim claim) {
      for (CodeMatcher code : codes) {
        boolean found = false;
        for (ClaimLine line : claim.lines()) {
          if (code.matches(line)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
  }
}

package gov.qpp.validators.claims;

import gov.qpp.validators.catalog.CodeWithModifiers;
import java.util.List;
import java.util.Set;

/**
 * Whether a claim line is one of a measure's codes: the same HCPCS, at least one required modifier, no excluded
 * modifier, an allowed place of service.
 *
 * <p>For quality data codes one rule is added: a code that names no modifier does not match a line carrying a
 * performance modifier (1P, 2P, 3P, 8P), because those modifiers turn "done" into "not done" or "not done for a
 * reason". The 2017-2018 measure data spelled this out with modifierExclusions; from 2019 the data leaves it
 * implicit (1123F is met, 1123F-8P not met), and without the rule 1123F-8P would count as met as well.
 */
final class CodeMatcher {

  static final Set<String> PERFORMANCE_MODIFIERS = Set.of("1P", "2P", "3P", "8P");

  final String code;
  private final Set<String> modifiers;
  private final Set<String> modifierExclusions;
  private final Set<String> places;
  private final Set<String> placeExclusions;
  private final boolean qualityCode;

  private CodeMatcher(CodeWithModifiers spec, boolean qualityCode) {
    this.code = spec.code();
    this.modifiers = Set.copyOf(spec.modifiers());
    this.modifierExclusions = Set.copyOf(spec.modifierExclusions());
    this.places = Set.copyOf(spec.placesOfService());
    this.placeExclusions = Set.copyOf(spec.placesOfServiceExclusions());
    this.qualityCode = qualityCode;
  }

  static CodeMatcher procedure(CodeWithModifiers spec) {
    return new CodeMatcher(spec, false);
  }

  static CodeMatcher qualityData(CodeWithModifiers spec) {
    return new CodeMatcher(spec, true);
  }

  boolean matches(ClaimLine line) {
    if (!code.equals(line.hcpcs())) {
      return false;
    }
    List<String> lineModifiers = line.modifiers();
    if (!modifiers.isEmpty() && !anyIn(lineModifiers, modifiers)) {
      return false;
    }
    if (!modifierExclusions.isEmpty() && anyIn(lineModifiers, modifierExclusions)) {
      return false;
    }
    if (qualityCode && modifiers.isEmpty() && anyIn(lineModifiers, PERFORMANCE_MODIFIERS)) {
      return false;
    }
    if (!places.isEmpty() && !places.contains(line.placeOfService())) {
      return false;
    }
    return placeExclusions.isEmpty() || !placeExclusions.contains(line.placeOfService());
  }

  private static boolean anyIn(List<String> lineModifiers, Set<String> set) {
    for (String modifier : lineModifiers) {
      if (set.contains(modifier)) {
        return true;
      }
    }
    return false;
  }
}

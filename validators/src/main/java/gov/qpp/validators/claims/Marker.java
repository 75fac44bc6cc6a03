package gov.qpp.validators.claims;

/** What an eligible instance's quality data codes say; NONE is an instance with no quality code (a reporting gap). */
enum Marker {
  PERFORMANCE_MET,
  EXCLUSION,
  EXCEPTION,
  PERFORMANCE_NOT_MET,
  NONE;

  static Marker ofOptionType(String optionType) {
    return switch (optionType) {
      case "performanceMet" -> PERFORMANCE_MET;
      case "eligiblePopulationExclusion" -> EXCLUSION;
      case "eligiblePopulationException" -> EXCEPTION;
      case "performanceNotMet" -> PERFORMANCE_NOT_MET;
      default -> throw new IllegalArgumentException("unknown optionType " + optionType);
    };
  }

  /**
   * The order of advantage, best first: met, exclusion, exception, not met; reversed for inverse measures (where
   * "met" counts against the clinician). An instance without a quality code is always last.
   */
  static int[] ranking(boolean inverse) {
    int[] rank = new int[values().length];
    Marker[] order = inverse
        ? new Marker[] {PERFORMANCE_NOT_MET, EXCEPTION, EXCLUSION, PERFORMANCE_MET, NONE}
        : new Marker[] {PERFORMANCE_MET, EXCLUSION, EXCEPTION, PERFORMANCE_NOT_MET, NONE};
    for (int i = 0; i < order.length; i++) {
      rank[order[i].ordinal()] = i;
    }
    return rank;
  }
}

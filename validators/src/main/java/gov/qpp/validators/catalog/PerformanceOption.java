package gov.qpp.validators.catalog;

import java.util.List;

/**
 * Which quality data codes on a claim mark an instance as performanceMet, performanceNotMet,
 * eligiblePopulationExclusion or eligiblePopulationException (optionType), within an optionGroup (stratum).
 */
public record PerformanceOption(String optionType, List<CodeWithModifiers> qualityCodes, String optionGroup,
    List<String> submissionMethods) {

  static PerformanceOption read(CatalogNode node) {
    return new PerformanceOption(node.requiredText("optionType"),
        CatalogNode.map(node.field("qualityCodes").elements(), CodeWithModifiers::read),
        node.optionalText("optionGroup"), node.optionalTextList("submissionMethods"));
  }
}

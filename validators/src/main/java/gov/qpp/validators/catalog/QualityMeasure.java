package gov.qpp.validators.catalog;

import java.util.List;

/** A quality measure as the catalog defines it for one performance year. */
public record QualityMeasure(String measureId, String title, String metricType, String eMeasureId,
    String eMeasureUuid, String nqfId, String measureType, boolean highPriority, boolean inverse,
    boolean registryMeasure, boolean riskAdjusted, List<String> submissionMethods, List<String> allowedPrograms,
    List<String> allowedVendors, List<Stratum> strata, String overallAlgorithm, boolean sevenPointCapRemoved,
    List<EligibilityOption> eligibilityOptions, List<PerformanceOption> performanceOptions)
    implements Measure {

  public String category() {
    return "quality";
  }

  /** Strata that registry JSON names in {@code strata[].stratum}. */
  public List<String> strataNames() {
    return strata.stream().map(Stratum::name).filter(name -> name != null).toList();
  }

  static QualityMeasure read(CatalogNode node) {
    return new QualityMeasure(node.requiredText("measureId"), node.requiredText("title"),
        node.requiredText("metricType"), node.optionalText("eMeasureId"), node.optionalText("eMeasureUuid"),
        node.optionalText("nqfId"), node.optionalText("measureType"), node.optionalBoolean("isHighPriority", false),
        node.optionalBoolean("isInverse", false), node.optionalBoolean("isRegistryMeasure", false),
        node.optionalBoolean("isRiskAdjusted", false), node.optionalTextList("submissionMethods"),
        node.optionalTextList("allowedPrograms"), node.optionalTextList("allowedVendors"),
        CatalogNode.map(node.optionalArray("strata"), Stratum::read), node.optionalText("overallAlgorithm"),
        node.optionalBoolean("isSevenPointCapRemoved", false),
        CatalogNode.map(node.optionalArray("eligibilityOptions"), EligibilityOption::read),
        CatalogNode.map(node.optionalArray("performanceOptions"), PerformanceOption::read));
  }
}

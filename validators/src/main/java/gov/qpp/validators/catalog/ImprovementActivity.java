package gov.qpp.validators.catalog;

/** An improvement activity; weight is medium or high until 2024 and absent from 2025. */
public record ImprovementActivity(String measureId, String title, String metricType, String weight,
    String subcategoryId, boolean cehrtEligible) implements Measure {

  public String category() {
    return "ia";
  }

  static ImprovementActivity read(CatalogNode node) {
    return new ImprovementActivity(node.requiredText("measureId"), node.requiredText("title"),
        node.requiredText("metricType"), node.optionalText("weight"), node.optionalText("subcategoryId"),
        node.optionalBoolean("cehrtEligible", false));
  }
}

package gov.qpp.validators.catalog;

/** A cost measure: computed by CMS from claims, never submitted. */
public record CostMeasure(String measureId, String title, String metricType) implements Measure {

  public String category() {
    return "cost";
  }

  static CostMeasure read(CatalogNode node) {
    return new CostMeasure(node.requiredText("measureId"), node.requiredText("title"),
        node.requiredText("metricType"));
  }
}

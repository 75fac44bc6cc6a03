package gov.qpp.validators.catalog;

/** The national average cost of a cost measure, for groups and for individuals (2023 on). */
public record CostNationalAverage(String measureId, int benchmarkYear, Double groupNationalAverage,
    Double individualNationalAverage) {

  static CostNationalAverage read(CatalogNode node) {
    return new CostNationalAverage(node.requiredText("measureId"), node.requiredInt("benchmarkYear"),
        node.has("groupNationalAverage") ? node.field("groupNationalAverage").number() : null,
        node.has("individualNationalAverage") ? node.field("individualNationalAverage").number() : null);
  }
}

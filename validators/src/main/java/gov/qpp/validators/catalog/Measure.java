package gov.qpp.validators.catalog;

/** One entry of a year's measures-data.json, typed by its category. */
public sealed interface Measure permits QualityMeasure, ImprovementActivity, PiMeasure, CostMeasure {
  String measureId();

  /** The catalog's category name: quality, ia, pi, aci (2017) or cost. */
  String category();

  String title();

  /** The catalog's metric type: boolean, proportion, singlePerformanceRate, multiPerformanceRate, ... */
  String metricType();
}

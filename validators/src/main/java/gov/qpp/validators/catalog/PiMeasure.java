package gov.qpp.validators.catalog;

import java.util.List;

/**
 * A Promoting Interoperability measure (category pi, or aci in 2017-2018). {@code exclusions} names the
 * exclusion measures that replace it; {@code substitutes} the measures that may be reported instead of it.
 */
public record PiMeasure(String measureId, String category, String title, String metricType, String objective,
    boolean required, boolean bonus, String reportingCategory, List<String> substitutes, List<String> exclusions,
    String weight) implements Measure {

  static PiMeasure read(CatalogNode node) {
    return new PiMeasure(node.requiredText("measureId"), node.requiredText("category"), node.requiredText("title"),
        node.requiredText("metricType"), node.optionalText("objective"), node.optionalBoolean("isRequired", false),
        node.optionalBoolean("isBonus", false), node.optionalText("reportingCategory"),
        node.optionalTextList("substitutes"), node.optionalTextList("exclusion"), node.optionalText("weight"));
  }
}

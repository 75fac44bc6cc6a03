package gov.qpp.validators.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stratum of a measure. {@code name} is what registry JSON reports in {@code strata[].stratum}; it is
 * null for single-rate eCQMs whose only stratum exists to carry population UUIDs.
 */
public record Stratum(String name, String description, Map<String, String> populationUuids,
    List<String> stratificationUuids) {

  static Stratum read(CatalogNode node) {
    Map<String, String> uuids = new LinkedHashMap<>();
    List<String> stratification = List.of();
    if (node.has("eMeasureUuids")) {
      CatalogNode populations = node.field("eMeasureUuids");
      var names = populations.node().fieldNames();
      while (names.hasNext()) {
        String population = names.next();
        if (population.equals("strata")) {
          stratification = populations.optionalTextList("strata");
        } else {
          uuids.put(population, populations.optionalText(population));
        }
      }
    }
    return new Stratum(node.optionalText("name"), node.optionalText("description"), Map.copyOf(uuids),
        stratification);
  }
}

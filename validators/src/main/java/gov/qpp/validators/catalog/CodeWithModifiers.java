package gov.qpp.validators.catalog;

import java.util.List;

/**
 * A procedure (CPT/HCPCS) or quality data code of a claims measure, with the modifiers it needs or must not
 * have and the places of service it is limited to or excluded from.
 */
public record CodeWithModifiers(String code, List<String> modifiers, List<String> modifierExclusions,
    List<String> placesOfService, List<String> placesOfServiceExclusions) {

  static CodeWithModifiers read(CatalogNode node) {
    return new CodeWithModifiers(node.requiredText("code"), node.optionalTextList("modifiers"),
        node.optionalTextList("modifierExclusions"), node.optionalTextList("placesOfService"),
        node.optionalTextList("placesOfServiceExclusions"));
  }
}

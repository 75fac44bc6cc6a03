package gov.qpp.validators.qrda3;

import java.util.Locale;
import java.util.Map;

/** One reported population of a quality measure: its type, its population UUID and its count. */
record Population(String type, String uuid, long count, QrdaNode node) {

  /** Population types of the QRDA III guide, with the catalog's eMeasureUuids key for each. */
  static final Map<String, String> CATALOG_KEY = Map.of(
      "IPOP", "initialPopulationUuid",
      "DENOM", "denominatorUuid",
      "NUMER", "numeratorUuid",
      "DENEX", "denominatorExclusionUuid",
      "DENEXCEP", "denominatorExceptionUuid",
      "NUMEX", "numeratorExclusionUuid");

  /** IPP is the older spelling of IPOP. */
  static String normalisedType(String code) {
    if (code == null) {
      return null;
    }
    String type = code.equals("IPP") ? "IPOP" : code;
    return CATALOG_KEY.containsKey(type) ? type : null;
  }

  static String normalisedUuid(String uuid) {
    return uuid.toUpperCase(Locale.ROOT);
  }
}

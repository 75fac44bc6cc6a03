package gov.qpp.validators.qrda3;

import java.util.Map;

/**
 * The QRDA Category III templates the adapter reads, by templateId root (extensions differ between years'
 * implementation guides and are checked only for the document itself). An element carrying one of these
 * templateIds becomes a node of the document tree; every other element is transparent.
 */
enum Template {
  /** The ClinicalDocument itself (every document gets this node, whatever its templates). */
  DOCUMENT("2.16.840.1.113883.10.20.27.1.2"),
  /** Quality measure section: the CMS template (2.3) or the base QRDA III one (2.1); files carry both. */
  QUALITY_SECTION("2.16.840.1.113883.10.20.27.2.3", "2.16.840.1.113883.10.20.27.2.1"),
  IA_SECTION("2.16.840.1.113883.10.20.27.2.4"),
  PI_SECTION("2.16.840.1.113883.10.20.27.2.5"),
  REPORTING_PARAMETERS("2.16.840.1.113883.10.20.17.3.8"),
  MEASURE_REFERENCE("2.16.840.1.113883.10.20.27.3.17"),
  MEASURE_DATA("2.16.840.1.113883.10.20.27.3.16"),
  AGGREGATE_COUNT("2.16.840.1.113883.10.20.27.3.3"),
  PERFORMANCE_RATE("2.16.840.1.113883.10.20.27.3.25"),
  /** Supplemental data (sex, ethnicity, race, payer) and reporting strata: their counts are not the measure's. */
  SUPPLEMENTAL_SEX("2.16.840.1.113883.10.20.27.3.6"),
  SUPPLEMENTAL_ETHNICITY("2.16.840.1.113883.10.20.27.3.7"),
  SUPPLEMENTAL_RACE("2.16.840.1.113883.10.20.27.3.8"),
  SUPPLEMENTAL_PAYER("2.16.840.1.113883.10.20.27.3.18"),
  SUPPLEMENTAL_PAYER_OLD("2.16.840.1.113883.10.20.27.3.9"),
  REPORTING_STRATUM("2.16.840.1.113883.10.20.27.3.4"),
  IA_MEASURE("2.16.840.1.113883.10.20.27.3.33"),
  MEASURE_PERFORMED("2.16.840.1.113883.10.20.27.3.27"),
  PI_PROPORTION_MEASURE("2.16.840.1.113883.10.20.27.3.28"),
  PI_ATTESTATION_MEASURE("2.16.840.1.113883.10.20.27.3.29"),
  PI_NUMERATOR("2.16.840.1.113883.10.20.27.3.31"),
  PI_DENOMINATOR("2.16.840.1.113883.10.20.27.3.32");

  private static final Map<String, Template> BY_ROOT = index();

  final String[] roots;

  Template(String... roots) {
    this.roots = roots;
  }

  static Template byRoot(String root) {
    return root == null ? null : BY_ROOT.get(root);
  }

  /** Supplemental data (sex, race, ethnicity, payer): its counts carry no QPP value, so it is not kept. */
  boolean isSupplemental() {
    return name().startsWith("SUPPLEMENTAL");
  }

  private static Map<String, Template> index() {
    Map<String, Template> map = new java.util.HashMap<>();
    for (Template template : values()) {
      if (template != DOCUMENT) {
        for (String root : template.roots) {
          map.put(root, template);
        }
      }
    }
    return Map.copyOf(map);
  }
}

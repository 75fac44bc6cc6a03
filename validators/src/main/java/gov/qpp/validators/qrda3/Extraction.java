package gov.qpp.validators.qrda3;

import java.util.List;
import java.util.Map;

/**
 * What the reader keeps from inside each node: an attribute of an element at a path relative to the node's
 * element, optionally only when the element's {@code root} attribute has a given value. Everything else in the
 * document is skipped without being kept.
 */
record Extraction(String relativePath, String rootFilter, String attribute, String key) {

  static final String PERFORMER = "documentationOf/serviceEvent/performer/assignedEntity";
  static final String ORGANIZATION = PERFORMER + "/representedOrganization/id";
  static final String PARTICIPANT = "participant/associatedEntity/id";

  static final Map<Template, List<Extraction>> BY_TEMPLATE = Map.ofEntries(
      Map.entry(Template.DOCUMENT, List.of(
          new Extraction("informationRecipient/intendedRecipient/id", Roots.PROGRAM, "extension", "program"),
          new Extraction(PERFORMER + "/id", Roots.NPI, "extension", "npi"),
          new Extraction(ORGANIZATION, Roots.TIN, "extension", "tin"),
          new Extraction(ORGANIZATION, Roots.APM_ENTITY, "extension", "apmEntity"),
          new Extraction(ORGANIZATION, Roots.VIRTUAL_GROUP, "extension", "virtualGroup"),
          new Extraction(ORGANIZATION, Roots.SUBGROUP, "extension", "subgroup"),
          new Extraction(PARTICIPANT, Roots.MVP, "extension", "mvp"),
          new Extraction(PARTICIPANT, Roots.CEHRT, "extension", "cehrt"))),
      Map.entry(Template.REPORTING_PARAMETERS, List.of(
          new Extraction("effectiveTime/low", null, "value", "low"),
          new Extraction("effectiveTime/high", null, "value", "high"))),
      Map.entry(Template.MEASURE_REFERENCE, List.of(
          new Extraction("reference/externalDocument/id", Roots.MEASURE_GUID, "extension", "guid"))),
      Map.entry(Template.MEASURE_DATA, List.of(
          new Extraction("value", null, "code", "type"),
          new Extraction("reference/externalObservation/id", null, "root", "population"))),
      Map.entry(Template.REPORTING_STRATUM, List.of(
          new Extraction("reference/externalObservation/id", null, "root", "stratum"))),
      Map.entry(Template.AGGREGATE_COUNT, List.of(
          new Extraction("value", null, "value", "count"))),
      Map.entry(Template.PERFORMANCE_RATE, List.of(
          new Extraction("value", null, "value", "rate"),
          new Extraction("value", null, "nullFlavor", "nullRate"),
          new Extraction("reference/externalObservation/id", null, "root", "population"))),
      Map.entry(Template.IA_MEASURE, List.of(
          new Extraction("reference/externalDocument/id", null, "extension", "measureId"))),
      Map.entry(Template.PI_PROPORTION_MEASURE, List.of(
          new Extraction("reference/externalDocument/id", null, "extension", "measureId"))),
      Map.entry(Template.PI_ATTESTATION_MEASURE, List.of(
          new Extraction("reference/externalDocument/id", null, "extension", "measureId"))),
      Map.entry(Template.MEASURE_PERFORMED, List.of(
          new Extraction("value", null, "code", "performed"))));

  private static final Map<Template, Integer> MAX_DEPTH = depths();

  /**
   * How many levels below a node's element its extractions reach; deeper elements need no relative path. The
   * element that may still become a node (a section or entry under the document) counts too, so templateIds
   * directly inside it are seen.
   */
  static int maxDepth(Template template) {
    return MAX_DEPTH.getOrDefault(template, 0);
  }

  private static Map<Template, Integer> depths() {
    Map<Template, Integer> depths = new java.util.EnumMap<>(Template.class);
    BY_TEMPLATE.forEach((template, extractions) -> depths.put(template,
        extractions.stream().mapToInt(e -> e.relativePath().split("/").length).max().orElse(0)));
    return depths;
  }

  /** The identifier roots (OIDs) of the CMS QRDA III implementation guides. */
  static final class Roots {
    static final String PROGRAM = "2.16.840.1.113883.3.249.7";
    static final String NPI = "2.16.840.1.113883.4.6";
    static final String TIN = "2.16.840.1.113883.4.2";
    static final String APM_ENTITY = "2.16.840.1.113883.3.249.5.4";
    static final String VIRTUAL_GROUP = "2.16.840.1.113883.3.249.5.2";
    static final String SUBGROUP = "2.16.840.1.113883.3.249.5.5";
    static final String MVP = "2.16.840.1.113883.3.249.5.6";
    static final String CEHRT = "2.16.840.1.113883.3.2074.1";
    static final String MEASURE_GUID = "2.16.840.1.113883.4.738";
    /** QRDA Category III Report (the base template every QRDA III document carries). */
    static final String QRDA3 = "2.16.840.1.113883.10.20.27.1.1";

    private Roots() {
    }
  }
}

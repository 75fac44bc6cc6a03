package gov.qpp.validators.fhir;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.QualityMeasure;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MeasureReport's {@code measure} canonical to the year's quality measure, tried in this order: the configured
 * mapping (canonical without its {@code |version} to a QPP measure id or an eMeasureId); an eMeasureId in the
 * canonical's last segment (CMS122, CMS122v13, CMS122FHIRDiabetes...); a version-specific eMeasureUuid as the last
 * segment or as the version.
 */
final class MeasureResolver {

  private static final Pattern E_MEASURE_ID = Pattern.compile("^(CMS\\d+)(v\\d+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Map<String, String> mapping;

  /** @param mapping canonical URL (without version) to a QPP measure id such as 001, or an eMeasureId */
  MeasureResolver(Map<String, String> mapping) {
    this.mapping = Map.copyOf(mapping);
  }

  Optional<QualityMeasure> resolve(String canonical, CatalogYear year) {
    String url = canonical;
    String version = null;
    int bar = canonical.indexOf('|');
    if (bar >= 0) {
      url = canonical.substring(0, bar);
      version = canonical.substring(bar + 1);
    }
    String mapped = mapping.get(url);
    if (mapped != null) {
      return byId(mapped, year);
    }
    String segment = url.substring(url.lastIndexOf('/') + 1);
    Matcher eMeasure = E_MEASURE_ID.matcher(segment);
    if (eMeasure.find()) {
      Optional<QualityMeasure> found = year.byEMeasureId(eMeasure.group(1));
      if (found.isPresent()) {
        return found;
      }
    }
    for (String candidate : new String[] {segment.replaceFirst("^urn:uuid:", ""), version}) {
      if (candidate != null && UUID.matcher(candidate).matches()) {
        Optional<QualityMeasure> found = year.byEMeasureUuid(candidate);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The measure a {@code Measure/{id}/$submit-data} path names: a QPP measure id, an eMeasureId, or what a canonical's
   * last segment may be (a MADiE name such as CMS122FHIRDiabetes..., a mapped URL's id, an eMeasureUuid).
   */
  Optional<QualityMeasure> resolveId(String id, CatalogYear year) {
    Optional<QualityMeasure> direct = byId(id, year);
    return direct.isPresent() ? direct : resolve(id, year);
  }

  /** A QPP measure id (001) or an eMeasureId (CMS122v13), as configured. */
  static Optional<QualityMeasure> byId(String id, CatalogYear year) {
    Optional<QualityMeasure> byMeasureId = year.qualityMeasure(id);
    return byMeasureId.isPresent() ? byMeasureId : year.byEMeasureId(id);
  }
}

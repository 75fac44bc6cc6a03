package gov.qpp.validators.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The measure catalog of one performance year: measures, benchmarks, MVPs and cost averages. Immutable. */
public final class CatalogYear {

  private final int year;
  private final Map<String, Measure> byId;
  private final Map<String, QualityMeasure> byEMeasureId;
  private final Map<String, QualityMeasure> byEMeasureUuid;
  private final Map<String, List<Measure>> byCategory;
  private final Map<String, Map<String, Benchmark>> benchmarks;
  private final Map<String, Mvp> mvps;
  private final Map<String, CostNationalAverage> costAverages;

  CatalogYear(int year, List<Measure> measures, List<Benchmark> benchmarkList, List<Mvp> mvpList,
      List<CostNationalAverage> costAverageList) {
    this.year = year;
    Map<String, Measure> ids = new LinkedHashMap<>();
    Map<String, QualityMeasure> eMeasureIds = new HashMap<>();
    Map<String, QualityMeasure> uuids = new HashMap<>();
    Map<String, List<Measure>> categories = new HashMap<>();
    for (Measure measure : measures) {
      ids.putIfAbsent(measure.measureId(), measure);
      categories.computeIfAbsent(measure.category(), c -> new ArrayList<>()).add(measure);
      if (measure instanceof QualityMeasure quality) {
        if (quality.eMeasureId() != null) {
          eMeasureIds.putIfAbsent(quality.eMeasureId().toUpperCase(Locale.ROOT), quality);
          eMeasureIds.putIfAbsent(unversioned(quality.eMeasureId()), quality);
        }
        if (quality.eMeasureUuid() != null) {
          uuids.putIfAbsent(quality.eMeasureUuid().toLowerCase(Locale.ROOT), quality);
        }
      }
    }
    Map<String, Map<String, Benchmark>> benchmarkIndex = new HashMap<>();
    for (Benchmark benchmark : benchmarkList) {
      benchmarkIndex.computeIfAbsent(benchmark.measureId(), id -> new HashMap<>())
          .putIfAbsent(benchmark.submissionMethod(), benchmark);
    }
    Map<String, Mvp> mvpIndex = new LinkedHashMap<>();
    mvpList.forEach(mvp -> mvpIndex.putIfAbsent(mvp.mvpId(), mvp));
    Map<String, CostNationalAverage> costIndex = new HashMap<>();
    costAverageList.forEach(average -> costIndex.putIfAbsent(average.measureId(), average));

    this.byId = Map.copyOf(ids);
    this.byEMeasureId = Map.copyOf(eMeasureIds);
    this.byEMeasureUuid = Map.copyOf(uuids);
    Map<String, List<Measure>> frozen = new HashMap<>();
    categories.forEach((category, list) -> frozen.put(category, List.copyOf(list)));
    this.byCategory = Map.copyOf(frozen);
    Map<String, Map<String, Benchmark>> frozenBenchmarks = new HashMap<>();
    benchmarkIndex.forEach((id, perMethod) -> frozenBenchmarks.put(id, Map.copyOf(perMethod)));
    this.benchmarks = Map.copyOf(frozenBenchmarks);
    this.mvps = Map.copyOf(mvpIndex);
    this.costAverages = Map.copyOf(costIndex);
  }

  public int year() {
    return year;
  }

  public Optional<Measure> measure(String measureId) {
    return Optional.ofNullable(byId.get(measureId));
  }

  public Optional<QualityMeasure> qualityMeasure(String measureId) {
    return measure(measureId).filter(QualityMeasure.class::isInstance).map(QualityMeasure.class::cast);
  }

  /** By eMeasureId, with or without its version suffix: {@code CMS122v11} or {@code CMS122}. */
  public Optional<QualityMeasure> byEMeasureId(String eMeasureId) {
    String key = eMeasureId.toUpperCase(Locale.ROOT);
    QualityMeasure exact = byEMeasureId.get(key);
    return Optional.ofNullable(exact != null ? exact : byEMeasureId.get(unversioned(key)));
  }

  /** By the version-specific eMeasure UUID, case-insensitively. */
  public Optional<QualityMeasure> byEMeasureUuid(String uuid) {
    return Optional.ofNullable(byEMeasureUuid.get(uuid.toLowerCase(Locale.ROOT)));
  }

  /** Measures of a category (quality, ia, pi, aci, cost), in catalog order. */
  public List<Measure> inCategory(String category) {
    return byCategory.getOrDefault(category, List.of());
  }

  public int measureCount() {
    return byId.size();
  }

  public Optional<Benchmark> benchmark(String measureId, String submissionMethod) {
    Map<String, Benchmark> perMethod = benchmarks.get(measureId);
    return perMethod == null ? Optional.empty() : Optional.ofNullable(perMethod.get(submissionMethod));
  }

  public Optional<Mvp> mvp(String mvpId) {
    return Optional.ofNullable(mvps.get(mvpId));
  }

  public Map<String, Mvp> mvps() {
    return mvps;
  }

  public Optional<CostNationalAverage> costNationalAverage(String measureId) {
    return Optional.ofNullable(costAverages.get(measureId));
  }

  private static String unversioned(String eMeasureId) {
    String upper = eMeasureId.toUpperCase(Locale.ROOT);
    int version = upper.indexOf('V');
    return version > 0 ? upper.substring(0, version) : upper;
  }
}

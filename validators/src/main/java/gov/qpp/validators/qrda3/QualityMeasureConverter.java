package gov.qpp.validators.qrda3;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.catalog.Stratum;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.problems.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One quality measure of a QRDA III measure section: resolves its version-specific GUID in the year's catalog,
 * checks its populations against the catalog's population UUIDs, and turns the counts into the QPP value:
 * eligiblePopulation = DENOM, performanceMet = NUMER, exclusions = DENEX, exceptions = DENEXCEP,
 * performanceNotMet = DENOM − NUMER − DENEX − DENEXCEP.
 */
final class QualityMeasureConverter {

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

  private final CatalogYear catalog;
  private final Problems problems;
  private final Severity populationSeverity;

  /**
   * @param strictPopulations whether population UUIDs that disagree with the catalog reject the document (MIPS,
   *     as CMS's tool does) or are reported as warnings (APP and APP Plus, where CMS's tool does not check them and
   *     CMS's own samples carry other UUIDs; the counts are read by population type either way)
   */
  QualityMeasureConverter(CatalogYear catalog, Problems problems, boolean strictPopulations) {
    this.catalog = catalog;
    this.problems = problems;
    this.populationSeverity = strictPopulations ? Severity.ERROR : Severity.WARNING;
  }

  private void reportPopulation(ProblemCode code, Location location, String message) {
    problems.add(new Problem(code, populationSeverity, message, location));
  }

  /** The measurement, or null after reporting why it cannot be read. */
  Measurement convert(QrdaNode reference) {
    List<QrdaNode.Value> guids = reference.all("guid");
    if (guids.size() != 1) {
      problems.add(ProblemCode.QRDA_MEASURE_GUID, reference.location(), "a measure reference needs exactly one"
          + " reference/externalDocument/id with root 2.16.840.1.113883.4.738 (the measure's version-specific GUID),"
          + " found " + guids.size());
      return null;
    }
    String guid = guids.get(0).text();
    QualityMeasure measure = catalog.byEMeasureUuid(guid).orElse(null);
    if (measure == null) {
      problems.add(ProblemCode.QRDA_MEASURE_GUID_UNKNOWN, reference.locationOf("guid"), "measure GUID " + guid
          + " is not an eCQM of the " + catalog.year() + " catalog; check that the measure version matches the"
          + " performance year");
      return null;
    }
    List<Population> populations = populations(reference, measure);
    if (populations == null) {
      return null;
    }
    checkAgainstCatalog(reference, measure, populations);
    checkPerformanceRates(reference, measure);
    MeasureValue value = value(measure, populations);
    return value == null ? null : new Measurement(measure.measureId(), value);
  }

  private List<Population> populations(QrdaNode reference, QualityMeasure measure) {
    List<QrdaNode> data = reference.children(Template.MEASURE_DATA);
    if (data.isEmpty()) {
      problems.add(ProblemCode.QRDA_MEASURE_DATA_MISSING, reference.location(), "measure " + measure.measureId()
          + " reports no population data (measure data observations)");
      return null;
    }
    List<Population> populations = new ArrayList<>();
    boolean readable = true;
    for (QrdaNode node : data) {
      String type = Population.normalisedType(node.first("type"));
      List<QrdaNode.Value> uuids = node.all("population");
      if (node.all("type").size() != 1 || type == null) {
        problems.add(ProblemCode.QRDA_MEASURE_DATA_INVALID, node.location(), "measure " + measure.measureId()
            + ": population data needs one value/@code of IPOP, DENOM, NUMER, NUMEX, DENEX or DENEXCEP, found "
            + node.all("type").stream().map(QrdaNode.Value::text).toList());
        readable = false;
        continue;
      }
      if (uuids.size() != 1) {
        problems.add(ProblemCode.QRDA_MEASURE_DATA_INVALID, node.location(), "measure " + measure.measureId() + ": "
            + type + " needs exactly one reference/externalObservation/id/@root (its population UUID), found "
            + uuids.size());
        readable = false;
        continue;
      }
      Long count = Counts.POPULATION.single(node, problems, "measure " + measure.measureId() + " " + type);
      if (count == null) {
        readable = false;
        continue;
      }
      populations.add(new Population(type, Population.normalisedUuid(uuids.get(0).text()), count, node));
    }
    return readable ? populations : null;
  }

  /** Every reported UUID is the catalog's, every catalog population is reported, no denominator exceeds its IPOP. */
  private void checkAgainstCatalog(QrdaNode reference, QualityMeasure measure, List<Population> populations) {
    List<Stratum> strata = strataWithUuids(measure);
    if (strata.isEmpty()) {
      return;
    }
    for (Population population : populations) {
      if (population.type().equals("IPOP") || population.type().equals("NUMEX")) {
        continue; // their UUIDs are shared between strata or absent from the catalog; they carry no QPP value
      }
      Set<String> known = catalogUuids(strata, population.type());
      if (!known.isEmpty() && !known.contains(population.uuid())) {
        reportPopulation(ProblemCode.QRDA_POPULATION_UNKNOWN, population.node().locationOf("population"), "measure "
            + measure.measureId() + ": " + population.type() + " UUID " + population.uuid() + " is not one the "
            + catalog.year() + " catalog defines for this measure");
      }
    }
    for (Stratum stratum : strata) {
      for (String type : List.of("DENOM", "NUMER", "DENEX", "DENEXCEP")) {
        String uuid = uuid(stratum, type);
        if (uuid != null && find(populations, type, uuid) == null) {
          reportPopulation(ProblemCode.QRDA_POPULATION_MISSING, reference.location(), "measure " + measure.measureId()
              + ": " + type + " with UUID " + uuid + " is not reported"
              + (stratum.name() == null ? "" : " (stratum " + stratum.name() + ")"));
        }
      }
      Population denominator = find(populations, "DENOM", uuid(stratum, "DENOM"));
      Population initial = find(populations, "IPOP", uuid(stratum, "IPOP"));
      if (denominator != null && initial != null && denominator.count() > initial.count()) {
        problems.add(ProblemCode.QRDA_DENOMINATOR_EXCEEDS_POPULATION, denominator.node().location(), "measure "
            + measure.measureId() + ": DENOM " + denominator.count() + " is larger than IPOP " + initial.count());
      }
    }
  }

  private void checkPerformanceRates(QrdaNode reference, QualityMeasure measure) {
    for (QrdaNode rate : reference.children(Template.PERFORMANCE_RATE)) {
      String text = rate.first("rate");
      boolean notApplicable = "NA".equals(rate.first("nullRate"));
      if (!notApplicable && !isFraction(text)) {
        problems.add(ProblemCode.QRDA_PERFORMANCE_RATE, rate.location(), "measure " + measure.measureId()
            + ": the performance rate must be a number from 0 to 1 (or nullFlavor NA), found "
            + (text == null ? "none" : "'" + Excerpt.of(text) + "'"));
      }
      if (rate.all("population").size() != 1) {
        problems.add(ProblemCode.QRDA_PERFORMANCE_RATE, rate.location(), "measure " + measure.measureId()
            + ": the performance rate needs exactly one reference/externalObservation/id/@root (its numerator UUID)");
      }
    }
  }

  private static boolean isFraction(String text) {
    if (text == null) {
      return false;
    }
    // a plain decimal only: Double.parseDouble would also take "0.5f" and hexadecimal
    if (!DECIMAL.matcher(text).matches()) {
      return false;
    }
    double value = Double.parseDouble(text);
    return value >= 0 && value <= 1;
  }

  /**
   * Single-rate measures whose catalog lists several strata (CMS145, CMS22, ...) are summed over the strata;
   * multi-rate measures report one stratum per catalog stratum, matched by population UUIDs, or, where the
   * catalog's strata are the eCQM's stratifications (measure 370), by reporting stratum.
   */
  private MeasureValue value(QualityMeasure measure, List<Population> populations) {
    List<Stratum> strata = strataWithUuids(measure);
    if (byStratification(measure)) {
      return stratified(measure, populations);
    }
    if (measure.metricType().equals("multiPerformanceRate") && !strata.isEmpty()) {
      List<MeasureValue.Rate> rates = new ArrayList<>();
      for (Stratum stratum : strata) {
        if (uuid(stratum, "NUMER") == null) {
          continue;
        }
        Set<String> uuids = new HashSet<>(stratum.populationUuids().values().stream()
            .filter(java.util.Objects::nonNull).map(Population::normalisedUuid).toList());
        List<Population> own = populations.stream().filter(p -> uuids.contains(p.uuid())).toList();
        rates.add(rate(stratum.name(), own, false));
      }
      return new MeasureValue.MultiPerformanceRate(true, rates, null);
    }
    boolean summed = strata.size() > 1;
    return new MeasureValue.SinglePerformanceRate(true, rate(null, populations, summed), null);
  }

  /** Summed: every population of a type added up, exclusions and exceptions always given (0 when absent). */
  private static MeasureValue.Rate rate(String stratum, List<Population> populations, boolean summed) {
    Long denominator = total(populations, "DENOM", summed);
    Long numerator = total(populations, "NUMER", summed);
    Long exclusion = total(populations, "DENEX", summed);
    Long exception = total(populations, "DENEXCEP", summed);
    if (summed) {
      exclusion = exclusion == null ? 0L : exclusion;
      exception = exception == null ? 0L : exception;
    }
    return MeasureValue.Rate.ofPopulations(stratum, denominator == null ? 0 : denominator,
        numerator == null ? 0 : numerator, exclusion, exception);
  }

  /** The first population of the type, or the sum of all of them; null when none is reported. */
  private static Long total(List<Population> populations, String type, boolean summed) {
    Long total = null;
    for (Population population : populations) {
      if (population.type().equals(type)) {
        if (!summed) {
          return population.count();
        }
        total = (total == null ? 0 : total) + population.count();
      }
    }
    return total;
  }

  /**
   * Measure 370 (CMS159, depression remission) in 2019-2025: one set of populations, stratified by age. The
   * catalog gives the population UUIDs and the stratification UUIDs (in order) on its first stratum only, and
   * names the others without UUIDs; the k-th catalog stratum is the k-th stratification.
   */
  private static boolean byStratification(QualityMeasure measure) {
    List<Stratum> withUuids = strataWithUuids(measure);
    return measure.metricType().equals("multiPerformanceRate") && withUuids.size() == 1
        && withUuids.get(0).stratificationUuids().size() == measure.strata().size() && measure.strata().size() > 1;
  }

  /** One rate per stratification: each population's count in the reporting stratum of that stratification. */
  private MeasureValue stratified(QualityMeasure measure, List<Population> populations) {
    List<String> stratifications = strataWithUuids(measure).get(0).stratificationUuids();
    List<MeasureValue.Rate> rates = new ArrayList<>();
    boolean readable = true; // every stratum is read, so one answer names every missing or bad count
    for (int k = 0; k < measure.strata().size(); k++) {
      String name = measure.strata().get(k).name();
      String stratification = Population.normalisedUuid(stratifications.get(k));
      List<Population> own = new ArrayList<>();
      for (Population population : populations) {
        if (population.type().equals("IPOP") || population.type().equals("NUMEX")) {
          continue;
        }
        QrdaNode stratum = population.node().children(Template.REPORTING_STRATUM).stream()
            .filter(node -> node.first("stratum") != null
                && Population.normalisedUuid(node.first("stratum")).equals(stratification))
            .findFirst().orElse(null);
        if (stratum == null) {
          problems.add(ProblemCode.QRDA_POPULATION_MISSING, population.node().location(), "measure "
              + measure.measureId() + ": " + population.type() + " has no reporting stratum " + stratification
              + " (stratum " + name + "), which the " + catalog.year() + " catalog needs for its strata");
          readable = false;
          continue;
        }
        Long count = Counts.POPULATION.single(stratum, problems, "measure " + measure.measureId() + " "
            + population.type() + " stratum " + name);
        if (count == null) {
          readable = false;
          continue;
        }
        own.add(new Population(population.type(), population.uuid(), count, stratum));
      }
      rates.add(rate(name, own, false));
    }
    return readable ? new MeasureValue.MultiPerformanceRate(true, rates, null) : null;
  }

  private static List<Stratum> strataWithUuids(QualityMeasure measure) {
    return measure.strata().stream().filter(s -> !s.populationUuids().isEmpty()).toList();
  }

  private static Set<String> catalogUuids(List<Stratum> strata, String type) {
    Set<String> uuids = new HashSet<>();
    for (Stratum stratum : strata) {
      String uuid = uuid(stratum, type);
      if (uuid != null) {
        uuids.add(uuid);
      }
    }
    return uuids;
  }

  private static String uuid(Stratum stratum, String type) {
    String uuid = stratum.populationUuids().get(Population.CATALOG_KEY.get(type));
    return uuid == null ? null : Population.normalisedUuid(uuid);
  }

  private static Population find(List<Population> populations, String type, String uuid) {
    if (uuid == null) {
      return null;
    }
    for (Population population : populations) {
      if (population.type().equals(type) && population.uuid().equals(uuid)) {
        return population;
      }
    }
    return null;
  }


}

package gov.qpp.validators.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.rules.IdentifierChecks;
import gov.qpp.validators.rules.IntakeResult;
import gov.qpp.validators.rules.SubmissionValidator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportType;

/**
 * FHIR R4 to the normalised submission: HAPI validates the document against base R4, then its individual and
 * summary MeasureReports become one quality measurement set (submission method electronicHealthRecord) for the one
 * clinician or group that reports them, and the same format-independent rules as every other format run.
 * Individual reports (one patient each) are added up per measure. Thread-safe.
 */
public final class FhirIntake {

  public static final String SUBMISSION_METHOD = "electronicHealthRecord";
  /** The Device identifier system whose value is the CEHRT id (the gateway's convention, see docs/fhir.md). */
  public static final String CEHRT_SYSTEM = "https://chpl.healthit.gov/cehrt-id";

  /** Our own small bundle every catalog accepts, for warming the paths that read FHIR. */
  public static final String WARM_UP_BUNDLE = WarmUp.BUNDLE;

  /** MADiE test-case reports carry this; they are not data about real patients. */
  static final String TEST_CASE = "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-isTestCase";

  private final MeasureCatalog catalog;
  private final BaseR4Validator validator;
  private final MeasureResolver measures;

  /** @param measureMapping canonical URL (without version) to QPP measure id or eMeasureId, from configuration */
  public FhirIntake(MeasureCatalog catalog, BaseR4Validator validator, Map<String, String> measureMapping) {
    this.catalog = catalog;
    this.validator = validator;
    this.measures = new MeasureResolver(measureMapping);
  }

  /**
   * Runs our own small bundle through the whole intake, in JSON and in XML, a few times: the first validation loads
   * the core definitions (seconds), and the first parse of each resource type scans its model. Call before taking
   * requests, so no client pays for it. Returns the last outcome (for warming the answers too).
   */
  public Outcome warmUp() {
    byte[] json = WarmUp.BUNDLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] xml = FhirR4.CONTEXT.newXmlParser().encodeResourceToString(FhirR4.CONTEXT.newJsonParser()
        .parseResource(WarmUp.BUNDLE)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Outcome outcome = null;
    long until = System.nanoTime() + WARM_UP_NANOS;
    // until the JIT has compiled the hot paths: interpreted, a small bundle takes tens of milliseconds
    for (int round = 0; round < WARM_UP_MIN_ROUNDS || System.nanoTime() < until; round++) {
      intake(json, FhirBody.ANY, null);
      outcome = intake(xml, FhirBody.ANY, null);
    }
    return outcome;
  }

  private static final int WARM_UP_MIN_ROUNDS = 5;
  /**
   * Past the first validation (3-8 s: the core definitions load), rounds go on until this much time has passed, so
   * the hot paths are compiled; it runs beside the database start.
   */
  private static final long WARM_UP_NANOS = 3_000_000_000L;

  /** Any submittable resource (MeasureReport, Bundle, $submit-data Parameters): the /api/submissions path. */
  public IntakeResult intake(byte[] document) {
    return intake(document, FhirBody.ANY, null).result();
  }

  /**
   * What the document made, with how many reports and patients it carried, and for a Bundle its type and each
   * entry's resource type (a transaction is answered entry by entry).
   */
  public record Outcome(IntakeResult result, FhirEncoding encoding, int reports, int patients, String bundleType,
      List<String> entryTypes) {
    public Outcome {
      entryTypes = List.copyOf(entryTypes);
    }

    static Outcome unread(List<gov.qpp.validators.problems.Problem> problems, FhirEncoding encoding) {
      return new Outcome(new IntakeResult(null, problems), encoding, 0, 0, null, List.of());
    }
  }

  /** @param pathMeasure the measure a {@code Measure/{id}/$submit-data} request names, else null */
  public Outcome intake(byte[] document, FhirBody expect, String pathMeasure) {
    FhirR4.Guarded guarded = FhirR4.guard(document);
    if (guarded.problem() != null) {
      return Outcome.unread(List.of(guarded.problem()), guarded.encoding());
    }
    Problems problems = new Problems();
    problems.addAll(validator.validate(guarded.text()));
    FhirR4.Parsed parsed = FhirR4.parse(guarded);
    if (parsed.problem() != null) {
      if (!problems.hasErrors()) {
        problems.add(parsed.problem()); // else the validator's located errors already say why
      }
      return Outcome.unread(problems.list(), guarded.encoding());
    }
    SubmittedResources resources = SubmittedResources.of(parsed.resource(), expect, problems);
    Reading reading = new Reading(resources, problems, pathMeasure);
    Submission submission = reading.submission();
    String bundleType = null;
    List<String> entryTypes = List.of();
    if (parsed.resource() instanceof org.hl7.fhir.r4.model.Bundle bundle) {
      bundleType = bundle.getType() == null ? null : bundle.getType().toCode();
      entryTypes = bundle.getEntry().stream()
          .map(entry -> entry.hasResource() ? entry.getResource().fhirType() : "none").toList();
    }
    return new Outcome(new IntakeResult(submission, problems.list()), guarded.encoding(),
        resources.reports().size(), reading.patients.size(), bundleType, entryTypes);
  }

  /** One document's reading: the reports' common reporter and year, then one measurement per measure. */
  private final class Reading {
    private final SubmittedResources resources;
    private final Problems problems;
    private final String pathMeasure;
    private final Set<String> patients = new HashSet<>();

    Reading(SubmittedResources resources, Problems problems, String pathMeasure) {
      this.resources = resources;
      this.problems = problems;
      this.pathMeasure = pathMeasure;
    }

    Submission submission() {
      List<SubmittedResources.Located<MeasureReport>> reports = resources.reports();
      if (reports.isEmpty()) {
        return null;
      }
      Reporters.Reporter reporter = null;
      Integer year = null;
      LocalDate start = null;
      LocalDate end = null;
      boolean readable = true;
      // every report is read to the end, so one answer names every mistake
      for (var located : reports) {
        MeasureReport report = located.resource();
        String path = located.path();
        readable &= statusAndType(report, path);
        Reporters.Reporter own = Reporters.of(report, path, resources, problems);
        LocalDate[] period = period(report, path);
        readable &= own != null && period != null;
        if (own != null && reporter != null && !reporter.key().equals(own.key())) {
          problems.add(ProblemCode.FHIR_REPORTERS_DIFFER, path + ".reporter", "this report is for " + describe(own)
              + ", the first for " + describe(reporter) + "; send one clinician's or group's reports per submission");
          readable = false;
        }
        if (period != null && year != null && year != period[0].getYear()) {
          problems.add(ProblemCode.FHIR_REPORTERS_DIFFER, path + ".period", "this report is for "
              + period[0].getYear() + ", the first for " + year + "; send one performance year per submission");
          readable = false;
        }
        reporter = reporter == null ? own : reporter;
        if (period != null) {
          year = year == null ? period[0].getYear() : year;
          start = start == null || period[0].isBefore(start) ? period[0] : start;
          end = end == null || period[1].isAfter(end) ? period[1] : end;
        }
      }
      if (year == null) {
        return null;
      }
      CatalogYear catalogYear = catalog.year(year).orElse(null);
      if (catalogYear == null) {
        problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, reports.get(0).path() + ".period", "performance year "
            + year + " (from the report's period) has no measure catalog here; loaded years are " + catalog.years());
        return null;
      }
      List<Measurement> measurements = new ArrayList<>();
      List<String> measurementPaths = new ArrayList<>();
      readable &= measurements(catalogYear, reports, measurements, measurementPaths);
      if (reporter == null) {
        return null;
      }
      Submission submission = entity(reporter, year, new MeasurementSet(Category.QUALITY, SUBMISSION_METHOD,
          MeasurementSet.DEFAULT_PROGRAM, start, end, cehrtId(), measurements));
      if (!readable || submission == null) {
        return null;
      }
      SubmissionValidator.validate(submission, catalogYear, new FhirLocator(reports.get(0).path(), measurementPaths),
          problems);
      return submission;
    }

    private boolean statusAndType(MeasureReport report, String path) {
      boolean ok = true;
      if (report.getStatus() != MeasureReport.MeasureReportStatus.COMPLETE) {
        problems.add(ProblemCode.FHIR_REPORT_STATUS, path + ".status", "the report's status is "
            + (report.getStatus() == null ? "missing or not a status code" : report.getStatus().toCode())
            + "; only complete reports are stored");
        ok = false;
      }
      for (var extension : report.getModifierExtension()) {
        boolean testCase = TEST_CASE.equals(extension.getUrl());
        problems.add(ProblemCode.FHIR_MODIFIER_EXTENSION, path + ".modifierExtension", testCase
            ? "the report is marked as a test case (" + TEST_CASE + "), not results of real patients"
            : "the report carries modifier extension " + extension.getUrl() + ", which changes its meaning in a way"
            + " the gateway does not know, so it cannot be stored (FHIR's rule for unknown modifiers)");
        ok = false;
      }
      MeasureReportType type = report.getType();
      if (type != MeasureReportType.INDIVIDUAL && type != MeasureReportType.SUMMARY) {
        problems.add(ProblemCode.FHIR_REPORT_TYPE_UNSUPPORTED, path + ".type", "a " + (type == null
            ? "typeless" : type.toCode()) + " MeasureReport carries no measure result the gateway"
            + " reads: it computes no measure from FHIR patient data; send individual or summary reports");
        ok = false;
      }
      return ok;
    }

    /** Start and end as dates, or null after a problem. */
    private LocalDate[] period(MeasureReport report, String path) {
      LocalDate start = date(report.getPeriod().getStartElement(), path + ".period.start");
      LocalDate end = date(report.getPeriod().getEndElement(), path + ".period.end");
      if (start == null || end == null) {
        return null;
      }
      return new LocalDate[] {start, end};
    }

    private LocalDate date(BaseDateTimeType value, String path) {
      if (value == null || value.getValue() == null || value.getPrecision() == null
          || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
        problems.add(ProblemCode.FHIR_PERIOD, path, "the report's period needs a full date here (yyyy-mm-dd), found "
            + (value == null || value.getValueAsString() == null ? "none" : "'" + value.getValueAsString() + "'"));
        return null;
      }
      return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }

    private boolean measurements(CatalogYear year, List<SubmittedResources.Located<MeasureReport>> reports,
        List<Measurement> measurements, List<String> paths) {
      boolean readable = true;
      QualityMeasure named = null;
      if (pathMeasure != null) {
        named = measures.resolveId(pathMeasure, year).orElse(null);
        if (named == null) {
          problems.add(ProblemCode.FHIR_MEASURE_UNKNOWN, "Measure/" + pathMeasure, "Measure/" + pathMeasure
              + " names no quality measure of " + year.year() + "; use its QPP measure id (001), its eMeasureId"
              + " (CMS122) or its MADiE name (CMS122FHIR...)");
          readable = false;
        }
      }
      Map<String, List<SubmittedResources.Located<MeasureReport>>> individual = new LinkedHashMap<>();
      Map<String, QualityMeasure> byId = new LinkedHashMap<>();
      for (var located : reports) {
        MeasureReport report = located.resource();
        QualityMeasure measure = measure(report, located.path(), year);
        if (measure == null) {
          readable = false;
          continue;
        }
        if (named != null && !named.measureId().equals(measure.measureId())) {
          problems.add(ProblemCode.FHIR_MEASURE_MISMATCH, located.path() + ".measure", "the report is for measure "
              + measure.measureId() + " but the request is Measure/" + pathMeasure + "/$submit-data (measure "
              + named.measureId() + ")");
          readable = false;
        }
        byId.put(measure.measureId(), measure);
        if (report.getType() == MeasureReportType.INDIVIDUAL) {
          individual.computeIfAbsent(measure.measureId(), id -> new ArrayList<>()).add(located);
        } else if (report.getType() == MeasureReportType.SUMMARY) {
          if (individual.containsKey(measure.measureId())) {
            mixed(measure, located.path());
            readable = false;
            continue;
          }
          List<PopulationCounts> groups = PopulationCounts.of(report, located.path(), problems);
          MeasureValue value = groups == null ? null : MeasureValues.of(measure, groups, located.path(), problems);
          if (value == null) {
            readable = false;
            continue;
          }
          measurements.add(new Measurement(measure.measureId(), value));
          paths.add(located.path());
        }
      }
      for (var entry : individual.entrySet()) {
        QualityMeasure measure = byId.get(entry.getKey());
        if (measurements.stream().anyMatch(m -> m.measureId().equals(measure.measureId()))) {
          mixed(measure, entry.getValue().get(0).path());
          readable = false;
          continue;
        }
        MeasureValue value = aggregate(measure, entry.getValue());
        if (value == null) {
          readable = false;
          continue;
        }
        measurements.add(new Measurement(measure.measureId(), value));
        paths.add(entry.getValue().get(0).path());
      }
      return readable;
    }

    private void mixed(QualityMeasure measure, String path) {
      problems.add(ProblemCode.FHIR_MIXED_REPORT_TYPES, path, "measure " + measure.measureId() + " is reported both"
          + " by a summary and by individual reports; send one or the other");
    }

    private QualityMeasure measure(MeasureReport report, String path, CatalogYear year) {
      String canonical = report.getMeasure();
      if (canonical == null || canonical.isEmpty()) {
        problems.add(ProblemCode.FHIR_MEASURE_UNKNOWN, path + ".measure", "the report names no measure (a canonical"
            + " URL such as https://madie.cms.gov/Measure/CMS122FHIR...)");
        return null;
      }
      QualityMeasure measure = measures.resolve(canonical, year).orElse(null);
      if (measure == null) {
        problems.add(ProblemCode.FHIR_MEASURE_UNKNOWN, path + ".measure", "measure '" + canonical + "' is no"
            + " quality measure of the " + year.year() + " catalog: its last segment names no eMeasureId (CMS122)"
            + " or eMeasureUuid of that year, and no measure mapping is configured for it");
      }
      return measure;
    }

    /** Individual reports of one measure added up, one patient each. */
    private MeasureValue aggregate(QualityMeasure measure, List<SubmittedResources.Located<MeasureReport>> reports) {
      List<PopulationCounts> totals = null;
      boolean readable = true;
      Set<String> seen = new HashSet<>();
      for (var located : reports) {
        MeasureReport report = located.resource();
        String subject = subject(report);
        if (subject == null) {
          problems.add(ProblemCode.FHIR_SUBJECT_MISSING, located.path() + ".subject", "an individual report needs"
              + " its patient as subject (a reference or an identifier), so each patient is counted once");
          readable = false;
          continue;
        }
        if (!seen.add(subject)) {
          problems.add(ProblemCode.FHIR_PATIENT_DUPLICATE, located.path() + ".subject", "this patient already has"
              + " an individual report for measure " + measure.measureId() + " in this submission");
          readable = false;
          continue;
        }
        patients.add(subject);
        List<PopulationCounts> groups = PopulationCounts.of(report, located.path(), problems);
        if (groups == null) {
          readable = false;
          continue;
        }
        if (totals != null && groups.size() != totals.size()) {
          problems.add(ProblemCode.FHIR_GROUPS, located.path(), "measure " + measure.measureId() + ": this report"
              + " has " + groups.size() + " groups, the measure's first report " + totals.size());
          readable = false;
          continue;
        }
        totals = totals == null ? groups : added(totals, groups);
      }
      if (!readable || totals == null) {
        return null;
      }
      return MeasureValues.of(measure, totals, reports.get(0).path(), problems);
    }

    private static List<PopulationCounts> added(List<PopulationCounts> totals, List<PopulationCounts> groups) {
      List<PopulationCounts> sum = new ArrayList<>();
      for (int g = 0; g < totals.size(); g++) {
        sum.add(totals.get(g).plus(groups.get(g)));
      }
      return sum;
    }

    /** The patient, as Type/id when it is a reference (so a relative and an absolute one are the same patient). */
    private String subject(MeasureReport report) {
      if (report.getSubject().hasReference()) {
        String reference = report.getSubject().getReference();
        String typeAndId = SubmittedResources.typeAndId(reference);
        return typeAndId == null ? reference : typeAndId;
      }
      if (report.getSubject().hasIdentifier()) {
        var identifier = report.getSubject().getIdentifier();
        return identifier.getSystem() + "|" + identifier.getValue();
      }
      return null;
    }

    /** The one CEHRT id of the submission's Devices; two different ones are refused, not picked between. */
    private String cehrtId() {
      String found = null;
      for (var device : resources.all(org.hl7.fhir.r4.model.Device.class)) {
        for (int i = 0; i < device.getIdentifier().size(); i++) {
          var identifier = device.getIdentifier().get(i);
          if (!CEHRT_SYSTEM.equals(identifier.getSystem()) || !identifier.hasValue()) {
            continue;
          }
          if (found != null && !found.equals(identifier.getValue())) {
            problems.add(ProblemCode.FHIR_CEHRT_ID_CONFLICT, resources.pathOf(device) + ".identifier[" + i + "]",
                "the submission names two CEHRT ids (" + found + ", " + identifier.getValue() + "); one set of"
                + " results comes from one certified EHR");
            return found;
          }
          found = identifier.getValue();
        }
      }
      return found;
    }

    /** A reporter's identifier path; none when the identifier is absent (then nothing is reported at it). */
    private static Location at(String path) {
      return path == null ? null : Location.of(path);
    }

    private Submission entity(Reporters.Reporter reporter, int year, MeasurementSet set) {
      Tin tin = IdentifierChecks.tin(reporter.tin(), at(reporter.tinPath()), problems);
      Npi npi = IdentifierChecks.npi(reporter.npi(), at(reporter.npiPath()), problems);
      if (reporter.npi() != null && reporter.tin() == null) {
        problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, reporter.npiPath(), "an individual clinician reports"
            + " under a TIN: give the reporter a PractitionerRole whose organization has the TIN (" + Reporters.TIN_SYSTEM
            + "), or add the TIN identifier to the Practitioner");
        return null;
      }
      if (tin == null || reporter.npi() != null && npi == null) {
        return null;
      }
      EntityType type = npi == null ? EntityType.GROUP : EntityType.INDIVIDUAL;
      return new Submission(type, tin, npi, null, year, List.of(set));
    }

    private static String describe(Reporters.Reporter reporter) {
      return reporter.npi() == null ? "TIN " + reporter.tin() : "TIN " + reporter.tin() + " / NPI " + reporter.npi();
    }
  }
}

package gov.qpp.validators.qrda1;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.qrda3.Program;
import gov.qpp.validators.rules.IdentifierChecks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a QRDA I document read by {@link Qrda1Reader} against the CMS rules a MIPS gateway needs: the QRDA I
 * templates, a MIPS program, a performer with NPI and TIN, a patient id and birth date, a reporting period within
 * one catalogued year, and eCQMs referenced by version-specific UUIDs of that year. Locations are "{document}:
 * line N: {element}". Independent of the CMS XSD and Schematron.
 */
final class Qrda1Checks {

  static final String QRDA1_FRAMEWORK = "2.16.840.1.113883.10.20.24.1.1";
  static final String HL7_NAMESPACE = "urn:hl7-org:v3";
  /** SNOMED CT findings CMS's 2026 IG asks for in the translation of administrativeGenderCode. */
  private static final String SNOMED_FEMALE = "248152002";
  private static final String SNOMED_MALE = "248153007";

  private Qrda1Checks() {
  }

  static boolean isQrda1(Qrda1Document document) {
    return document.rootElement().equals("ClinicalDocument") && HL7_NAMESPACE.equals(document.rootNamespace())
        && document.templates().stream().anyMatch(template -> template.startsWith(QRDA1_FRAMEWORK));
  }

  /** The patient, or null when the document has an error; its problems go to {@code problems} either way. */
  static Qrda1Patient check(String name, Qrda1Document document, MeasureCatalog catalog, Problems problems) {
    long before = errorCount(problems);
    if (!isQrda1(document)) {
      problems.add(ProblemCode.QRDA1_NOT_QRDA1, Location.line(1, document.rootElement()).in(name),
          "the document is not QRDA Category I: it needs a ClinicalDocument (urn:hl7-org:v3) with templateId "
              + QRDA1_FRAMEWORK);
      return null;
    }
    String program = program(name, document, problems);
    String[] clinician = performer(name, document, problems);
    ccn(name, document, problems);
    String patientId = patientId(name, document, problems);
    LocalDate birth = birth(name, document, problems);
    String sex = sex(name, document, problems);
    LocalDate start = periodDate(name, document.periodStart(), ProblemCode.QRDA_PERIOD_START, "start", problems);
    LocalDate end = periodDate(name, document.periodEnd(), ProblemCode.QRDA_PERIOD_END, "end", problems);
    CatalogYear year = year(name, document, start, end, catalog, problems);
    List<String> measures = year == null ? List.of() : measures(name, document, year, problems);
    for (Qrda1Entry entry : document.entries()) {
      if (entry.code() == null || entry.start() == null) {
        problems.add(ProblemCode.QRDA1_ENTRY_INCOMPLETE, Location.line(entry.line(), entry.datatype()).in(name),
            "this " + entry.datatype() + " entry has no " + (entry.code() == null ? "code" : "effectiveTime"));
      }
    }
    if (document.entriesNotRead() > 0) {
      problems.add(ProblemCode.QRDA1_TOO_MANY_ENTRIES, name, document.entriesNotRead() + " entries past the first "
          + Qrda1Reader.MAX_ENTRIES + " were not kept");
    }
    if (errorCount(problems) > before) {
      return null;
    }
    return new Qrda1Patient(name, clinician[0], clinician[1], patientId, birth, sex, start, end, program, measures,
        document.entries());
  }

  private static String program(String name, Qrda1Document document, Problems problems) {
    Qrda1Document.Located program = document.program();
    if (program == null || program.value() == null) {
      problems.add(ProblemCode.QRDA1_PROGRAM, Location.of("informationRecipient").in(name), "name the program in"
          + " informationRecipient/intendedRecipient/id (root " + Qrda1Reader.PROGRAM_ROOT + "), one of "
          + Program.accepted());
      return null;
    }
    Optional<Program> known = Program.byName(program.value());
    if (known.isEmpty()) {
      problems.add(ProblemCode.QRDA1_PROGRAM, Location.line(program.line(), "intendedRecipient/id").in(name),
          "program '" + program.value() + "' is not a MIPS program (" + Program.accepted() + ");"
              + " hospital programs (HQR_*) report to CMS's Hospital Quality Reporting");
      return null;
    }
    return known.get().programName();
  }

  /** [TIN, NPI] of the first performer naming both; the data of an EC QRDA I belongs to that clinician. */
  private static String[] performer(String name, Qrda1Document document, Problems problems) {
    for (Qrda1Document.Performer performer : document.performers()) {
      if (performer.npi() != null && performer.tin() != null) {
        Tin tin = IdentifierChecks.tin(performer.tin().value(), Location.line(performer.tin().line(),
            "representedOrganization/id").in(name), problems);
        Npi npi = IdentifierChecks.npi(performer.npi().value(), Location.line(performer.npi().line(),
            "assignedEntity/id").in(name), problems);
        return new String[] {tin == null ? null : tin.value(), npi == null ? null : npi.value()};
      }
    }
    problems.add(ProblemCode.QRDA1_PERFORMER_MISSING, Location.of("documentationOf").in(name), "name the clinician in"
        + " documentationOf/serviceEvent/performer/assignedEntity: id root " + Qrda1Reader.NPI_ROOT + " (NPI) and"
        + " representedOrganization/id root " + Qrda1Reader.TIN_ROOT + " (TIN)");
    return new String[2];
  }

  /** A CMS Certification Number, when the custodian gives one: 6 characters, the first two a state code (digits). */
  private static void ccn(String name, Qrda1Document document, Problems problems) {
    Qrda1Document.Located ccn = document.ccn();
    if (ccn != null && (ccn.value() == null || !ccn.value().matches("\\d{2}[0-9A-Z]{4}"))) {
      problems.add(ProblemCode.QRDA1_CCN_FORMAT, Location.line(ccn.line(), "representedCustodianOrganization/id").in(name),
          "the CCN (root " + Qrda1Reader.CCN_ROOT + ") is 6 characters: a 2-digit state code and 4 more, not '"
              + ccn.value() + "'");
    }
  }

  private static String patientId(String name, Qrda1Document document, Problems problems) {
    for (String root : List.of(Qrda1Reader.MBI_ROOT, Qrda1Reader.HICN_ROOT)) {
      Qrda1Document.Located id = document.patientIds().get(root);
      if (id != null && id.value() != null && !id.value().isBlank()) {
        return id.value().trim().toUpperCase(Locale.ROOT);
      }
    }
    for (var id : document.patientIds().entrySet()) {
      if (id.getValue().value() != null && !id.getValue().value().isBlank()) {
        return id.getKey() + "|" + id.getValue().value().trim();
      }
    }
    problems.add(ProblemCode.QRDA1_PATIENT_ID_MISSING, Location.of("recordTarget/patientRole").in(name), "the patient needs an"
        + " id with an extension (MBI root " + Qrda1Reader.MBI_ROOT + ", or the EHR's own root)");
    return null;
  }

  private static LocalDate birth(String name, Qrda1Document document, Problems problems) {
    Qrda1Document.Located birth = document.birthTime();
    LocalDate date = birth == null ? null : Qrda1Reader.date(birth.value());
    if (date == null) {
      // the value itself is not repeated: it is the patient's birth date
      problems.add(ProblemCode.QRDA1_BIRTH_TIME, (birth == null ? Location.of("recordTarget/patientRole/patient")
          : Location.line(birth.line(), "birthTime")).in(name), "the patient's birthTime is "
          + (birth == null ? "missing" : "not a date (yyyyMMdd)"));
    }
    return date;
  }

  private static String sex(String name, Qrda1Document document, Problems problems) {
    String code = document.sex() == null ? null : document.sex().value();
    String sex = code == null ? null : switch (code) {
      case "F", SNOMED_FEMALE -> "F";
      case "M", SNOMED_MALE -> "M";
      default -> null;
    };
    if (sex == null) {
      problems.add(ProblemCode.QRDA1_SEX_UNKNOWN, Location.of("administrativeGenderCode").in(name), "the patient's sex is "
          + (code == null ? "not given" : "coded '" + code + "', not F, M or SNOMED CT " + SNOMED_FEMALE + "/"
          + SNOMED_MALE));
      return "U";
    }
    return sex;
  }

  private static LocalDate periodDate(String name, Qrda1Document.Located value, ProblemCode missing, String which,
      Problems problems) {
    if (value == null || value.value() == null) {
      problems.add(missing, Location.of("reporting parameters act").in(name), "the reporting period has no " + which
          + " (act " + Qrda1Reader.REPORTING_PARAMETERS_ACT + ", effectiveTime/" + (which.equals("start") ? "low"
          : "high") + "/@value)");
      return null;
    }
    LocalDate date = Qrda1Reader.date(value.value());
    if (date == null) {
      problems.add(ProblemCode.QRDA_PERIOD_DATE, Location.line(value.line(), "effectiveTime").in(name),
          "the reporting period's " + which + " '" + value.value() + "' is not a date yyyyMMdd");
    }
    return date;
  }

  private static CatalogYear year(String name, Qrda1Document document, LocalDate start, LocalDate end,
      MeasureCatalog catalog, Problems problems) {
    if (start == null || end == null) {
      return null;
    }
    if (start.getYear() != end.getYear() || end.isBefore(start)) {
      problems.add(ProblemCode.QRDA1_PERIOD_YEAR, Location.line(document.periodStart().line(),
          "effectiveTime").in(name), "the reporting period " + start + " to " + end + " must lie within one year");
      return null;
    }
    Optional<CatalogYear> year = catalog.year(start.getYear());
    if (year.isEmpty()) {
      problems.add(ProblemCode.QRDA1_PERIOD_YEAR, Location.line(document.periodStart().line(),
          "effectiveTime").in(name), "the measure catalog has no performance year " + start.getYear());
      return null;
    }
    return year.get();
  }

  private static List<String> measures(String name, Qrda1Document document, CatalogYear year, Problems problems) {
    if (document.measureUuids().isEmpty()) {
      problems.add(ProblemCode.QRDA1_MEASURE_MISSING, Location.of("Measure Section").in(name), "the document references no"
          + " eCQM: add a Measure Reference organizer with externalDocument/id root "
          + Qrda1Reader.EMEASURE_VERSION_ROOT);
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (Qrda1Document.Located uuid : document.measureUuids()) {
      Optional<QualityMeasure> measure = uuid.value() == null ? Optional.empty()
          : year.byEMeasureUuid(uuid.value().trim());
      if (measure.isEmpty()) {
        problems.add(ProblemCode.QRDA1_MEASURE_UNKNOWN, Location.line(uuid.line(), "externalDocument/id").in(name),
            "eCQM version-specific UUID '" + uuid.value() + "' is not a measure of " + year.year());
      } else if (!ids.contains(measure.get().measureId())) {
        ids.add(measure.get().measureId());
      }
    }
    return ids;
  }

  private static long errorCount(Problems problems) {
    return problems.list().stream().filter(problem -> problem.isError()).count();
  }
}

package gov.qpp.validators.qrda3;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
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
import gov.qpp.validators.xml.XmlRejection;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * QRDA Category III to the normalised submission: reads the document in one streaming pass, checks what the CMS
 * QRDA III implementation guides require of it, converts each section into a measurement set, then runs the
 * same format-independent rules as every other format. Any year 2017-2025 is read with that year's catalog.
 */
public final class Qrda3Intake {

  public static final String SUBMISSION_METHOD = "electronicHealthRecord";
  /** eCQM measurement sets carry the CEHRT id from the 2025 guide on; before, only PI sets do. */
  static final int QUALITY_CEHRT_FROM = 2025;

  private final MeasureCatalog catalog;

  public Qrda3Intake(MeasureCatalog catalog) {
    this.catalog = catalog;
  }

  /** A document in memory (an HTTP body): read by the fast reader when it can, else by the streaming one. */
  public IntakeResult intake(byte[] document) {
    return intake(() -> QrdaTreeReader.read(document));
  }

  /** A document of any size, streamed (a file): memory grows with its measures, not its bytes. */
  public IntakeResult intake(InputStream document) {
    return intake(() -> QrdaTreeReader.read(document));
  }

  private interface TreeSource {
    QrdaNode read() throws XmlRejection;
  }

  private IntakeResult intake(TreeSource source) {
    Problems problems = new Problems();
    QrdaNode root;
    try {
      root = source.read();
    } catch (XmlRejection rejection) {
      problems.add(rejection.problem());
      return new IntakeResult(null, problems.list());
    }
    Submission submission = new Conversion(root, problems).submission();
    return new IntakeResult(submission, problems.list());
  }

  /** True when the tree's root is a QRDA III ClinicalDocument (by its templateIds). */
  static boolean isQrda3(QrdaNode root) {
    boolean clinicalDocument = "ClinicalDocument".equals(root.first("rootElement"))
        && QrdaTreeReader.HL7_NAMESPACE.equals(root.first("rootNamespace"));
    boolean template = root.all("template").stream().map(QrdaNode.Value::text)
        .anyMatch(t -> t.startsWith(Extraction.Roots.QRDA3 + "|") || t.startsWith(Template.DOCUMENT.roots[0] + "|"));
    return clinicalDocument && template;
  }

  /** One document's conversion; keeps where each set and measurement came from for the rules' locations. */
  private final class Conversion {
    private final QrdaNode root;
    private final Problems problems;
    private final List<Location> setPaths = new ArrayList<>();
    private final List<List<Location>> measurementPaths = new ArrayList<>();

    Conversion(QrdaNode root, Problems problems) {
      this.root = root;
      this.problems = problems;
    }

    Submission submission() {
      if (!isQrda3(root)) {
        problems.add(ProblemCode.QRDA_NOT_QRDA3, root.location(), "the document is not a QRDA Category III report:"
            + " it needs a ClinicalDocument (namespace urn:hl7-org:v3) with templateId 2.16.840.1.113883.10.20.27.1.1"
            + " or 2.16.840.1.113883.10.20.27.1.2");
        return null;
      }
      Program program = program();
      List<QrdaNode> quality = sections(Template.QUALITY_SECTION, "quality measure");
      List<QrdaNode> ia = sections(Template.IA_SECTION, "improvement activities");
      List<QrdaNode> pi = sections(Template.PI_SECTION, "promoting interoperability");
      if (quality.isEmpty() && ia.isEmpty() && pi.isEmpty()) {
        problems.add(ProblemCode.QRDA_NO_SECTION, root.location(), "the document has no quality measure, improvement"
            + " activities or promoting interoperability section");
        return null;
      }
      Integer year = performanceYear();
      CatalogYear catalogYear = year == null ? null : catalog.year(year).orElse(null);
      if (year != null && catalogYear == null) {
        problems.add(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, root.location(), "performance year " + year
            + " (from the first reporting period) has no measure catalog here; loaded years are " + catalog.years());
      }
      // Every section is read even when the program or the year is wrong, so one answer lists every problem.
      String programName = program == null ? null : programName(program);
      String cehrt = root.first("cehrt");
      List<MeasurementSet> sets = new ArrayList<>();
      boolean complete = program != null && catalogYear != null;
      if (!quality.isEmpty()) {
        List<Located> measures = catalogYear == null ? null
            : qualityMeasurements(quality.get(0), catalogYear, program == null || program.mips());
        complete &= addSet(sets, quality.get(0), Category.QUALITY, programName,
            year != null && year >= QUALITY_CEHRT_FROM ? cehrt : null, measures);
      }
      if (!pi.isEmpty()) {
        complete &= addSet(sets, pi.get(0), Category.PI, programName, cehrt, piMeasurements(pi.get(0)));
      }
      if (!ia.isEmpty()) {
        complete &= addSet(sets, ia.get(0), Category.IA, programName, null, iaMeasurements(ia.get(0)));
      }
      if (year == null && !problems.hasErrors()) {
        problems.add(ProblemCode.QRDA_REPORTING_PARAMETERS, root.location(), "no section has a reporting period"
            + " with a start date, so the performance year is unknown");
      }
      if (!complete) {
        return null;
      }
      Submission submission = entity(program, year, sets);
      if (submission == null) {
        return null;
      }
      SubmissionValidator.validate(submission, catalogYear, new XPathLocator(setPaths, measurementPaths),
          problems);
      return submission;
    }

    private Program program() {
      List<QrdaNode.Value> names = root.all("program");
      if (names.size() != 1) {
        problems.add(ProblemCode.QRDA_PROGRAM_MISSING, root.locationOf("program"), "the document must name exactly"
            + " one program in informationRecipient/intendedRecipient/id (root 2.16.840.1.113883.3.249.7), found "
            + names.stream().map(QrdaNode.Value::text).toList());
        return null;
      }
      Program program = Program.byName(names.get(0).text()).orElse(null);
      if (program == null) {
        problems.add(ProblemCode.QRDA_PROGRAM_UNKNOWN, root.locationOf("program"), "program '" + names.get(0).text()
            + "' is not accepted; use one of " + Program.accepted());
      }
      return program;
    }

    private String programName(Program program) {
      String mvp = root.first("mvp");
      return mvp != null && program.takesMvp() ? mvp : program.programName();
    }

    private List<QrdaNode> sections(Template type, String name) {
      List<QrdaNode> found = root.descendants(type);
      for (int i = 1; i < found.size(); i++) {
        ProblemCode code = type == Template.PI_SECTION ? ProblemCode.QRDA_PI_DUPLICATE_SECTION
            : ProblemCode.QRDA_DUPLICATE_SECTION;
        problems.add(code, found.get(i).location(), "the document has more than one "
            + name + " section; send one");
      }
      return found;
    }

    /**
     * The year of the first reporting period in the document, as CMS's guides define the performance year; null
     * when there is none (the sections' own problems say why).
     */
    private Integer performanceYear() {
      List<QrdaNode> acts = root.descendants(Template.REPORTING_PARAMETERS);
      for (QrdaNode act : acts) {
        String low = act.first("low");
        if (low != null && QrdaDates.parse(low) != null) {
          return QrdaDates.parse(low).getYear();
        }
      }
      return null;
    }

    private boolean addSet(List<MeasurementSet> sets, QrdaNode section, Category category, String programName,
        String cehrtId, List<Located> measurements) {
      SectionPeriod period = SectionPeriod.of(section, category, problems);
      if (period == null || measurements == null) {
        return false;
      }
      setPaths.add(section.location());
      measurementPaths.add(measurements.stream().map(Located::path).toList());
      sets.add(new MeasurementSet(category, SUBMISSION_METHOD, programName, period.start(), period.end(), cehrtId,
          measurements.stream().map(Located::measurement).toList()));
      return true;
    }

    private List<Located> qualityMeasurements(QrdaNode section, CatalogYear year, boolean mips) {
      List<QrdaNode> references = section.children(Template.MEASURE_REFERENCE);
      if (references.isEmpty()) {
        problems.add(ProblemCode.QRDA_SECTION_EMPTY, section.location(), "the quality measure section has no measure"
            + " (measure reference and results, template 2.16.840.1.113883.10.20.27.3.17)");
        return null;
      }
      QualityMeasureConverter converter = new QualityMeasureConverter(year, problems, mips);
      List<Located> measurements = new ArrayList<>();
      boolean readable = true;
      for (QrdaNode reference : references) {
        Measurement measurement = converter.convert(reference);
        if (measurement == null) {
          readable = false;
        } else {
          measurements.add(new Located(measurement, reference.location()));
        }
      }
      return readable ? measurements : null;
    }

    private List<Located> iaMeasurements(QrdaNode section) {
      List<QrdaNode> activities = section.children(Template.IA_MEASURE);
      if (activities.isEmpty()) {
        problems.add(ProblemCode.QRDA_IA_SECTION_EMPTY, section.location(), "the improvement activities section has no"
            + " activity (template 2.16.840.1.113883.10.20.27.3.33)");
        return null;
      }
      wrongChildren(section, "improvement activities", Template.IA_MEASURE);
      List<Located> measurements = new ArrayList<>();
      boolean readable = true;
      for (QrdaNode activity : activities) {
        String id = measureId(activity, "an improvement activity");
        // read even without an id, so the answer also names what else is wrong with it
        Boolean performed = AttestationReader.performed(activity, id == null ? "an activity without an id" : id,
            problems);
        if (id == null || performed == null) {
          readable = false;
        } else {
          measurements.add(new Located(new Measurement(id, new MeasureValue.BooleanValue(performed)), activity.location()));
        }
      }
      return readable ? measurements : null;
    }

    private List<Located> piMeasurements(QrdaNode section) {
      List<Located> measurements = new ArrayList<>();
      boolean readable = true;
      wrongChildren(section, "promoting interoperability", Template.PI_PROPORTION_MEASURE,
          Template.PI_ATTESTATION_MEASURE);
      for (QrdaNode measure : section.children) {
        MeasureValue value = null;
        String id = null;
        if (measure.template == Template.PI_PROPORTION_MEASURE) {
          id = measureId(measure, "a PI measure");
          value = proportion(measure, id == null ? "a PI measure without an id" : id);
        } else if (measure.template == Template.PI_ATTESTATION_MEASURE) {
          id = measureId(measure, "a PI measure");
          Boolean performed = AttestationReader.performed(measure, id == null ? "a PI measure without an id" : id,
              problems);
          value = performed == null ? null : new MeasureValue.BooleanValue(performed);
        } else {
          continue;
        }
        if (id == null || value == null) {
          readable = false;
        } else {
          measurements.add(new Located(new Measurement(id, value), measure.location()));
        }
      }
      return readable ? measurements : null;
    }

    private MeasureValue proportion(QrdaNode measure, String id) {
      List<QrdaNode> numerators = measure.children(Template.PI_NUMERATOR);
      List<QrdaNode> denominators = measure.children(Template.PI_DENOMINATOR);
      boolean single = numerators.size() == 1 && denominators.size() == 1;
      if (!single) {
        problems.add(ProblemCode.QRDA_PI_MEASURE, measure.location(), id + " needs exactly one numerator and one"
            + " denominator, found " + numerators.size() + " and " + denominators.size());
      }
      // every count is read, so its own mistakes are reported too
      List<Long> numeratorCounts = numerators.stream()
          .map(numerator -> Counts.PI.single(numerator, problems, id + " numerator")).toList();
      List<Long> denominatorCounts = denominators.stream()
          .map(denominator -> Counts.PI.single(denominator, problems, id + " denominator")).toList();
      if (!single || numeratorCounts.get(0) == null || denominatorCounts.get(0) == null) {
        return null;
      }
      return new MeasureValue.Proportion(numeratorCounts.get(0), denominatorCounts.get(0));
    }

    private String measureId(QrdaNode measure, String what) {
      List<QrdaNode.Value> ids = measure.all("measureId").stream().filter(id -> !id.text().isEmpty()).toList();
      if (ids.size() != 1) {
        problems.add(ProblemCode.QRDA_MEASURE_ID, measure.location(), what + " needs exactly one non-empty"
            + " reference/externalDocument/id/@extension (its measure id), found " + ids.size());
        return null;
      }
      return ids.get(0).text();
    }

    private void wrongChildren(QrdaNode section, String name, Template... allowed) {
      List<Template> ok = new ArrayList<>(List.of(allowed));
      ok.add(Template.REPORTING_PARAMETERS);
      for (QrdaNode child : section.children) {
        if (!ok.contains(child.template)) {
          problems.add(ProblemCode.QRDA_SECTION_WRONG_CHILD, child.location(), "the " + name + " section holds an"
              + " entry of template " + child.template.name().toLowerCase().replace('_', ' ') + ", which belongs"
              + " elsewhere");
        }
      }
    }

    /** Who reports, by the program's entity type; identifiers are checked as in every format. */
    private Submission entity(Program program, int year, List<MeasurementSet> sets) {
      EntityType type = program.entityType();
      String entityId = switch (type) {
        case APM_ENTITY -> root.first("apmEntity");
        case VIRTUAL_GROUP -> root.first("virtualGroup");
        case SUBGROUP -> root.first("subgroup");
        default -> null;
      };
      if (type.identifiedByEntityId() && entityId == null) {
        problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, root.location(), "the report of entity type "
            + type.apiName() + " needs its entity id on the performer's representedOrganization");
        return null;
      }
      Tin tin = null;
      Npi npi = null;
      if (type == EntityType.INDIVIDUAL || type == EntityType.GROUP || type == EntityType.VIRTUAL_GROUP) {
        tin = IdentifierChecks.tin(root.first("tin"), root.locationOf("tin"), problems);
        if (root.first("tin") == null && type != EntityType.VIRTUAL_GROUP) {
          problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, root.location(), "the report of entity type "
              + type.apiName() + " needs the TIN (performer representedOrganization id, root 2.16.840.1.113883.4.2)");
        }
      }
      if (type == EntityType.INDIVIDUAL) {
        npi = IdentifierChecks.npi(root.first("npi"), root.locationOf("npi"), problems);
        if (root.first("npi") == null) {
          problems.add(ProblemCode.ENTITY_IDENTIFIER_MISSING, root.location(), "an individual report needs the NPI"
              + " (performer assignedEntity id, root 2.16.840.1.113883.4.6)");
        }
      }
      return new Submission(type, tin, npi, type.identifiedByEntityId() ? entityId : null, year, sets);
    }
  }

  private record Located(Measurement measurement, Location path) {
  }
}

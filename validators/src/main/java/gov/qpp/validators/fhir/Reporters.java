package gov.qpp.validators.fhir;

import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Who a MeasureReport is for, from its {@code reporter}: an Organization with a TIN is a group; a Practitioner
 * with an NPI plus a TIN (its own identifier, or the organization of a PractitionerRole) is an individual. A
 * reference by identifier alone (no resource) is read the same way. A PractitionerRole's practitioner must be a
 * Practitioner and its organization an Organization: references are followed one step, never in a loop.
 */
final class Reporters {

  static final String TIN_SYSTEM = "urn:oid:2.16.840.1.113883.4.2";
  static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  /** NPIs are also written with their OID. */
  static final String NPI_OID = "urn:oid:2.16.840.1.113883.4.6";

  private Reporters() {
  }

  /** Identifier values as written (checked later by the common identifier rules), with where they were found. */
  record Reporter(String tin, String tinPath, String npi, String npiPath) {
    String key() {
      return tin + "/" + npi;
    }
  }

  /** The reporter, or null after a problem saying why there is none. */
  static Reporter of(MeasureReport report, String path, SubmittedResources resources, Problems problems) {
    if (!report.hasReporter()) {
      problems.add(ProblemCode.FHIR_REPORTER_MISSING, path, "the MeasureReport needs a reporter: an Organization"
          + " with a TIN (" + TIN_SYSTEM + ") for a group, or a PractitionerRole (or Practitioner) with an NPI ("
          + NPI_SYSTEM + ") and a TIN for an individual clinician");
      return null;
    }
    String reporterPath = path + ".reporter";
    Found found = new Found(report, resources, problems);
    if (!found.reporter(report.getReporter(), reporterPath)) {
      return null;
    }
    String tin = single(found.tins, "TIN", reporterPath, problems);
    String npi = single(found.npis, "NPI", reporterPath, problems);
    if (found.tins.size() > 1 || found.npis.size() > 1) {
      return null;
    }
    if (found.clinician && npi == null) {
      // never read a clinician's report as the group's: that would store it under another entity
      problems.add(ProblemCode.FHIR_REPORTER_IDENTIFIER, reporterPath, "the reporter is a clinician (Practitioner or"
          + " PractitionerRole) but carries no NPI with system " + NPI_SYSTEM + " (or " + NPI_OID + ")");
      return null;
    }
    if (tin == null && npi == null) {
      problems.add(ProblemCode.FHIR_REPORTER_IDENTIFIER, reporterPath, "the reporter carries no TIN (identifier"
          + " system " + TIN_SYSTEM + ") and no NPI (identifier system " + NPI_SYSTEM + ")");
      return null;
    }
    return new Reporter(tin, tin == null ? null : found.tinPath, npi, npi == null ? null : found.npiPath);
  }

  /** Identifiers gathered from the reporter and, for a PractitionerRole, its practitioner and organization. */
  private static final class Found {
    final MeasureReport report;
    final SubmittedResources resources;
    final Problems problems;
    final Set<String> tins = new LinkedHashSet<>();
    final Set<String> npis = new LinkedHashSet<>();
    boolean clinician;
    String tinPath;
    String npiPath;

    Found(MeasureReport report, SubmittedResources resources, Problems problems) {
      this.report = report;
      this.resources = resources;
      this.problems = problems;
    }

    /** The report's reporter: an Organization, a Practitioner or a PractitionerRole. */
    boolean reporter(Reference reference, String path) {
      if (!reference.hasReference() && reference.hasIdentifier()) {
        String type = reference.getType();
        boolean npiSystem = isNpi(reference.getIdentifier().getSystem());
        clinician = "Practitioner".equals(type) || "PractitionerRole".equals(type) || type == null && npiSystem;
        identifiers(List.of(reference.getIdentifier()), path + ".identifier", clinician, true);
        return true;
      }
      Resource target = target(reference, path, "an Organization, Practitioner or PractitionerRole",
          Organization.class, Practitioner.class, PractitionerRole.class);
      if (target == null) {
        return false;
      }
      if (target instanceof PractitionerRole role) {
        clinician = true;
        String rolePath = resources.pathOf(role);
        identifiers(role.getIdentifier(), rolePath + ".identifier", false, false);
        boolean ok = true;
        if (role.hasPractitioner()) {
          Resource practitioner = target(role.getPractitioner(), rolePath + ".practitioner", "a Practitioner",
              Practitioner.class);
          ok &= practitioner != null;
          if (practitioner != null) {
            identifiers(((Practitioner) practitioner).getIdentifier(),
                resources.pathOf(practitioner) + ".identifier", true, false);
          }
        }
        if (role.hasOrganization()) {
          Resource organization = target(role.getOrganization(), rolePath + ".organization", "an Organization",
              Organization.class);
          ok &= organization != null;
          if (organization != null) {
            identifiers(((Organization) organization).getIdentifier(),
                resources.pathOf(organization) + ".identifier", false, false);
          }
        }
        return ok;
      }
      clinician = target instanceof Practitioner;
      List<Identifier> identifiers = target instanceof Organization organization ? organization.getIdentifier()
          : ((Practitioner) target).getIdentifier();
      identifiers(identifiers, resources.pathOf(target) + ".identifier", clinician, false);
      return true;
    }

    @SafeVarargs
    private Resource target(Reference reference, String path, String expected,
        Class<? extends Resource>... types) {
      Resource target = resources.resolve(reference, report);
      if (target == null) {
        problems.add(ProblemCode.FHIR_REPORTER_MISSING, path, "reference '" + reference.getReference()
            + "' points at nothing in this submission; include the resource (or give the reporter's identifier)");
        return null;
      }
      for (Class<? extends Resource> type : types) {
        if (type.isInstance(target)) {
          return target;
        }
      }
      problems.add(ProblemCode.FHIR_REPORTER_MISSING, path, "the reference must point at " + expected + ", not a "
          + target.fhirType());
      return null;
    }

    /**
     * @param clinicianNpis whether an NPI here is a clinician's (an Organization's NPI is the practice's, not one)
     * @param single the path names the identifier itself, not a list of them
     */
    private void identifiers(List<Identifier> identifiers, String path, boolean clinicianNpis, boolean single) {
      for (int i = 0; i < identifiers.size(); i++) {
        Identifier identifier = identifiers.get(i);
        String value = identifier.getValue();
        if (value == null) {
          continue;
        }
        String where = single ? path : path + "[" + i + "]";
        if (TIN_SYSTEM.equals(identifier.getSystem())) {
          tins.add(value);
          tinPath = tinPath == null ? where : tinPath;
        } else if (clinicianNpis && isNpi(identifier.getSystem())) {
          npis.add(value);
          npiPath = npiPath == null ? where : npiPath;
        }
      }
    }
  }

  private static boolean isNpi(String system) {
    return NPI_SYSTEM.equals(system) || NPI_OID.equals(system);
  }

  private static String single(Set<String> values, String what, String path, Problems problems) {
    if (values.size() > 1) {
      problems.add(ProblemCode.FHIR_REPORTER_IDENTIFIER, path, "the reporter carries " + values.size()
          + " different " + what + "s; a report belongs to one clinician or group");
      return null;
    }
    return values.isEmpty() ? null : new ArrayList<>(values).get(0);
  }
}

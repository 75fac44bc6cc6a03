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
 * reference by identifier alone (no resource) is read the same way.
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
    Found found = new Found();
    if (!collect(report.getReporter(), report, reporterPath, resources, found, problems)) {
      return null;
    }
    String tin = single(found.tins, "TIN", reporterPath, problems);
    String npi = single(found.npis, "NPI", reporterPath, problems);
    if (found.tins.size() > 1 || found.npis.size() > 1) {
      return null;
    }
    if (tin == null && npi == null) {
      problems.add(ProblemCode.FHIR_REPORTER_IDENTIFIER, reporterPath, "the reporter carries no TIN (identifier"
          + " system " + TIN_SYSTEM + ") and no NPI (identifier system " + NPI_SYSTEM + ")");
      return null;
    }
    return new Reporter(tin, tin == null ? null : found.tinPath, npi, npi == null ? null : found.npiPath);
  }

  private static final class Found {
    final Set<String> tins = new LinkedHashSet<>();
    final Set<String> npis = new LinkedHashSet<>();
    String tinPath;
    String npiPath;
  }

  private static boolean collect(Reference reference, MeasureReport report, String path,
      SubmittedResources resources, Found found, Problems problems) {
    if (!reference.hasReference() && reference.hasIdentifier()) {
      identifiers(List.of(reference.getIdentifier()), path, found, !"Organization".equals(reference.getType()));
      return true;
    }
    Resource target = resources.resolve(reference, report);
    if (target == null) {
      problems.add(ProblemCode.FHIR_REPORTER_MISSING, path, "reference '" + reference.getReference()
          + "' points at nothing in this submission; include the reporter's resource (or give its identifier)");
      return false;
    }
    String where = target.fhirType() + "/" + target.getIdElement().getIdPart();
    if (target instanceof Organization organization) {
      identifiers(organization.getIdentifier(), where, found, false);
    } else if (target instanceof Practitioner practitioner) {
      identifiers(practitioner.getIdentifier(), where, found, true);
    } else if (target instanceof PractitionerRole role) {
      identifiers(role.getIdentifier(), where, found, false);
      boolean ok = true;
      if (role.hasPractitioner()) {
        ok &= collect(role.getPractitioner(), report, path + " > PractitionerRole.practitioner", resources, found,
            problems);
      }
      if (role.hasOrganization()) {
        ok &= collect(role.getOrganization(), report, path + " > PractitionerRole.organization", resources, found,
            problems);
      }
      return ok;
    } else {
      problems.add(ProblemCode.FHIR_REPORTER_MISSING, path, "the reporter must be an Organization, Practitioner or"
          + " PractitionerRole, not a " + target.fhirType());
      return false;
    }
    return true;
  }

  /** @param clinician whether an NPI here is a clinician's (an Organization's NPI is the practice's, not one) */
  private static void identifiers(List<Identifier> identifiers, String where, Found found, boolean clinician) {
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier identifier = identifiers.get(i);
      String system = identifier.getSystem();
      String value = identifier.getValue();
      if (value == null) {
        continue;
      }
      String path = where + ".identifier[" + i + "]";
      if (TIN_SYSTEM.equals(system)) {
        found.tins.add(value);
        found.tinPath = found.tinPath == null ? path : found.tinPath;
      } else if (clinician && (NPI_SYSTEM.equals(system) || NPI_OID.equals(system))) {
        found.npis.add(value);
        found.npiPath = found.npiPath == null ? path : found.npiPath;
      }
    }
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

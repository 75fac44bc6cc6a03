package gov.qpp.validators.fhir;

import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one request submits: its MeasureReports, each with the FHIRPath of where it is, and every other resource
 * it carries, so references (fullUrl, Type/id, contained #id) can be followed. Takes a MeasureReport, a Bundle
 * (transaction, batch or collection) or a $submit-data Parameters (measureReport and resource parameters, or a
 * Bundle in a resource parameter).
 */
final class SubmittedResources {

  record Located<T extends Resource>(T resource, String path) {
  }

  private final List<Located<MeasureReport>> reports = new ArrayList<>();
  private final Map<String, Resource> byKey = new HashMap<>();

  private SubmittedResources() {
  }

  static SubmittedResources of(Resource root, FhirBody expect, Problems problems) {
    SubmittedResources resources = new SubmittedResources();
    String type = root.fhirType();
    boolean allowed = switch (expect) {
      case MEASURE_REPORT -> root instanceof MeasureReport;
      case BUNDLE -> root instanceof Bundle;
      case SUBMIT_DATA -> root instanceof Parameters || root instanceof Bundle;
      case ANY -> root instanceof MeasureReport || root instanceof Bundle || root instanceof Parameters;
    };
    if (!allowed) {
      problems.add(ProblemCode.FHIR_RESOURCE_TYPE, type, "this endpoint takes " + describe(expect) + ", not a "
          + type);
      return resources;
    }
    resources.add(root, type, problems);
    if (resources.reports.isEmpty()) {
      problems.add(ProblemCode.FHIR_NO_MEASURE_REPORT, type, "the " + type + " holds no MeasureReport; send the"
          + " measure results as individual or summary MeasureReports");
    }
    return resources;
  }

  private static String describe(FhirBody expect) {
    return switch (expect) {
      case MEASURE_REPORT -> "a MeasureReport";
      case BUNDLE -> "a transaction, batch or collection Bundle";
      case SUBMIT_DATA -> "a Parameters resource (measureReport and resource parameters) or a Bundle";
      case ANY -> "a MeasureReport, a Bundle or a $submit-data Parameters resource";
    };
  }

  private void add(Resource resource, String path, Problems problems) {
    if (resource instanceof Bundle bundle) {
      addBundle(bundle, path, problems);
    } else if (resource instanceof Parameters parameters) {
      addParameters(parameters, path, problems);
    } else {
      index(resource, null);
      if (resource instanceof MeasureReport report) {
        reports.add(new Located<>(report, path));
      }
    }
  }

  private void addBundle(Bundle bundle, String path, Problems problems) {
    Bundle.BundleType type = bundle.getType();
    if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.COLLECTION
        && type != Bundle.BundleType.BATCH) {
      problems.add(ProblemCode.FHIR_RESOURCE_TYPE, path + ".type", "a submitted Bundle must be of type transaction,"
          + " batch or collection, not " + (type == null ? "none" : type.toCode()));
      return;
    }
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent entry = entries.get(i);
      String entryPath = path + ".entry[" + i + "].resource";
      Resource resource = entry.getResource();
      if (resource == null) {
        continue; // the validator reports an entry without a resource
      }
      if (resource instanceof Bundle || resource instanceof Parameters) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, entryPath, "a Bundle entry cannot itself be a "
            + resource.fhirType() + " here; put its resources in the outer Bundle");
        continue;
      }
      index(resource, entry.getFullUrl());
      if (resource instanceof MeasureReport report) {
        reports.add(new Located<>(report, entryPath));
      }
    }
  }

  private void addParameters(Parameters parameters, String path, Problems problems) {
    List<Parameters.ParametersParameterComponent> list = parameters.getParameter();
    for (int i = 0; i < list.size(); i++) {
      Parameters.ParametersParameterComponent parameter = list.get(i);
      String parameterPath = path + ".parameter[" + i + "]";
      Resource resource = parameter.getResource();
      String name = parameter.getName();
      if (resource == null) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, parameterPath, "$submit-data takes resources only (parameters"
            + " measureReport and resource); parameter '" + name + "' carries none");
        continue;
      }
      String resourcePath = parameterPath + ".resource";
      if ("measureReport".equals(name) && !(resource instanceof MeasureReport)) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, resourcePath, "parameter measureReport must hold a"
            + " MeasureReport, not a " + resource.fhirType());
      } else if ("resource".equals(name) && resource instanceof Bundle bundle) {
        addBundle(bundle, resourcePath, problems);
      } else if ("resource".equals(name) && resource instanceof MeasureReport) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, resourcePath, "a MeasureReport goes in parameter"
            + " measureReport, not resource");
      } else if ("measureReport".equals(name) || "resource".equals(name)) {
        add(resource, resourcePath, problems);
      } else {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, parameterPath, "$submit-data has no parameter '" + name
            + "'; use measureReport and resource");
      }
    }
  }

  private void index(Resource resource, String fullUrl) {
    if (fullUrl != null && !fullUrl.isEmpty()) {
      byKey.putIfAbsent(fullUrl, resource);
    }
    if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
      byKey.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
    }
  }

  List<Located<MeasureReport>> reports() {
    return reports;
  }

  /** The resource a reference points at inside this submission, or null when it is not here. */
  Resource resolve(Reference reference, DomainResource from) {
    if (reference.getResource() instanceof Resource linked) {
      return linked; // HAPI links contained resources while parsing
    }
    String target = reference.getReference();
    if (target == null || target.isEmpty()) {
      return null;
    }
    if (target.startsWith("#")) {
      for (Resource contained : from.getContained()) {
        String id = contained.getIdElement().getIdPart();
        if (target.substring(1).equals(id) || target.equals(id)) {
          return contained;
        }
      }
      return null;
    }
    Resource found = byKey.get(target);
    if (found == null && target.contains("/")) {
      // an absolute URL whose last two segments are Type/id
      String[] parts = target.split("/");
      if (parts.length >= 2) {
        found = byKey.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
      }
    }
    return found;
  }

  /** Every resource of a type in this submission, the reports' contained ones included (the CEHRT Device). */
  <T extends Resource> List<T> all(Class<T> type) {
    List<Resource> everything = new ArrayList<>(byKey.values());
    reports.forEach(report -> everything.addAll(report.resource().getContained()));
    return everything.stream().filter(type::isInstance).map(type::cast).distinct().toList();
  }
}

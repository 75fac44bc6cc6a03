package gov.qpp.validators.fhir;

import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one request submits: its MeasureReports, and every resource it carries, each with the FHIRPath of where it
 * is, in document order, so references (fullUrl, Type/id, contained #id) can be followed and problems located.
 * Takes a MeasureReport, a Bundle (transaction, batch or collection) or a $submit-data Parameters (measureReport
 * and resource parameters, or a Bundle in a resource parameter); for $validate, a Parameters whose resource
 * parameter holds what to validate.
 */
final class SubmittedResources {

  /** More entries than any submission needs; the answer to a transaction has one per entry. */
  static final int MAX_BUNDLE_ENTRIES = 10_000;

  record Located<T extends Resource>(T resource, String path) {
  }

  private final List<Located<MeasureReport>> reports = new ArrayList<>();
  private final List<Resource> all = new ArrayList<>();
  private final Map<Resource, String> paths = new IdentityHashMap<>();
  private final Map<String, Resource> byKey = new HashMap<>();

  private SubmittedResources() {
  }

  static SubmittedResources of(Resource root, FhirBody expect, Problems problems) {
    SubmittedResources resources = new SubmittedResources();
    String path = root.fhirType();
    if (expect == FhirBody.VALIDATE && root instanceof Parameters parameters && isValidateRequest(parameters)) {
      root = validateTarget(parameters, problems);
      if (root == null) {
        return resources;
      }
      path = "Parameters.parameter.where(name='resource').resource";
    }
    boolean allowed = switch (expect) {
      case MEASURE_REPORT -> root instanceof MeasureReport;
      case BUNDLE -> root instanceof Bundle;
      case SUBMIT_DATA -> root instanceof Parameters || root instanceof Bundle;
      case ANY, VALIDATE -> root instanceof MeasureReport || root instanceof Bundle || root instanceof Parameters;
    };
    if (!allowed) {
      problems.add(ProblemCode.FHIR_RESOURCE_TYPE, path, "this endpoint takes " + describe(expect) + ", not a "
          + root.fhirType());
      return resources;
    }
    resources.add(root, path, problems);
    if (resources.reports.isEmpty()) {
      problems.add(ProblemCode.FHIR_NO_MEASURE_REPORT, path, "the " + root.fhirType() + " holds no MeasureReport;"
          + " send the measure results as individual or summary MeasureReports");
    }
    return resources;
  }

  /** FHIR's $validate sends {@code Parameters{resource, mode?, profile?}}; $submit-data's have measureReport. */
  private static boolean isValidateRequest(Parameters parameters) {
    return parameters.getParameter().stream().noneMatch(p -> "measureReport".equals(p.getName()))
        && parameters.getParameter().stream().anyMatch(p -> "resource".equals(p.getName()));
  }

  private static Resource validateTarget(Parameters parameters, Problems problems) {
    List<Resource> targets = new ArrayList<>();
    for (var parameter : parameters.getParameter()) {
      if ("resource".equals(parameter.getName()) && parameter.getResource() != null) {
        targets.add(parameter.getResource());
      } else if ("profile".equals(parameter.getName())) {
        problems.add(ProblemCode.FHIR_WARNING, "Parameters.parameter", "$validate's profile parameter is not"
            + " supported: the resource is validated against base R4 and the gateway's measure rules only");
      } else if (!"mode".equals(parameter.getName())) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, "Parameters.parameter", "$validate takes the parameters"
            + " resource, mode and profile, not '" + parameter.getName() + "'");
      }
    }
    if (targets.size() != 1) {
      problems.add(ProblemCode.FHIR_RESOURCE_TYPE, "Parameters", "$validate takes exactly one resource parameter"
          + " holding a resource, found " + targets.size());
      return null;
    }
    return targets.get(0);
  }

  private static String describe(FhirBody expect) {
    return switch (expect) {
      case MEASURE_REPORT -> "a MeasureReport";
      case BUNDLE -> "a transaction, batch or collection Bundle";
      case SUBMIT_DATA -> "a Parameters resource (measureReport and resource parameters) or a Bundle";
      case ANY, VALIDATE -> "a MeasureReport, a Bundle or a $submit-data Parameters resource";
    };
  }

  private void add(Resource resource, String path, Problems problems) {
    if (resource instanceof Bundle bundle) {
      addBundle(bundle, path, problems);
    } else if (resource instanceof Parameters parameters) {
      addParameters(parameters, path, problems);
    } else {
      index(resource, null, path);
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
    if (entries.size() > MAX_BUNDLE_ENTRIES) {
      problems.add(ProblemCode.FHIR_RESOURCE_TYPE, path + ".entry", "the Bundle has " + entries.size()
          + " entries; at most " + MAX_BUNDLE_ENTRIES + " are taken in one submission");
      return;
    }
    boolean requests = type != Bundle.BundleType.COLLECTION;
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent entry = entries.get(i);
      String entryPath = path + ".entry[" + i + "]";
      Resource resource = entry.getResource();
      if (resource == null) {
        continue; // the validator reports an entry without a resource
      }
      if (requests && entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
        // stored as one new submission: an update or a delete would be answered as done without being done
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, entryPath + ".request.method", "the gateway takes only POST"
            + " (create) entries, not " + (entry.getRequest().getMethod() == null ? "none"
            : entry.getRequest().getMethod().toCode()));
      }
      if (resource instanceof Bundle || resource instanceof Parameters) {
        problems.add(ProblemCode.FHIR_RESOURCE_TYPE, entryPath + ".resource", "a Bundle entry cannot itself be a "
            + resource.fhirType() + " here; put its resources in the outer Bundle");
        continue;
      }
      index(resource, entry.getFullUrl(), entryPath + ".resource");
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

  private void index(Resource resource, String fullUrl, String path) {
    all.add(resource);
    paths.put(resource, path);
    if (resource instanceof MeasureReport report) {
      reports.add(new Located<>(report, path));
      List<Resource> contained = report.getContained();
      for (int c = 0; c < contained.size(); c++) {
        all.add(contained.get(c));
        paths.put(contained.get(c), path + ".contained[" + c + "]");
      }
    }
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

  /** Where a resource of this submission is, as a FHIRPath expression. */
  String pathOf(Resource resource) {
    return paths.getOrDefault(resource, resource.fhirType());
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
    String typeAndId = typeAndId(target);
    return found != null || typeAndId == null ? found : byKey.get(typeAndId);
  }

  /** {@code Type/id} of a relative or absolute reference (history suffix ignored), or null. */
  static String typeAndId(String reference) {
    String[] parts = reference.replaceFirst("/_history/[^/]*$", "").split("/");
    if (parts.length < 2 || parts[parts.length - 2].isEmpty() || parts[parts.length - 1].isEmpty()) {
      return null;
    }
    return parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  /** Every resource of a type in this submission, in document order, the reports' contained ones included. */
  <T extends Resource> List<T> all(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

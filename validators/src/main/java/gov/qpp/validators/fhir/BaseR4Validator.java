package gov.qpp.validators.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Severity;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator against base R4: structure, cardinality, invariants and the bindings that can be
 * checked offline. Profiles we cannot load (QI-Core, DEQM) give a warning, not an error. Built once per process
 * and thread-safe; the first validation loads and snapshots the core definitions (seconds), so the gateway warms
 * it ({@link FhirIntake#warmUp}) before it reports ready.
 */
public final class BaseR4Validator {

  private static final String CROSS_VERSION_EXTENSION = "Extension_EXT_Version_Invalid";

  private final FhirValidator validator;

  /** Validators kept for reuse: enough for the intake threads of a machine of this size. */
  public static final int MAX_IDLE_VALIDATORS = 2 * Runtime.getRuntime().availableProcessors();

  public BaseR4Validator() {
    this(true);
  }

  /** @param reuse false builds HAPI's stock module (a new core validator per call), for comparison and benchmarks */
  public BaseR4Validator(boolean reuse) {
    ValidationSupportChain chain = chain();
    FhirInstanceValidator instanceValidator = reuse ? new ReusingInstanceValidator(chain, MAX_IDLE_VALIDATORS)
        : new FhirInstanceValidator(chain);
    instanceValidator.setErrorForUnknownProfiles(false);
    this.validator = FhirR4.CONTEXT.newValidator().setValidateAgainstStandardSchema(false)
        .setValidateAgainstStandardSchematron(false);
    validator.registerValidatorModule(instanceValidator);
  }

  /** Base R4 definitions and the code systems that can be checked offline. */
  static ValidationSupportChain chain() {
    return new ValidationSupportChain(
        new DefaultProfileValidationSupport(FhirR4.CONTEXT),
        new InMemoryTerminologyServerValidationSupport(FhirR4.CONTEXT),
        new CommonCodeSystemsTerminologyService(FhirR4.CONTEXT));
  }

  /** Errors and warnings of the document's text (information messages are dropped). */
  public List<Problem> validate(String text) {
    ValidationResult result;
    try {
      result = validator.validateWithResult(text);
    } catch (RuntimeException e) {
      // HAPI refuses some inputs by exception; that is an answer, not a crash (and its text is Java's, not the
      // client's business)
      return List.of(Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "the validator cannot process this document as"
          + " FHIR R4 (" + e.getClass().getSimpleName() + "); check that it is one resource with a resourceType and"
          + " that meta, references and identifiers have FHIR's shapes"));
    }
    List<Problem> problems = new ArrayList<>();
    for (SingleValidationMessage message : result.getMessages()) {
      Severity severity = severity(message);
      if (severity != null) {
        ProblemCode code = severity == Severity.ERROR ? ProblemCode.FHIR_INVALID : ProblemCode.FHIR_WARNING;
        problems.add(new Problem(code, severity, FhirR4.brief(message.getMessage()), location(message)));
      }
    }
    return problems;
  }

  /**
   * HAPI's severity, except that R5 cross-version extensions (http://hl7.org/fhir/5.0/StructureDefinition/extension-...,
   * which the DEQM guide uses) are a warning: this validator build has no cross-version definitions to check them by,
   * as it has no QI-Core or DEQM profiles.
   */
  private static Severity severity(SingleValidationMessage message) {
    if (CROSS_VERSION_EXTENSION.equals(message.getMessageId())) {
      return Severity.WARNING;
    }
    return switch (message.getSeverity()) {
      case ERROR, FATAL -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      case INFORMATION -> null;
    };
  }

  /** A FHIRPath without HAPI's inline comments ({@code /*Patient/1*}{@code /}), with the line where known. */
  private static Location location(SingleValidationMessage message) {
    String path = message.getLocationString() == null ? "$"
        : message.getLocationString().replaceAll("/\\*.*?\\*/", "");
    Integer line = message.getLocationLine();
    Integer column = message.getLocationCol();
    return line == null || line <= 0 ? Location.of(path) : Location.at(path, line, column == null ? 0 : column);
  }
}

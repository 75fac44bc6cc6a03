package gov.qpp.validators.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * HAPI's FhirInstanceValidator, except that the core InstanceValidators are kept and reused instead of built per
 * call. HAPI 8.8.1 builds a new one for every document, and its constructor re-reads a 1.5 MB OID list: about
 * 10 ms, most of a small bundle's validation. Each reused validator is configured exactly as HAPI configures a new
 * one, runs one document at a time, and is reset between documents (the per-document state the core leaves
 * behind; see {@link Reusable#reset}). ReusingValidatorEquivalenceTest checks that every message equals stock HAPI's.
 *
 * <p>Settings must be made before the first validation. The reset reads private fields of core 6.7.9 by name: a
 * core upgrade that renames one fails at class load, not silently; re-run the equivalence test after any upgrade.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator {

  private static final Gson GSON = new Gson();

  private final ConcurrentLinkedDeque<Reusable> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  /** At most this many validators are kept (about one per intake thread); more threads build, use, drop. */
  private final int maxIdle;

  ReusingInstanceValidator(IValidationSupport support, int maxIdle) {
    super(support);
    this.maxIdle = maxIdle;
  }

  @Override
  protected List<ValidationMessage> validate(IValidationContext<?> context) {
    WorkerContextValidationSupportAdapter worker = provideWorkerContext();
    Reusable validator = idle.pollFirst();
    if (validator != null) {
      idleCount.decrementAndGet();
    }
    if (validator == null || validator.worker != worker) {
      validator = configured(new Reusable(worker));
    }
    List<ValidationMessage> messages = validateWith(validator, worker, context);
    // kept only after a document that ran to its end: a failure may leave state behind
    validator.reset();
    if (idleCount.incrementAndGet() <= maxIdle) {
      idle.offerFirst(validator);
    } else {
      idleCount.decrementAndGet();
    }
    return messages;
  }

  /** The settings HAPI gives each new InstanceValidator, from this module's own settings. */
  private Reusable configured(Reusable validator) {
    validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
    validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(isNoTerminologyChecks());
    validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    validator.setUnknownCodeSystemsCauseErrors(true);
    if (getExtensionDomains() != null) {
      validator.getExtensionDomains().addAll(getExtensionDomains());
    }
    validator.setFetcher(getValidatorResourceFetcher());
    validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
    validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
    validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    validator.setAllowExamples(isAllowExamples());
    validator.setAllowXsiLocation(true);
    return validator;
  }

  /** One document, as HAPI's wrapper runs it: declared profiles, the core validation, the same message filter. */
  private List<ValidationMessage> validateWith(Reusable validator, IWorkerContext worker,
      IValidationContext<?> context) {
    List<ValidationMessage> messages = new ArrayList<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    List<ValidationMessage> unknownProfiles = new ArrayList<>();
    context.getOptions().getProfiles().forEach(url -> profile(worker, url, profiles, unknownProfiles));
    String text = context.getResourceAsString();
    EncodingEnum encoding = context.getResourceAsStringEncoding();
    if (encoding == EncodingEnum.XML) {
      Document document;
      try {
        document = XmlUtil.parseDocument(text);
      } catch (Exception e) {
        ValidationMessage message = new ValidationMessage();
        message.setLevel(ValidationMessage.IssueSeverity.FATAL);
        message.setMessage("Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
        return List.of(message);
      }
      xmlMetaProfiles(document).forEach(url -> profile(worker, url, profiles, unknownProfiles));
      validator.validate(null, messages, utf8(text), Manager.FhirFormat.XML, profiles);
    } else if (encoding == EncodingEnum.JSON) {
      jsonMetaProfiles(text).forEach(url -> profile(worker, url, profiles, unknownProfiles));
      validator.validate(context.getOptions().getAppContext(), messages, utf8(text), Manager.FhirFormat.JSON,
          profiles);
    } else {
      throw new IllegalArgumentException("no FHIR encoding: " + encoding);
    }
    if (profiles.isEmpty()) {
      messages.addAll(unknownProfiles);
    }
    List<ValidationMessage> kept = new ArrayList<>(messages.size());
    for (ValidationMessage message : messages) {
      String id = message.getMessageId();
      boolean noise = I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
          || I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id)
          && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes");
      if (noise) {
        continue;
      }
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
        message.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR
            : ValidationMessage.IssueSeverity.WARNING);
      }
      kept.add(message);
    }
    return kept;
  }

  private static ByteArrayInputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void profile(IWorkerContext worker, String url, List<StructureDefinition> profiles,
      List<ValidationMessage> unknown) {
    try {
      StructureDefinition definition = worker.fetchResource(StructureDefinition.class, url);
      if (definition != null) {
        profiles.add(definition);
        return;
      }
      ValidationMessage message = new ValidationMessage();
      message.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
      message.setLevel(ValidationMessage.IssueSeverity.ERROR);
      message.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
      unknown.add(message);
    } catch (FHIRException e) {
      // as HAPI: a profile that fails to load is left out
    }
  }

  /**
   * The root's meta.profile (HAPI reads the whole document with Gson for this, and so do we). A meta or profile of
   * the wrong shape is left to the validator, which reports it at its place; HAPI's wrapper would throw instead.
   */
  private static List<String> jsonMetaProfiles(String text) {
    List<String> urls = new ArrayList<>();
    JsonElement meta = GSON.fromJson(text, JsonObject.class).get("meta");
    JsonElement profiles = meta != null && meta.isJsonObject() ? meta.getAsJsonObject().get("profile") : null;
    if (profiles != null && profiles.isJsonArray()) {
      for (JsonElement url : (JsonArray) profiles) {
        if (url.isJsonPrimitive() && url.getAsJsonPrimitive().isString()) {
          urls.add(url.getAsString());
        }
      }
    }
    return urls;
  }

  private static List<String> xmlMetaProfiles(Document document) {
    List<String> urls = new ArrayList<>();
    NodeList children = document.getChildNodes().item(0).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeName().equalsIgnoreCase("meta")) {
        NodeList meta = child.getChildNodes();
        for (int j = 0; j < meta.getLength(); j++) {
          Node value = meta.item(j).getNodeName().equalsIgnoreCase("profile") && meta.item(j).hasAttributes()
              ? meta.item(j).getAttributes().getNamedItem("value") : null;
          if (value != null) {
            urls.add(value.getNodeValue());
          }
        }
        break;
      }
    }
    return urls;
  }

  /** A core InstanceValidator that can be cleared between documents. */
  private static final class Reusable extends InstanceValidator {
    // per-document state of org.hl7.fhir.validation 6.7.9 that validate(...) itself does not clear
    private static final Field TEXT_KEYS = field(InstanceValidator.class, "textsToCheckKeys");
    private static final Field FETCH_CACHE = field(InstanceValidator.class, "fetchCache");
    private static final Field RESOURCE_TRACKER = field(InstanceValidator.class, "resourceTracker");
    private static final Field CR_LOOKUPS = field(InstanceValidator.class, "crLookups");
    /** Narrative anchors, keyed by element: would keep every document's element tree alive. */
    private static final Field XHTML_ELEMENTS = field(InstanceValidator.class, "xhtmlElementMap");
    private static final Field CODING_OBSERVER = field(InstanceValidator.class, "codingObserver");
    private static final Field CODINGS = field(CODING_OBSERVER.getType(), "list");

    final IWorkerContext worker;

    Reusable(IWorkerContext worker) {
      super(worker, new FhirInstanceValidator.NullEvaluationContext(), new XVerExtensionManagerOld(worker),
          new ValidatorSession(), new ValidatorSettings());
      this.worker = worker;
    }

    /**
     * Back to the state of a new validator. statusWarnings matters most: it silences repeated "depends on a
     * retired definition" hints for the validator's lifetime, so a reused one would lose them on later documents.
     * The rest would grow without bound or keep the last document alive.
     */
    void reset() {
      statusWarnings.clear();
      trackedMessages.clear();
      messagesToRemove.clear();
      getTextsToCheck().clear();
      validatedContent = null;
      try {
        ((Collection<?>) TEXT_KEYS.get(this)).clear();
        ((Map<?, ?>) FETCH_CACHE.get(this)).clear();
        ((Map<?, ?>) RESOURCE_TRACKER.get(this)).clear();
        ((Map<?, ?>) CR_LOOKUPS.get(this)).clear();
        ((Map<?, ?>) XHTML_ELEMENTS.get(this)).clear();
        ((Collection<?>) CODINGS.get(CODING_OBSERVER.get(this))).clear();
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Field field(Class<?> type, String name) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        throw new ExceptionInInitializerError("the FHIR core's InstanceValidator has no field " + name
            + " any more: re-audit its per-document state before reusing it");
      }
    }
  }
}

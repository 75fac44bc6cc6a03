package gov.qpp.validators.fhir;

import static gov.qpp.validators.fhir.FhirFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import gov.qpp.validators.SharedFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * No validation is lost by reusing HAPI's core validators: on our fixtures (valid, broken, XML) and every public FHIR
 * file, one reused validator gives, message for message and in order, what stock HAPI gives, whatever document
 * came before; and a reused validator keeps repeating the hints that the core suppresses for a validator's
 * lifetime.
 */
class ReusingValidatorEquivalenceTest {

  static FhirValidator validator(FhirInstanceValidator module) {
    module.setErrorForUnknownProfiles(false);
    FhirValidator validator = FhirR4.CONTEXT.newValidator();
    validator.registerValidatorModule(module);
    return validator;
  }

  static List<String> messages(FhirValidator validator, String document) {
    List<String> all = new ArrayList<>();
    for (SingleValidationMessage m : validator.validateWithResult(document).getMessages()) {
      all.add(m.getSeverity() + " | " + m.getLocationString() + " | " + m.getLocationLine() + ":"
          + m.getLocationCol() + " | " + m.getMessageId() + " | " + m.getMessage() + " | " + m.getSliceMessages());
    }
    return all;
  }

  static Map<String, String> documents() throws Exception {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("group summary", groupBundle(summary(typicalCounts())).toString());
    documents.put("individual reports", groupBundle(individual("p1", typicalCounts()),
        individual("p2", typicalCounts()), patient("p1"), patient("p2")).toString());
    documents.put("broken", groupBundle(summary(typicalCounts()).put("status", "finished"),
        patient("p3").put("gender", "woman").put("birthDate", "yesterday")).toString());
    documents.put("xml", new String(xml(groupBundle(summary(typicalCounts()), patient("p4"))),
        StandardCharsets.UTF_8));
    Path corpus = SharedFolder.corpus("fhir").orElse(null);
    if (corpus != null) {
      try (Stream<Path> files = Files.walk(corpus)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          documents.put(corpus.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return documents;
  }

  @Test
  void reusedValidatorSaysWhatStockHapiSays() throws Exception {
    Map<String, String> documents = documents();
    FhirValidator stock = validator(new FhirInstanceValidator(BaseR4Validator.chain()));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    documents.forEach((name, text) -> expected.put(name, messages(stock, text)));
    // one reused validator for every call, documents in several orders
    FhirValidator reused = validator(new ReusingInstanceValidator(BaseR4Validator.chain(), 1));
    List<String> order = new ArrayList<>(documents.keySet());
    Random random = new Random(7);
    for (int pass = 0; pass < 3; pass++) {
      for (String name : order) {
        assertEquals(expected.get(name), messages(reused, documents.get(name)), name + ", pass " + pass);
      }
      Collections.shuffle(order, random);
    }
    assertTrue(expected.get("broken").stream().anyMatch(m -> m.startsWith("ERROR")), "the broken bundle has errors");
  }

  @Test
  void hintsTheCoreSilencesPerValidatorAreRepeatedPerDocument() {
    String retired = "http://example.org/fhir/StructureDefinition/retired-birthPlace";
    StructureDefinition definition = (StructureDefinition) new DefaultProfileValidationSupport(FhirR4.CONTEXT)
        .fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/patient-birthPlace");
    definition = definition.copy();
    definition.setId("retired-birthPlace");
    definition.setUrl(retired);
    definition.setStatus(Enumerations.PublicationStatus.RETIRED);
    PrePopulatedValidationSupport extra = new PrePopulatedValidationSupport(FhirR4.CONTEXT);
    extra.addStructureDefinition(definition);
    String patient = "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"" + retired
        + "\",\"valueAddress\":{\"city\":\"Springfield\"}}],\"gender\":\"female\"}";
    FhirValidator stock = validator(new FhirInstanceValidator(new ValidationSupportChain(
        BaseR4Validator.chain(), extra)));
    List<String> expected = messages(stock, patient);
    assertTrue(expected.stream().anyMatch(m -> m.toLowerCase().contains("retired")), expected.toString());
    FhirValidator reused = validator(new ReusingInstanceValidator(new ValidationSupportChain(
        BaseR4Validator.chain(), extra), 1));
    for (int call = 0; call < 3; call++) {
      assertEquals(expected, messages(reused, patient), "call " + call);
    }
  }
}

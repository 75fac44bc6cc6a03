package gov.qpp.validators.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.FhirValidator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reused core validator keeps nothing of the documents it has seen: after documents that fill its per-document
 * state (a narrative with an anchor, bundle references, codings), every collection field of the core validator
 * classes is empty again, except the ones listed here as configuration. A new field in a core upgrade fails this
 * test until someone decides which of the two it is.
 */
class ReusedValidatorResetTest {

  /** Filled by configuration when the validator is built, the same for every document. */
  static final Set<String> CONFIGURATION = Set.of();

  @Test
  void nothingOfADocumentStaysInAReusedValidator() throws Exception {
    ReusingInstanceValidator module = new ReusingInstanceValidator(BaseR4Validator.chain(), 1);
    module.setErrorForUnknownProfiles(false);
    FhirValidator validator = FhirR4.CONTEXT.newValidator();
    validator.registerValidatorModule(module);
    String narrative = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":"
        + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><a href=\\\"#x\\\">see</a><p id=\\\"x\\\">x</p></div>\"},"
        + "\"gender\":\"female\"}";
    validator.validateWithResult(narrative);
    validator.validateWithResult(FhirFixtures.groupBundle(FhirFixtures.individual("p1", FhirFixtures.typicalCounts()),
        FhirFixtures.patient("p1")).toString());
    Object reused = idle(module).peekFirst();
    List<String> kept = new ArrayList<>();
    for (Class<?> type = reused.getClass().getSuperclass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        Object value = field.get(reused);
        boolean filled = value instanceof Collection<?> collection && !collection.isEmpty()
            || value instanceof Map<?, ?> map && !map.isEmpty();
        String name = type.getSimpleName() + "." + field.getName();
        if (filled && !CONFIGURATION.contains(name)) {
          kept.add(name + " (" + (value instanceof Map<?, ?> m ? m.size() : ((Collection<?>) value).size()) + ")");
        }
      }
    }
    assertEquals(List.of(), kept, "per-document state left in a reused validator");
    assertTrue(idle(module).size() == 1);
  }

  private static Deque<?> idle(ReusingInstanceValidator module) throws Exception {
    Field field = ReusingInstanceValidator.class.getDeclaredField("idle");
    field.setAccessible(true);
    return (Deque<?>) field.get(module);
  }
}

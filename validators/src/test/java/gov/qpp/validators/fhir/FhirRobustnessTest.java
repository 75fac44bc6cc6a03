package gov.qpp.validators.fhir;

import static gov.qpp.validators.fhir.FhirFixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.rules.IntakeResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged documents never make the intake throw: every field of an accepted bundle is in turn removed or replaced by
 * a value of a wrong type or an unknown code, and each copy gets an answer (problems, or a valid submission), and
 * every copy whose answer is a refusal names at least one error with a location.
 */
class FhirRobustnessTest {

  static FhirIntake intake;

  @BeforeAll
  static void build() {
    intake = new FhirIntake(PackedCatalog.get(), SharedValidator.get(), Map.of());
  }

  static final List<JsonNode> REPLACEMENTS = List.of(JsonNodeFactory.instance.textNode("not-a-code"),
      JsonNodeFactory.instance.numberNode(-7), JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.nullNode());

  @Test
  void everyFieldDamagedInTurnGetsAnAnswer() {
    ObjectNode report = summary(typicalCounts());
    report.putObject("reporter").put("reference", "PractitionerRole/role");
    ObjectNode original = bundle("collection", report, role("role", "Practitioner/doc", "Organization/practice"),
        practitioner("doc", NPI), organization("practice", TIN), device(CEHRT));
    assertTrue(intake.intake(bytes(original)).accepted(), "the undamaged bundle is accepted");
    List<List<Object>> paths = new ArrayList<>();
    collect(original, new ArrayList<>(), paths);
    int copies = 0;
    for (List<Object> path : paths) {
      for (JsonNode replacement : REPLACEMENTS) {
        ObjectNode copy = original.deepCopy();
        set(copy, path, replacement);
        check(copy, path + " = " + replacement);
        copies++;
      }
      ObjectNode copy = original.deepCopy();
      remove(copy, path);
      check(copy, path + " removed");
      copies++;
    }
    assertTrue(copies > 300, "damaged copies: " + copies);
  }

  @Test
  void truncatedDocumentsGetAnAnswer() {
    byte[] whole = bytes(groupBundle(summary(typicalCounts())));
    for (int length = 0; length < whole.length; length += 37) {
      byte[] part = java.util.Arrays.copyOf(whole, length);
      IntakeResult result = intake.intake(part);
      assertFalse(result.accepted(), "truncated at " + length);
    }
    byte[] xml = xml(groupBundle(summary(typicalCounts())));
    for (int length = 0; length < xml.length; length += 53) {
      assertFalse(intake.intake(java.util.Arrays.copyOf(xml, length)).accepted(), "xml truncated at " + length);
    }
  }

  @Test
  void nonUtf8AndBinaryGetAnAnswer() {
    assertFalse(intake.intake(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}).accepted());
    assertFalse(intake.intake("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8)).accepted());
    assertFalse(intake.intake(new byte[0]).accepted());
  }

  private static void check(ObjectNode copy, String what) {
    IntakeResult result;
    try {
      result = intake.intake(bytes(copy));
    } catch (RuntimeException e) {
      throw new AssertionError("intake threw on " + what, e);
    }
    if (!result.accepted()) {
      List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
      assertFalse(errors.isEmpty(), what + ": refused without an error");
      errors.forEach(error -> assertNotNull(error.location().toString(), what));
    }
  }

  private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        List<Object> child = new ArrayList<>(path);
        child.add(field.getKey());
        if (!field.getKey().equals("resourceType")) {
          out.add(child);
        }
        collect(field.getValue(), child, out);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        collect(node.get(i), child, out);
      }
    }
  }

  private static JsonNode parent(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path.subList(0, path.size() - 1)) {
      node = step instanceof Integer i ? node.get(i) : node.get((String) step);
    }
    return node;
  }

  private static void set(ObjectNode root, List<Object> path, JsonNode value) {
    JsonNode parent = parent(root, path);
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set((String) last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set((Integer) last, value);
    }
  }

  private static void remove(ObjectNode root, List<Object> path) {
    JsonNode parent = parent(root, path);
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.remove((String) last);
    } else if (parent instanceof ArrayNode array) {
      array.remove((Integer) last);
    }
  }
}

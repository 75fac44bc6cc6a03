package gov.qpp.validators.registry;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads of one JSON object's fields that turn every mistake into a problem at a JSON path instead of an
 * exception. A read of a missing or mistyped field returns null after recording the problem.
 */
final class JsonFields {

  private final JsonNode object;
  private final String path;
  private final Problems problems;

  JsonFields(JsonNode object, String path, Problems problems) {
    this.object = object;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  String pathOf(String field) {
    return path + "." + field;
  }

  boolean has(String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  JsonNode raw(String field) {
    return object.get(field);
  }

  /** Reports fields that are neither {@code known} nor {@code ignored} (server-set fields clients may echo). */
  void rejectUnknown(Set<String> known, Set<String> ignored) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name) && !ignored.contains(name)) {
        problems.add(ProblemCode.JSON_UNKNOWN_FIELD, pathOf(name),
            "field '" + name + "' is not part of this object; allowed fields are "
                + String.join(", ", new java.util.TreeSet<>(known))); // sorted: a Set.of's order changes per run
      }
    }
  }

  String text(String field, boolean required) {
    JsonNode value = present(field, required, "a string");
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      wrongType(field, value, "a string");
      return null;
    }
    return value.textValue();
  }

  Boolean bool(String field, boolean required) {
    JsonNode value = present(field, required, "true or false");
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      wrongType(field, value, "true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** A whole number; negative counts are reported as NEGATIVE_COUNT. */
  Long count(String field, boolean required) {
    JsonNode value = present(field, required, "a whole number ≥ 0");
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      wrongType(field, value, "a whole number ≥ 0");
      return null;
    }
    long number = value.longValue();
    if (number < 0) {
      problems.add(ProblemCode.NEGATIVE_COUNT, pathOf(field), "'" + field + "' is " + number + "; counts cannot be negative");
      return null;
    }
    return number;
  }

  Integer integer(String field, boolean required) {
    JsonNode value = present(field, required, "a whole number");
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      wrongType(field, value, "a whole number");
      return null;
    }
    return value.intValue();
  }

  Double number(String field, boolean required) {
    JsonNode value = present(field, required, "a number");
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      wrongType(field, value, "a number");
      return null;
    }
    return value.doubleValue();
  }

  private JsonNode present(String field, boolean required, String expected) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(ProblemCode.JSON_MISSING_FIELD, pathOf(field), "'" + field + "' is required: " + expected);
      }
      return null;
    }
    return value;
  }

  private void wrongType(String field, JsonNode value, String expected) {
    problems.add(ProblemCode.JSON_WRONG_TYPE, pathOf(field),
        "'" + field + "' must be " + expected + ", found " + describe(value));
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      return "the string \"" + Excerpt.of(text) + "\"";
    }
    if (value.isContainerNode()) {
      return value.isArray() ? "an array" : "an object";
    }
    return value.getNodeType().name().toLowerCase() + " " + value.asText();
  }
}

package gov.qpp.validators.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A node of a catalog file that knows its file and path, so that every read of a missing or mistyped field
 * fails with a message naming both (for example {@code measures/2022/measures-data.json $[12].metricType}).
 */
record CatalogNode(String file, String path, JsonNode node) {

  CatalogNode field(String name) {
    return new CatalogNode(file, path + "." + name, node.path(name));
  }

  boolean has(String name) {
    JsonNode child = node.get(name);
    return child != null && !child.isNull();
  }

  String requiredText(String name) {
    CatalogNode child = field(name);
    if (!child.node.isTextual()) {
      throw child.fail("expected a string");
    }
    return child.node.textValue();
  }

  /** A string, or null when absent or null; numbers are read as their text (some ids are numbers in old years). */
  String optionalText(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return null;
    }
    if (!child.isValueNode()) {
      throw field(name).fail("expected a string");
    }
    return child.asText();
  }

  int requiredInt(String name) {
    CatalogNode child = field(name);
    if (!child.node.canConvertToInt() || !child.node.isIntegralNumber()) {
      throw child.fail("expected an integer");
    }
    return child.node.intValue();
  }

  Integer optionalInt(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return null;
    }
    return requiredInt(name);
  }

  boolean optionalBoolean(String name, boolean absent) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return absent;
    }
    if (!child.isBoolean()) {
      throw field(name).fail("expected true or false");
    }
    return child.booleanValue();
  }

  double number() {
    if (!node.isNumber()) {
      throw fail("expected a number");
    }
    return node.doubleValue();
  }

  /** The elements of an array field, or an empty list when the field is absent or null. */
  List<CatalogNode> optionalArray(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return List.of();
    }
    return field(name).elements();
  }

  List<CatalogNode> elements() {
    if (!node.isArray()) {
      throw fail("expected an array");
    }
    List<CatalogNode> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new CatalogNode(file, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** A list of strings; a lone string counts as a list of one (CMS's 2018-2020 files write PI exclusions so). */
  List<String> optionalTextList(String name) {
    JsonNode child = node.get(name);
    if (child != null && child.isTextual()) {
      return List.of(child.textValue());
    }
    return map(optionalArray(name), element -> {
      if (!element.node.isTextual()) {
        throw element.fail("expected a string");
      }
      return element.node.textValue();
    });
  }

  static <T> List<T> map(List<CatalogNode> nodes, Function<CatalogNode, T> reader) {
    List<T> out = new ArrayList<>(nodes.size());
    for (CatalogNode node : nodes) {
      out.add(reader.apply(node));
    }
    return List.copyOf(out);
  }

  CatalogException fail(String what) {
    return new CatalogException(file + " " + path + ": " + what
        + (node.isMissingNode() ? " (missing)" : ", found " + node.getNodeType().name().toLowerCase()));
  }
}

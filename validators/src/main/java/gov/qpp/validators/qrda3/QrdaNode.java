package gov.qpp.validators.qrda3;

import gov.qpp.validators.problems.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element of the QRDA III document that carries a known template, with the values read from inside it (not
 * from nested nodes) and its nested nodes. Where it is: an XPath-like path plus the line and column of its
 * start tag.
 */
final class QrdaNode {

  final Template template;
  final String path;
  final int line;
  final int column;
  final List<QrdaNode> children = new ArrayList<>();
  private final Map<String, List<Value>> values = new LinkedHashMap<>();

  /** A value read from the document, with where it was. */
  record Value(String text, int line, int column) {
  }

  QrdaNode(Template template, String path, int line, int column) {
    this.template = template;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  void add(String key, String value, int valueLine, int valueColumn) {
    values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Value(value, valueLine, valueColumn));
  }

  /** Every value read for the key, in document order. */
  List<Value> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** The first value read for the key, or null. */
  String first(String key) {
    List<Value> all = all(key);
    return all.isEmpty() ? null : all.get(0).text();
  }

  /** Where the first value of the key was, or the node itself when it has none. */
  Location locationOf(String key) {
    List<Value> all = all(key);
    return all.isEmpty() ? location() : Location.at(path, all.get(0).line(), all.get(0).column());
  }

  List<QrdaNode> children(Template type) {
    return children.stream().filter(child -> child.template == type).toList();
  }

  /** Nested nodes of a type at any depth. */
  List<QrdaNode> descendants(Template type) {
    List<QrdaNode> found = new ArrayList<>();
    for (QrdaNode child : children) {
      if (child.template == type) {
        found.add(child);
      }
      found.addAll(child.descendants(type));
    }
    return found;
  }

  Location location() {
    return Location.at(path, line, column);
  }
}

package gov.qpp.validators.qrda3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our own valid QRDA III report ({@code src/test/resources/qrda3/valid-2021-individual.xml}, read with the packed
 * catalog that every build has) as text, with the small textual edits the tests make to it (each returns a new
 * document), and the assertions they share. {@link #valid2025()} is the same report for 2025, read with the shared
 * folder's catalog, for the rules that start in 2025 or later (skipped without ../shared).
 *
 * <p>Edits find their place by anchors: {@link #at(String...)} takes a unique first anchor and then the first
 * occurrence of each further anchor after the previous one, e.g. {@code at(QUALITY_SECTION, "code=\"NUMER\"")}.
 */
final class Qrda3Document {

  static final String FIXTURE = "/qrda3/valid-2021-individual.xml";
  static final String FIXTURE_2025 = "/qrda3/valid-2025-individual.xml";

  // --- anchors in the fixture (each unique where it is used first)
  static final String QUALITY_SECTION = "root=\"2.16.840.1.113883.10.20.27.2.1\"";
  static final String IA_SECTION = "root=\"2.16.840.1.113883.10.20.27.2.4\"";
  static final String PI_SECTION = "root=\"2.16.840.1.113883.10.20.27.2.5\"";
  static final String REPORTING_PARAMETERS = "root=\"2.16.840.1.113883.10.20.17.3.8\"";
  static final String MEASURE_REFERENCE = "root=\"2.16.840.1.113883.10.20.27.3.17\"";
  static final String MEASURE_DATA = "root=\"2.16.840.1.113883.10.20.27.3.16\"";
  static final String AGGREGATE_COUNT = "root=\"2.16.840.1.113883.10.20.27.3.3\"";
  static final String PERFORMANCE_RATE = "root=\"2.16.840.1.113883.10.20.27.3.25\"";
  static final String IA_MEASURE = "root=\"2.16.840.1.113883.10.20.27.3.33\"";
  static final String MEASURE_PERFORMED = "root=\"2.16.840.1.113883.10.20.27.3.27\"";
  static final String PI_PROPORTION = "root=\"2.16.840.1.113883.10.20.27.3.28\"";
  static final String PI_NUMERATOR = "root=\"2.16.840.1.113883.10.20.27.3.31\"";
  static final String PROGRAM_ID = "root=\"2.16.840.1.113883.3.249.7\"";
  static final String NPI_ID = "root=\"2.16.840.1.113883.4.6\"";
  static final String MEASURE_GUID_ID = "root=\"2.16.840.1.113883.4.738\"";

  // --- the values of the fixture (catalog 2021: measure 134 is CMS2v10; in 2025's fixture it is CMS2v14)
  static final String NPI = "1234567893";
  static final String TIN = "000456789";
  static final String CEHRT_ID = "0015C01ABCDEFGH";
  static final String MEASURE_134_GUID = "2c928085-7198-38ee-0171-9989a2cf03d2";
  static final String IPOP_UUID = "D5104BF0-8328-47AC-862A-379E5A8323FA";
  static final String DENOM_UUID = "B172437E-0F4D-40C4-B707-996315432E53";
  static final String NUMER_UUID = "BB36DD9F-8AEC-40B3-B377-192F7CEE77C8";
  static final String DENEXCEP_UUID = "D64A72F7-224F-486A-805C-CBA9BD06354F";
  static final String DENEX_UUID = "671BD08B-E02D-44F4-85B0-CB776CB0D029";

  // --- where the fixture's nodes are, as the adapter's locations spell them
  static final String DOCUMENT_PATH = "/ClinicalDocument";
  static final String BODY_PATH = DOCUMENT_PATH + "/component/structuredBody";
  static final String QUALITY_PATH = BODY_PATH + "/component/section";
  static final String IA_PATH = BODY_PATH + "/component[2]/section";
  static final String PI_PATH = BODY_PATH + "/component[3]/section";
  static final String MEASURE_PATH = QUALITY_PATH + "/entry[2]/organizer";
  static final String PERFORMANCE_RATE_PATH = MEASURE_PATH + "/component/observation";
  static final String IPOP_PATH = MEASURE_PATH + "/component[2]/observation";
  static final String DENOM_PATH = MEASURE_PATH + "/component[3]/observation";
  static final String NUMER_PATH = MEASURE_PATH + "/component[4]/observation";
  static final String DENEXCEP_PATH = MEASURE_PATH + "/component[5]/observation";
  static final String DENEX_PATH = MEASURE_PATH + "/component[6]/observation";
  /** The aggregate count sits in the measure data's (only) entryRelationship. */
  static final String COUNT_IN = "/entryRelationship/observation";
  static final String IA_MEASURE_PATH = IA_PATH + "/entry[2]/organizer";
  static final String PI_PROPORTION_PATH = PI_PATH + "/entry[2]/organizer";

  private static final Pattern NODE_LOCATION = Pattern.compile("(.*) \\(line (\\d+), column (\\d+)\\)");

  private final String xml;
  private final Supplier<MeasureCatalog> catalog;

  private Qrda3Document(String xml, Supplier<MeasureCatalog> catalog) {
    this.xml = xml;
    this.catalog = catalog;
  }

  /** The 2021 report, read with the packed catalog. */
  static Qrda3Document valid() {
    return new Qrda3Document(read(FIXTURE), PackedCatalog::get);
  }

  /** The 2025 report, read with the shared folder's catalog: skipped (here, at once) when ../shared is absent. */
  static Qrda3Document valid2025() {
    TestCatalog.get();
    return new Qrda3Document(read(FIXTURE_2025), TestCatalog::get);
  }

  private static String read(String resource) {
    try (InputStream in = Qrda3Document.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String xml() {
    return xml;
  }

  IntakeResult intake() {
    return new Qrda3Intake(catalog.get()).intake(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** The catalog this document is read with. */
  MeasureCatalog catalog() {
    return catalog.get();
  }

  // --- edits

  /** Replaces the one occurrence of {@code from} (fails when it occurs zero or several times). */
  Qrda3Document replace(String from, String to) {
    return at(from).replace(from, to);
  }

  /** Replaces every occurrence of {@code from} (there must be at least one). */
  Qrda3Document replaceEvery(String from, String to) {
    assertTrue(xml.contains(from), "fixture has no '" + from + "'");
    return new Qrda3Document(xml.replace(from, to), catalog);
  }

  /** Appends text after the document's last character. */
  Qrda3Document append(String text) {
    return new Qrda3Document(xml + text, catalog);
  }

  /** A place in the document: the first anchor must be unique, each further one is the next occurrence after. */
  Spot at(String... anchors) {
    int first = xml.indexOf(anchors[0]);
    if (first < 0 || xml.indexOf(anchors[0], first + 1) >= 0) {
      fail("anchor '" + anchors[0] + "' must occur exactly once, found " + (first < 0 ? "none" : "several"));
    }
    int index = first;
    for (int i = 1; i < anchors.length; i++) {
      index = xml.indexOf(anchors[i], index + anchors[i - 1].length());
      if (index < 0) {
        fail("no '" + anchors[i] + "' after '" + anchors[i - 1] + "'");
      }
    }
    return new Spot(index);
  }

  /** The 1-based line of the first occurrence of the anchors, as {@link #at(String...)} finds them. */
  int lineOf(String... anchors) {
    return at(anchors).line();
  }

  /** One position in the text, from which the edit is made. */
  final class Spot {
    private final int index;

    private Spot(int index) {
      this.index = index;
    }

    /** The place of the last {@code text} before this one (e.g. the templateId of the node around it). */
    Spot back(String text) {
      int at = xml.lastIndexOf(text, index);
      assertTrue(at >= 0, "no '" + text + "' before the anchor");
      return new Spot(at);
    }

    int line() {
      return (int) xml.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Replaces the first {@code from} at or after this place. */
    Qrda3Document replace(String from, String to) {
      int at = xml.indexOf(from, index);
      assertTrue(at >= 0, "no '" + from + "' after the anchor");
      return new Qrda3Document(xml.substring(0, at) + to + xml.substring(at + from.length()), catalog);
    }

    /** Removes the innermost {@code <tag>} element around this place, with its lines. */
    Qrda3Document removeEnclosing(String tag) {
      int[] element = enclosingLines(tag);
      return new Qrda3Document(xml.substring(0, element[0]) + xml.substring(element[1]), catalog);
    }

    /** Inserts a copy of the innermost {@code <tag>} element around this place right after it. */
    Qrda3Document duplicateEnclosing(String tag) {
      int[] element = enclosingLines(tag);
      String copy = xml.substring(element[0], element[1]);
      return new Qrda3Document(xml.substring(0, element[1]) + copy + xml.substring(element[1]), catalog);
    }

    /** Inserts lines after the innermost {@code <tag>} element around this place. */
    Qrda3Document insertAfterEnclosing(String tag, String lines) {
      int end = enclosingLines(tag)[1];
      return new Qrda3Document(xml.substring(0, end) + lines + xml.substring(end), catalog);
    }

    /** Inserts lines before the line this place is on. */
    Qrda3Document insertBeforeLine(String lines) {
      int start = xml.lastIndexOf('\n', index) + 1;
      return new Qrda3Document(xml.substring(0, start) + lines + xml.substring(start), catalog);
    }

    /** From the start of the line of {@code <tag} to after the line of its {@code </tag>}. */
    private int[] enclosingLines(String tag) {
      for (int open = xml.lastIndexOf("<" + tag, index); open >= 0; open = xml.lastIndexOf("<" + tag, open - 1)) {
        if (!isTag(open, tag)) {
          continue;
        }
        int close = matchingClose(open, tag);
        if (close > index) {
          int start = xml.lastIndexOf('\n', open) + 1;
          int end = xml.indexOf('\n', close);
          return new int[] {start, end < 0 ? xml.length() : end + 1};
        }
      }
      throw new AssertionError("no <" + tag + "> around the anchor");
    }

    private boolean isTag(int at, String tag) {
      char next = xml.charAt(at + 1 + tag.length());
      return next == ' ' || next == '>' || next == '/' || next == '\n';
    }

    /** The index just after the element's end tag (or its self-closing start tag). */
    private int matchingClose(int open, String tag) {
      int depth = 0;
      int i = open;
      while (i < xml.length()) {
        int next = xml.indexOf('<', i);
        int end = xml.indexOf('>', next);
        String markup = xml.substring(next, end + 1);
        if (markup.startsWith("</" + tag + ">")) {
          depth--;
        } else if (markup.startsWith("<" + tag) && isTag(next, tag)) {
          depth += markup.endsWith("/>") ? 0 : 1;
          if (depth == 0) {
            return end + 1; // self-closing at the outermost level
          }
        }
        if (depth == 0) {
          return end + 1;
        }
        i = end + 1;
      }
      throw new AssertionError("<" + tag + "> is not closed");
    }
  }

  // --- assertions shared by the tests

  /** The codes of the result's errors (warnings left out), sorted for readable failure messages. */
  static Set<ProblemCode> errorCodes(IntakeResult result) {
    return result.problems().stream().filter(Problem::isError).map(Problem::code)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The one problem with the code (fails when there is none or several). */
  static Problem the(ProblemCode code, IntakeResult result) {
    List<Problem> found = result.problems().stream().filter(p -> p.code() == code).toList();
    assertEquals(1, found.size(), () -> "expected one " + code + " among " + result.problems());
    return found.get(0);
  }

  /**
   * The document is refused for exactly these error codes, and the one problem with the first code is returned.
   * Asserting the whole set proves the edit made only the mistake the test is about.
   */
  static Problem rejectedFor(IntakeResult result, ProblemCode code, ProblemCode... alsoExpected) {
    Set<ProblemCode> expected = new TreeSet<>(List.of(alsoExpected));
    expected.add(code);
    assertEquals(expected, errorCodes(result), () -> "problems: " + result.problems());
    assertFalse(result.accepted(), "the document should be refused");
    return the(code, result);
  }

  /** A node location: exactly this element path, on this line (the line of the node's templateId or value). */
  static void assertLocation(String path, int line, Problem problem) {
    Matcher matcher = NODE_LOCATION.matcher(problem.location().toString());
    assertTrue(matcher.matches(), () -> "not a 'path (line n, column m)' location: " + problem.location().toString());
    assertEquals(path, matcher.group(1), () -> "path of " + problem);
    assertEquals(line, Integer.parseInt(matcher.group(2)), () -> "line of " + problem);
  }
}

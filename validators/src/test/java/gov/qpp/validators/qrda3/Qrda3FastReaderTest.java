package gov.qpp.validators.qrda3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.xml.FastXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast reader (Aalto, for documents in memory) gives exactly the streaming hardened reader's answer: on every
 * corpus file, and on documents at and past each limit it must hand over rather than read. Both readers use the same
 * catalog (the packed one: the answers are compared, not judged), so only the corpus test needs ../shared.
 */
class Qrda3FastReaderTest {

  private final Qrda3Intake intake = new Qrda3Intake(PackedCatalog.get());

  private void assertSameAnswer(byte[] document, String what) {
    assertEquals(intake.intake(new ByteArrayInputStream(document)), intake.intake(document), what);
  }

  private static String valid() {
    return Qrda3Document.valid().xml();
  }

  @Test
  void everyCorpusFileGetsTheSameAnswer() throws Exception {
    Path corpus = SharedFolder.corpus("qrda3").orElse(null);
    assumeTrue(corpus != null, "skipped: ../shared/corpus/qrda3 not found");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus.resolve("files"))) {
      files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      assertSameAnswer(Files.readAllBytes(file), file.toString());
    }
  }

  @Test
  void documentsPastEachLimitGetTheHardenedReadersAnswer() {
    String document = valid();
    String root = "<ClinicalDocument ";
    List<String> variants = List.of(
        // just past and just within the depth limit (the root is level 1)
        document.replace("</ClinicalDocument>", "<a>".repeat(99) + "</a>".repeat(99) + "</ClinicalDocument>"),
        document.replace("</ClinicalDocument>", "<a>".repeat(100) + "</a>".repeat(100) + "</ClinicalDocument>"),
        // an attribute over the attribute limit, and one just under it
        document.replace(root, root + "big=\"" + "x".repeat(70_000) + "\" "),
        document.replace(root, root + "big=\"" + "x".repeat(60_000) + "\" "),
        // a text over the token bound, under and over the text limit
        document.replace("</ClinicalDocument>", "x".repeat(100_000) + "</ClinicalDocument>"),
        document.replace("</ClinicalDocument>", "x".repeat(1_100_000) + "</ClinicalDocument>"),
        // 100 and 101 attributes on one element (the root's 2 namespace declarations count too)
        document.replace(root, root + attributes(98)),
        document.replace(root, root + attributes(99)),
        // a templateId whose root attribute is in a namespace (StAX: a null namespace matches any, in both readers)
        document.replace("<templateId root=\"2.16.840.1.113883.10.20.27.3.17\"",
            "<templateId xmlns:x=\"urn:x\" x:root=\"2.16.840.1.113883.10.20.27.3.17\""),
        // non-ASCII text, before elements on the same line too; XML 1.1; a byte-order mark
        document.replace("<templateId root=\"2.16.840.1.113883.10.20.27.3.17\"",
            "<!-- caf\u00e9 \u2265 --><templateId root=\"2.16.840.1.113883.10.20.27.3.17\""),
        document.replaceFirst("version=\"1.0\"", "version=\"1.1\""),
        "\ufeff" + document,
        // DTDs and entities
        "<!DOCTYPE r [<!ENTITY e \"x\">]>" + document,
        document.replace("</ClinicalDocument>", "&undeclared;</ClinicalDocument>"),
        document.replace("</ClinicalDocument>", "&amp;&#65;</ClinicalDocument>"),
        // encodings
        document.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"ISO-8859-1\""),
        document.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"UTF-16\""),
        // not well-formed, truncated, junk after the root
        document.replace("</ClinicalDocument>", "</ClinicalDocumen>"),
        document.substring(0, document.length() / 2),
        document + "<second/>");
    for (int i = 0; i < variants.size(); i++) {
      assertSameAnswer(variants.get(i).getBytes(StandardCharsets.UTF_8), "variant " + i);
    }
  }

  @Test
  void nonAsciiCharactersBeforeAProblemOnTheSameLineGiveTheSameColumn() {
    // One line (as minified documents are), characters of 2, 3 and 4 bytes before the elements, and a wrong NPI so
    // that the answer carries a location on that line.
    String oneLine = valid().replace("1234567893", "1234567890").replaceAll("\\R\\s*", " ")
        .replace("<templateId root=\"2.16.840.1.113883.10.20.27.1.1\"",
            "<!-- caf\u00e9 \u2265 \ud83d\ude00 --><templateId root=\"2.16.840.1.113883.10.20.27.1.1\"");
    assertSameAnswer(oneLine.getBytes(StandardCharsets.UTF_8), "one line with non-ASCII characters");
    assertFalse(intake.intake(oneLine.getBytes(StandardCharsets.UTF_8)).problems().isEmpty());
  }

  @Test
  void onlyPlainUtf8DocumentsAreOffered() throws Exception {
    FastXml.openAtRoot(valid().getBytes(StandardCharsets.UTF_8)).close();
    FastXml.openAtRoot((valid() + "<!-- \u00e9 -->").getBytes(StandardCharsets.UTF_8)).close();
    for (byte[] document : List.of(valid().getBytes(StandardCharsets.UTF_16),
        valid().getBytes(StandardCharsets.UTF_16LE), ("\n" + valid()).getBytes(StandardCharsets.UTF_8),
        ("\ufeff" + valid()).getBytes(StandardCharsets.UTF_8),
        valid().replaceFirst("encoding=\"UTF-8\"", "encoding=\"US-ASCII\"").getBytes(StandardCharsets.UTF_8),
        valid().replaceFirst("version=\"1.0\"", "version=\"1.1\"").getBytes(StandardCharsets.UTF_8),
        new byte[FastXml.MAX_BYTES + 1])) {
      assertThrows(FastXml.Declined.class, () -> FastXml.openAtRoot(document));
    }
  }

  private static String attributes(int count) {
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < count; i++) {
      attributes.append("a").append(i).append("=\"1\" ");
    }
    return attributes.toString();
  }
}

package gov.qpp.validators.qrda3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.rules.IntakeResult;
import gov.qpp.validators.xml.FastXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the adapter answers with problems, never an exception: every corpus file cut short at
 * random points, with random bytes changed, and with random elements removed (seeded, so a failure reproduces).
 * And whatever the bytes, the fast reader (in-memory documents) answers exactly as the streaming one.
 */
class Qrda3RobustnessTest {

  private static final long SEED = 20261126L;

  @Test
  void damagedDocumentsGiveProblemsNotExceptions() throws Exception {
    Path corpus = SharedFolder.corpus("qrda3").orElse(null);
    assumeTrue(corpus != null, "skipped: ../shared/corpus/qrda3 not found");
    Qrda3Intake intake = new Qrda3Intake(TestCatalog.get());
    Random random = new Random(SEED);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus.resolve("files"))) {
      files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    int documents = 0;
    for (Path file : files) {
      byte[] original = Files.readAllBytes(file);
      for (int i = 0; i < 5; i++) {
        check(intake, java.util.Arrays.copyOf(original, random.nextInt(original.length + 1)), file, "cut");
        check(intake, flipped(original, random), file, "flipped");
        check(intake, withoutAnElement(original, random), file, "element removed");
        documents += 3;
      }
    }
    assertFalse(documents == 0);
    assertEquals(0, FastXml.unexpectedFailures(), "the fast reader failed other than by declining");
  }

  private static void check(Qrda3Intake intake, byte[] document, Path file, String damage) {
    IntakeResult result;
    try {
      result = intake.intake(document);
    } catch (RuntimeException e) {
      throw new AssertionError(file.getFileName() + " (" + damage + ") threw " + e, e);
    }
    assertNotNull(result.problems(), file.getFileName() + " (" + damage + ")");
    assertEquals(intake.intake(new java.io.ByteArrayInputStream(document)), result,
        file.getFileName() + " (" + damage + "): the fast reader answered otherwise than the streaming one");
  }

  private static byte[] flipped(byte[] original, Random random) {
    byte[] copy = original.clone();
    for (int i = 0; i < 8 && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  /** Removes the text from one random '<' to the next '>' (an element's start tag, an end tag or a comment). */
  private static byte[] withoutAnElement(byte[] original, Random random) {
    String text = new String(original, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return original;
    }
    int start = text.indexOf('<', random.nextInt(text.length()));
    int end = start < 0 ? -1 : text.indexOf('>', start);
    return end < 0 ? original : (text.substring(0, start) + text.substring(end + 1)).getBytes(StandardCharsets.UTF_8);
  }
}

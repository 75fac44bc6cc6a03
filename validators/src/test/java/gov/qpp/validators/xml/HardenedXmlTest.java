package gov.qpp.validators.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** One test per attack on the XML input: each must end in one exact problem, fast and without big allocations. */
class HardenedXmlTest {

  private static final String QRDA_ROOT =
      "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><templateId root=\"2.16.840.1.113883.10.20.27.1.1\"/></ClinicalDocument>";

  // --- DTDs and entities: refused at the DOCTYPE, before anything in it is read, expanded or fetched

  @Test
  void xxeReadingALocalFileIsRefusedAtTheDoctype() {
    Problem problem = drain("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");

    assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, problem);
    assertEquals("line 1, column 1", problem.location().toString());
    assertFalse(problem.message().contains("root:"), problem.message());
    assertFalse(problem.message().contains("/bin/"), problem.message());
  }

  @Test
  void externalDtdIsRefusedWithoutConnecting() throws IOException {
    try (Listener listener = new Listener()) {
      Problem problem = drain("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + listener.url() + "/evil.dtd\">\n<r/>");

      assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, problem);
      assertEquals("line 2, column 1", problem.location().toString());
      assertEquals(0, listener.connections(), "the parser connected");
    }
  }

  @Test
  void parameterEntityOutOfBandIsRefusedWithoutConnecting() throws IOException {
    try (Listener listener = new Listener()) {
      Problem problem = drain("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + listener.url() + "/x\"> %p;]><r/>");

      assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, problem);
      assertEquals(0, listener.connections(), "the parser connected");
    }
  }

  @Test
  void evenReadingPastTheDoctypeFetchesAndExpandsNothing() throws IOException {
    // Defence in depth: openAtRoot stops at the DOCTYPE, but the reader settings alone must also be safe.
    // (Default Woodstox fetches an external DTD as soon as the reader moves past the DTD event.)
    try (Listener listener = new Listener()) {
      String url = listener.url();
      assertEquals(List.of("DTD", "r"), readPastDoctype("<!DOCTYPE r SYSTEM \"" + url + "/evil.dtd\"><r/>"));
      assertEquals(List.of("DTD", "r"), readPastDoctype("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "/x\"> %p;]><r/>"));
      assertEquals(0, listener.connections(), "the parser connected");
    }
    List<String> xxe = readPastDoctype("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
    assertEquals(List.of("DTD", "r", "error: Undeclared general entity \"x\""), xxe);
  }

  /** Every event's name (DTD, element names, text) until the end or the first error. */
  private static List<String> readPastDoctype(String doc) {
    List<String> seen = new ArrayList<>();
    try {
      XMLStreamReader reader = HardenedXml.newReader(utf8(doc));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          seen.add("DTD");
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          seen.add(reader.getLocalName());
        } else if (event == XMLStreamConstants.CHARACTERS) {
          seen.add("text: " + reader.getText());
        }
      }
    } catch (XMLStreamException e) {
      seen.add("error: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return seen;
  }

  @Test
  void theFastReaderDeclinesEveryDoctypeWithoutConnecting() throws IOException {
    try (Listener listener = new Listener()) {
      String url = listener.url();
      for (String doc : List.of("<!DOCTYPE r SYSTEM \"" + url + "/evil.dtd\"><r/>",
          "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "/x\"> %p;]><r/>",
          "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
          "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;</r>")) {
        assertThrows(FastXml.Declined.class, () -> FastXml.openAtRoot(doc.getBytes(StandardCharsets.UTF_8)), doc);
      }
      assertEquals(0, listener.connections(), "the fast reader connected");
    }
  }

  @Test
  void theListenerSeesAFetch() throws Exception {
    // Proves the no-connection checks can fail: a client reading from the listener is counted before it gets an answer.
    try (Listener listener = new Listener()) {
      assertThrows(IOException.class, () -> new URL(listener.url() + "/evil.dtd").openStream().close());
      assertTrue(listener.connections() >= 1, "HttpURLConnection retries once, so one or two");
    }
  }

  @Test
  void billionLaughsIsRefusedAtTheDoctype() {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      doc.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10))
          .append("\">\n");
    }
    doc.append("]>\n<lolz>&lol9;</lolz>");

    Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> drain(doc.toString()));

    assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, problem);
    assertEquals("line 2, column 1", problem.location().toString());
  }

  @Test
  void quadraticBlowupIsRefusedQuickly() {
    // 50,000 references to a 50,000-character entity: 2.5 billion characters if expanded; ~200 KB as bytes.
    String doc = "<!DOCTYPE r [<!ENTITY a \"" + "a".repeat(50_000) + "\">]><r>" + "&a;".repeat(50_000) + "</r>";

    Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> drain(doc));

    assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, problem);
  }

  @Test
  void undeclaredEntitiesAreNotWellFormedInTextAndInAttributes() {
    // Without a DTD no entity can be declared; Woodstox with replacement off would pass "&x;" on silently.
    Problem inText = drain("<r>&x;</r>");
    Problem inAttribute = drain("<r root=\"1&x;2\"/>");

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, inText);
    assertTrue(inText.message().contains("Undeclared general entity \"x\""), inText.message());
    assertEquals("line 1, column 6", inText.location().toString(), "just after the reference");
    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, inAttribute);
    assertTrue(inAttribute.message().contains("Undeclared general entity \"x\""), inAttribute.message());
  }

  // --- size limits: streamed attacks stop after a small, fixed amount of input

  @Test
  void deepNestingStopsAtTheDepthLimit() {
    Generated doc = new Generated("", "<a>", 100_000, "");

    Problem problem = drain(doc);

    assertProblem(ProblemCode.XML_LIMIT_EXCEEDED, problem);
    assertEquals("element nesting deeper than 100 levels", problem.message());
    assertEquals("line 1, column 301", problem.location().toString(), "where the 101st element starts");
  }

  @Test
  void hugeAttributeStopsAtTheAttributeLimit() {
    Generated doc = new Generated("<r a='", "x", 20L << 20, "'/>");

    Problem problem = drain(doc);

    assertProblem(ProblemCode.XML_LIMIT_EXCEEDED, problem);
    assertEquals("an attribute value longer than 65536 characters", problem.message());
    assertEquals("line 1, column 1", problem.location().toString(), "the element holding the attribute");
    assertTrue(doc.delivered() < (1 << 20), "read " + doc.delivered() + " bytes of 20 MB");
  }

  @Test
  void tooManyAttributesStopAtTheAttributeCountLimit() {
    StringBuilder doc = new StringBuilder("<r");
    IntStream.range(0, 101).forEach(i -> doc.append(" a").append(i).append("='1'"));

    Problem problem = drain(doc.append("/>").toString());

    assertProblem(ProblemCode.XML_LIMIT_EXCEEDED, problem);
    assertEquals("an element with more than 100 attributes", problem.message());
  }

  @Test
  void hugeTextStopsAtTheTextLimitWithoutReadingIt() {
    Generated doc = new Generated("<ClinicalDocument>", "x", 200L << 20, "</ClinicalDocument>");

    Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> drain(doc));

    assertProblem(ProblemCode.XML_LIMIT_EXCEEDED, problem);
    assertEquals("a text, comment or CDATA section longer than 1048576 characters", problem.message());
    assertTrue(problem.location().toString().startsWith("line 1, column "), problem.location().toString());
    assertTrue(doc.delivered() < (2 << 20), "read " + doc.delivered() + " bytes of 200 MB");
  }

  @Test
  void textUnderTheLimitIsAccepted() {
    assertNull(drain(new Generated("<r>", "x", 1_000_000, "</r>")));
  }

  // --- not XML, empty, truncated

  @Test
  void pngBytesAreNotXml() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    Problem problem = HardenedXml.drain(new ByteArrayInputStream(png));

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, problem);
    assertEquals("the document is not XML: it starts with bytes 89 50 4E 47, not '<'", problem.message());
    assertEquals("document", problem.location().toString());
  }

  @Test
  void plainTextIsNotXml() {
    Problem problem = drain("hello");

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, problem);
    assertTrue(problem.message().startsWith("the document is not XML"), problem.message());
  }

  @Test
  void emptyDocumentIsNotXml() {
    Problem empty = drain("");
    Problem byteOrderMarkOnly = HardenedXml.drain(new ByteArrayInputStream(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    Problem whiteSpaceOnly = drain("  \n ");

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, empty);
    assertEquals("the document is empty; it is not XML", empty.message());
    assertEquals(empty, byteOrderMarkOnly);
    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, whiteSpaceOnly);
    assertTrue(whiteSpaceOnly.message().contains("ends before its root element starts"), whiteSpaceOnly.message());
  }

  @Test
  void truncatedDocumentIsNotWellFormedWithALocation() {
    Problem problem = drain("<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n  <templateId root=\"2.16.840.1.113883.10.20.27.1.1\"/>"
        + "\n  <title>QRDA Cat");

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, problem);
    assertEquals("the document ends before its root element is closed (truncated?)", problem.message());
    assertTrue(problem.location().toString().startsWith("line 3, column "), problem.location().toString());
  }

  @Test
  void longNamesInParserMessagesAreCut() {
    Problem problem = drain("<a></" + "b".repeat(10_000) + ">");

    assertProblem(ProblemCode.XML_NOT_WELL_FORMED, problem);
    assertTrue(problem.message().length() < 200, problem.message());
    assertFalse(problem.message().contains("b".repeat(61)), problem.message());
  }

  // --- encodings: what Woodstox really reports

  @Test
  void loneLatin1ByteInUtf8IsAnEncodingProblem() {
    byte[] doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>caf\u00e9</r>".getBytes(StandardCharsets.ISO_8859_1);

    Problem problem = HardenedXml.drain(new ByteArrayInputStream(doc));

    assertProblem(ProblemCode.XML_ENCODING, problem);
    // Woodstox's decoder error carries no position, so none is invented.
    assertEquals("bytes are not valid UTF-8 as declared (or assumed, when no encoding is declared): "
        + "Invalid UTF-8 middle byte 0x3c", problem.message());
    assertEquals("document", problem.location().toString());
  }

  @Test
  void utf16DeclaredForAsciiBytesIsAnEncodingProblem() {
    Problem problem = drain("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>");

    assertProblem(ProblemCode.XML_ENCODING, problem);
    assertEquals("the declared encoding does not match the bytes: Declared encoding 'UTF-16' uses 2 bytes per "
        + "character; but physical encoding appeared to use 1", problem.message());
    assertEquals("line 1, column 39", problem.location().toString());
  }

  @Test
  void unknownEncodingIsAnEncodingProblem() {
    Problem problem = drain("<?xml version=\"1.0\" encoding=\"bogus\"?><r/>");

    assertProblem(ProblemCode.XML_ENCODING, problem);
    assertEquals("the declared encoding is not supported: Unsupported encoding: bogus", problem.message());
  }

  @Test
  void realUtf16IsRead() throws Exception {
    byte[] doc = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + QRDA_ROOT).getBytes(StandardCharsets.UTF_16);

    assertNull(HardenedXml.drain(new ByteArrayInputStream(doc)));
  }

  // --- the good path

  @Test
  void qrdaLikeDocumentOpensAtItsRoot() throws Exception {
    XMLStreamReader reader = HardenedXml.openAtRoot(utf8(QRDA_ROOT));
    try {
      assertEquals(XMLStreamConstants.START_ELEMENT, reader.getEventType());
      assertEquals("ClinicalDocument", reader.getLocalName());
      assertEquals("urn:hl7-org:v3", reader.getNamespaceURI());
      assertEquals(XMLStreamConstants.START_ELEMENT, reader.nextTag());
      assertEquals("2.16.840.1.113883.10.20.27.1.1", reader.getAttributeValue(null, "root"));
    } finally {
      reader.close();
    }
  }

  @Test
  void prologAndPredefinedEntitiesAreAccepted() {
    String doc = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- QRDA III -->\n"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"cda.xsl\"?>\n"
        + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>A &amp; B &#233;</title></ClinicalDocument>";

    assertNull(drain(doc));
  }

  @Test
  void openAtRootRejectsWithTheSameProblemAsDrain() {
    XmlRejection rejection = assertThrows(XmlRejection.class, () -> HardenedXml.openAtRoot(utf8("<!DOCTYPE r><r/>")));

    assertProblem(ProblemCode.XML_DTD_NOT_ALLOWED, rejection.problem());
    assertEquals(0, rejection.getStackTrace().length, "a rejection carries no stack trace");
  }

  @Test
  void limitExceptionWithoutAPositionIsLocatedAtTheDocument() {
    Problem problem = HardenedXml.problemFor(new XMLStreamException("Maximum Element Count limit (2000000) Exceeded"));

    assertEquals(ProblemCode.XML_LIMIT_EXCEEDED, problem.code());
    assertEquals("more than 2000000 elements in the document", problem.message());
    assertEquals("document", problem.location().toString());
  }

  @Test
  void theSharedReaderFactoryServesThreadsInParallel() {
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> IntStream.range(0, 400).parallel().forEach(i -> {
      if (i % 2 == 0) {
        assertNull(drain(QRDA_ROOT));
      } else {
        assertEquals(ProblemCode.XML_LIMIT_EXCEEDED, drain("<r>" + "<a>".repeat(101)).code());
      }
    }));
  }

  // --- helpers

  private static Problem drain(String doc) {
    return HardenedXml.drain(utf8(doc));
  }

  private static Problem drain(InputStream doc) {
    return HardenedXml.drain(doc);
  }

  private static InputStream utf8(String doc) {
    return new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertProblem(ProblemCode code, Problem problem) {
    assertNotNull(problem, "expected " + code);
    assertEquals(code, problem.code(), problem::toString);
    assertFalse(problem.message().isBlank());
    assertFalse(problem.message().contains("\n"), "one plain line: " + problem.message());
    assertFalse(problem.message().contains("at com.") || problem.message().contains("Exception"), problem.message());
  }

  /**
   * A local port that counts connections and closes each at once, so a parser that fetched would be counted before
   * it returned, and would fail rather than hang waiting for an answer.
   */
  private static final class Listener implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();

    Listener() throws IOException {
      Thread acceptor = new Thread(this::acceptAll, "xml-test-listener");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private void acceptAll() {
      while (!socket.isClosed()) {
        try (Socket ignored = socket.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** prefix + unit repeated count times + suffix, generated as read: never held in memory; counts what it handed out. */
  private static final class Generated extends InputStream {
    private final byte[] prefix;
    private final byte[] unit;
    private final byte[] suffix;
    private final long bodyEnd;
    private final long end;
    private long position;

    Generated(String prefix, String unit, long count, String suffix) {
      this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
      this.unit = unit.getBytes(StandardCharsets.US_ASCII);
      this.suffix = suffix.getBytes(StandardCharsets.US_ASCII);
      this.bodyEnd = this.prefix.length + count * this.unit.length;
      this.end = bodyEnd + this.suffix.length;
    }

    long delivered() {
      return position;
    }

    @Override
    public int read() {
      return position < end ? byteAt(position++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position >= end) {
        return -1;
      }
      int n = (int) Math.min(length, end - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = byteAt(position++);
      }
      return n;
    }

    private byte byteAt(long at) {
      if (at < prefix.length) {
        return prefix[(int) at];
      }
      if (at < bodyEnd) {
        return unit[(int) ((at - prefix.length) % unit.length)];
      }
      return suffix[(int) (at - bodyEnd)];
    }
  }
}

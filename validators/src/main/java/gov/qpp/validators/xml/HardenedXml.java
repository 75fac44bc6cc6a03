package gov.qpp.validators.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxIOException;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The one way to read untrusted XML: a streaming Woodstox reader that refuses any DOCTYPE (so no XXE, no external
 * fetch, no entity expansion), stops at explicit size limits, and turns every failure into one {@link Problem}.
 * Never build a DOM of untrusted input; read events from {@link #openAtRoot}.
 *
 * <p>Sizes of real input, which the limits are measured against: the largest QRDA III samples are ~200 KB and nest
 * less than 30 deep; QRDA I patient files are up to a few MB.
 */
public final class HardenedXml {

  /** QRDA nests under 30 levels; 100 leaves room and stops deep-nesting attacks after a few hundred bytes. */
  public static final int MAX_ELEMENT_DEPTH = 100;
  /** QRDA attribute values are OIDs, codes and display names (under 1 KB); 64 KiB is far beyond any of them. */
  public static final int MAX_ATTRIBUTE_SIZE = 64 * 1024;
  /** A CDA element has about a dozen attributes and namespace declarations; 100 is generous. */
  public static final int MAX_ATTRIBUTES_PER_ELEMENT = 100;
  /** One text, comment or CDATA node: QRDA narrative is KBs; 1 MiB still fits a sizeable embedded attachment. */
  public static final int MAX_TEXT_LENGTH = 1024 * 1024;
  /**
   * The whole document: a large practice's QRDA III (many measures and strata) may reach 100 MB when read from a
   * file in-process; 256 Mi characters bounds that with room. Over HTTP the body limit (10 MB) stops far earlier.
   */
  public static final long MAX_CHARACTERS = 256L * 1024 * 1024;
  /** About one element per 30 bytes in the densest QRDA: 10 million covers 256 Mi characters of real content. */
  public static final long MAX_ELEMENT_COUNT = 10_000_000L;

  private static final String DTD_REFUSED =
      "the document has a DOCTYPE; DTDs and entity declarations are not accepted (nothing in it was read or fetched)";
  private static final String NOT_XML = "the document is not XML";
  private static final String DOCUMENT = "document";
  private static final Pattern LIMIT = Pattern.compile("limit \\((\\d+)\\) exceeded", Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_WORD = Pattern.compile("\\S{41,}");
  private static final int MAX_ECHO = 40;
  private static final int MAX_DETAIL = 120;

  /** Never called while DTDs are off; installed anyway so no configuration slip can make the parser fetch or read. */
  private static final XMLResolver REFUSE = (publicId, systemId, baseUri, namespace) -> {
    throw new RefusedResource();
  };

  /**
   * One hardened factory per thread, all configured by {@link #newFactory()}: a single shared Woodstox factory
   * merges every reader's symbol table back into its own under a lock, which measured 4× slower on two threads.
   */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(HardenedXml::newFactory);

  private HardenedXml() {
  }

  /**
   * The standard StAX settings every reader of untrusted XML here has (this one and {@link FastXml}'s): no DTDs, no
   * external entities, no resolver that reads anything, namespaces on, text not coalesced.
   */
  static void refuseDtdsAndEntities(XMLInputFactory f) {
    // A DOCTYPE becomes a DTD event that the reader refuses; its declarations are never processed.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // On deliberately: with DTDs off only the five predefined entities and &#..; can be replaced, and any other
    // reference is a well-formedness error. Off, Woodstox silently drops unknown references from attribute values
    // (root="1&x;2" reads as "12") and passes them through text as ENTITY_REFERENCE events.
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setXMLResolver(REFUSE);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = new WstxInputFactory();
    refuseDtdsAndEntities(f);
    // Lazy (Woodstox's default, relied on): the DTD event comes before the DOCTYPE's internal subset is read.
    f.setProperty(XMLInputFactory2.P_LAZY_PARSING, true);
    // The caller owns the stream.
    f.setProperty(XMLInputFactory2.P_AUTO_CLOSE_INPUT, false);
    f.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSE);
    f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSE);
    f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_SIZE);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
    f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
    f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, MAX_CHARACTERS);
    f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, MAX_ELEMENT_COUNT);
    return f;
  }

  /**
   * A reader positioned on the root START_ELEMENT. The caller reads on and closes it (closing does not close
   * {@code in}). Text may arrive as several consecutive CHARACTERS events (coalescing is off); reading on can still
   * throw, map that with {@link #problemFor(XMLStreamException, XMLStreamReader)}.
   *
   * @throws XmlRejection if the input is empty or not XML, has a DOCTYPE, or breaks a limit before the root
   */
  public static XMLStreamReader openAtRoot(InputStream in) throws XmlRejection {
    XMLStreamReader reader = null;
    Problem problem;
    try {
      reader = newReader(requireXmlStart(in));
      problem = advanceToRoot(reader);
    } catch (XMLStreamException e) {
      problem = problemFor(e, reader);
    } catch (WstxLazyException e) {
      problem = problemFor(unwrap(e), reader);
    }
    if (problem == null) {
      return reader;
    }
    closeQuietly(reader);
    throw new XmlRejection(problem);
  }

  /** Reads a whole document through the hardened reader: null when it is well-formed, else the first problem. */
  public static Problem drain(InputStream in) {
    XMLStreamReader reader;
    try {
      reader = openAtRoot(in);
    } catch (XmlRejection e) {
      return e.problem();
    }
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.DTD) {
          return Problem.of(ProblemCode.XML_DTD_NOT_ALLOWED, at(reader.getLocation()), DTD_REFUSED);
        }
      }
      return null;
    } catch (XMLStreamException e) {
      return problemFor(e, reader);
    } catch (WstxLazyException e) {
      return problemFor(unwrap(e), reader);
    } finally {
      closeQuietly(reader);
    }
  }

  /**
   * The problem for Woodstox's unchecked lazy-parsing exception, which reading methods without a checked exception
   * throw when the token they finish turns out malformed.
   */
  public static Problem problemFor(WstxLazyException e, XMLStreamReader reader) {
    return problemFor(unwrap(e), reader);
  }

  /** The problem for an exception raised while reading; located at the exception's position when it has one. */
  public static Problem problemFor(XMLStreamException e) {
    return problemFor(e, null);
  }

  /**
   * As {@link #problemFor(XMLStreamException)}, but Woodstox's limit exceptions carry no position, so for those the
   * reader's current position (the element or text that broke the limit) is used.
   */
  public static Problem problemFor(XMLStreamException e, XMLStreamReader reader) {
    String detail = detailOf(e);
    Matcher limit = LIMIT.matcher(detail);
    if (limit.find()) {
      Location where = e.getLocation() != null || reader == null ? e.getLocation() : reader.getLocation();
      return Problem.of(ProblemCode.XML_LIMIT_EXCEEDED, at(where), limitMessage(detail, limit.group(1)));
    }
    gov.qpp.validators.problems.Location location = at(e.getLocation());
    if (e instanceof RefusedResource) {
      return Problem.of(ProblemCode.XML_DTD_NOT_ALLOWED, location, DTD_REFUSED);
    }
    if (e instanceof WstxEOFException) {
      return Problem.of(ProblemCode.XML_NOT_WELL_FORMED, location, endMessage(detail));
    }
    String encoding = encodingMessage(e, detail);
    if (encoding != null) {
      return Problem.of(ProblemCode.XML_ENCODING, location, encoding);
    }
    if (e instanceof WstxIOException) {
      return Problem.of(ProblemCode.XML_NOT_WELL_FORMED, location, "the document could not be read: " + clip(detail));
    }
    return Problem.of(ProblemCode.XML_NOT_WELL_FORMED, location, "not well-formed XML: " + clip(detail));
  }

  /** A reader with the hardened settings and none of the checks above; package-private so tests can probe the settings. */
  static XMLStreamReader newReader(InputStream in) throws XMLStreamException {
    return FACTORY.get().createXMLStreamReader(in);
  }

  /** Moves to the root element; a DOCTYPE before it is refused without reading what it contains. */
  private static Problem advanceToRoot(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return null;
      }
      if (event == XMLStreamConstants.DTD) {
        return Problem.of(ProblemCode.XML_DTD_NOT_ALLOWED, at(reader.getLocation()), DTD_REFUSED);
      }
    }
    return Problem.of(ProblemCode.XML_NOT_WELL_FORMED, DOCUMENT, NOT_XML + ": it has no root element");
  }

  /**
   * Refuses at once what plainly is not XML (nothing, "hello", a PNG), which the parser would otherwise report as a
   * confusing encoding error. XML starts with '<' or white space, after an optional byte-order mark, or is UTF-16/32.
   */
  private static InputStream requireXmlStart(InputStream in) throws XmlRejection {
    PushbackInputStream peekable = new PushbackInputStream(in, 4);
    byte[] head = new byte[4];
    int n;
    try {
      n = peekable.readNBytes(head, 0, head.length);
      peekable.unread(head, 0, n);
    } catch (IOException e) {
      throw reject(ProblemCode.XML_NOT_WELL_FORMED, "the document could not be read");
    }
    int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    if (n == start) {
      throw reject(ProblemCode.XML_NOT_WELL_FORMED, "the document is empty; it is not XML");
    }
    if (!startsLikeXml(head, start, n)) {
      throw reject(ProblemCode.XML_NOT_WELL_FORMED, NOT_XML + ": it starts with bytes " + hex(head, n) + ", not '<'");
    }
    return peekable;
  }

  private static boolean startsLikeXml(byte[] head, int start, int n) {
    int first = head[start] & 0xFF;
    int second = n > start + 1 ? head[start + 1] & 0xFF : -1;
    boolean utf16Bom = start == 0 && (first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE);
    // 0x00 first: UTF-16BE or UTF-32 without a byte-order mark; Woodstox detects those from the '<' that follows.
    return first == '<' || first == ' ' || first == '\t' || first == '\r' || first == '\n' || first == 0 || utf16Bom;
  }

  private static String limitMessage(String detail, String bound) {
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains("element depth")) {
      return "element nesting deeper than " + bound + " levels";
    }
    if (d.contains("attribute size")) {
      return "an attribute value longer than " + bound + " characters";
    }
    if (d.contains("attribute limit")) {
      return "an element with more than " + bound + " attributes";
    }
    if (d.contains("text size")) {
      return "a text, comment or CDATA section longer than " + bound + " characters";
    }
    if (d.contains("document characters")) {
      return "the document is longer than " + bound + " characters";
    }
    if (d.contains("element count")) {
      return "more than " + bound + " elements in the document";
    }
    if (d.contains("child elements")) {
      return "an element with more than " + bound + " child elements";
    }
    return "an XML size limit was exceeded: " + clip(detail);
  }

  private static String endMessage(String detail) {
    // Woodstox says "in prolog" (or "in xml declaration") when the input ends before any root element started.
    String d = detail.toLowerCase(Locale.ROOT);
    return d.contains("prolog") || d.contains("xml declaration")
        ? "the document ends before its root element starts (empty, truncated or not XML)"
        : "the document ends before its root element is closed (truncated?)";
  }

  /** Null unless the bytes cannot be decoded in the declared (or, without a declaration, assumed UTF-8) encoding. */
  private static String encodingMessage(XMLStreamException e, String detail) {
    Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
    if (cause instanceof CharConversionException || cause instanceof CharacterCodingException) {
      // Woodstox's "(at char #6, byte #37)" counts within its buffer, not the document; leave it out.
      String what = clip(detail.replaceAll("\\s*\\([^)]*#[^)]*\\)", ""));
      return detail.contains("UTF-8")
          ? "bytes are not valid UTF-8 as declared (or assumed, when no encoding is declared): " + what
          : "bytes do not match the declared encoding: " + what;
    }
    if (detail.startsWith("Declared encoding")) {
      return "the declared encoding does not match the bytes: " + clip(detail.replace("; cannot decode", ""));
    }
    if (detail.startsWith("Unsupported encoding")) {
      return "the declared encoding is not supported: " + clip(detail);
    }
    return null;
  }

  /** The parser's own sentence, without the position suffix Woodstox and the JDK append. */
  private static String detailOf(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int jdkPrefix = message.startsWith("ParseError at") ? message.indexOf("Message: ") : -1;
    if (jdkPrefix >= 0) {
      message = message.substring(jdkPrefix + "Message: ".length());
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** Parser messages can quote input (a tag name); keep every quoted piece and the whole line short. */
  private static String clip(String text) {
    String shortWords = LONG_WORD.matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(m.group().substring(0, MAX_ECHO) + "..."));
    return shortWords.length() <= MAX_DETAIL ? shortWords : shortWords.substring(0, MAX_DETAIL) + "...";
  }

  /** The parser's position, or the whole document when it has none. */
  private static gov.qpp.validators.problems.Location at(Location where) {
    if (where == null || where.getLineNumber() < 1) {
      return gov.qpp.validators.problems.Location.of(DOCUMENT);
    }
    return gov.qpp.validators.problems.Location.line(where.getLineNumber(), Math.max(0, where.getColumnNumber()));
  }

  private static String hex(byte[] bytes, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
    }
    return out.toString();
  }

  private static XmlRejection reject(ProblemCode code, String message) {
    return new XmlRejection(Problem.of(code, DOCUMENT, message));
  }

  private static XMLStreamException unwrap(WstxLazyException e) {
    return e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage());
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Closing only releases parser buffers; nothing to report.
    }
  }

  /** Thrown by {@link #REFUSE}; reported as a refused DTD, since only a DOCTYPE can name an external resource. */
  private static final class RefusedResource extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    RefusedResource() {
      super("external resources (DTDs, entities) are refused");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}

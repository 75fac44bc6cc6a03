package gov.qpp.validators.xml;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;

/**
 * The fast path for a plain document already in memory: Aalto, which reads our corpus about twice as fast as
 * Woodstox. Aalto enforces none of {@link HardenedXml}'s limits, so it is only offered where they cannot matter
 * and it stops at anything unusual:
 * <ul>
 *   <li>documents up to {@link #MAX_BYTES} (the input bounds its memory) in UTF-8, starting with markup (no
 *       byte-order mark) and, if they have an XML declaration, a one-line one of version 1.0 declaring UTF-8 or
 *       none. Aalto counts columns in bytes, Woodstox in characters, so every location asked for is recounted in
 *       characters (UTF-16 units, as Woodstox counts) from the start of its line;
 *   <li>every token (start tag, text, comment) shorter than {@link #MAX_TOKEN} characters, nesting no deeper and
 *       elements with no more attributes (namespace declarations included) than {@link HardenedXml} allows; no
 *       DOCTYPE, no entity references left.
 * </ul>
 * Anything else, a parse error included, throws {@link Declined}, and the caller reads the document again with
 * {@link HardenedXml}, whose answer (accepted, or the exact problem and where) is the canonical one. A reader that
 * gets to the end without being declined has read a document {@link HardenedXml} would read identically.
 */
public final class FastXml {

  /** Larger documents go to the streaming reader, so the fast one never holds more than a few times this. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;
  /**
   * The longest token the fast path reads: an attribute value over {@link HardenedXml#MAX_ATTRIBUTE_SIZE} needs a
   * longer start tag, and a text over {@link HardenedXml#MAX_TEXT_LENGTH} a longer text, so the canonical reader
   * decides both. QRDA's tokens are under a few KB.
   */
  static final int MAX_TOKEN = HardenedXml.MAX_ATTRIBUTE_SIZE;

  private static final Pattern DECLARED_VERSION = Pattern.compile("version\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final AtomicLong UNEXPECTED = new AtomicLong();

  /** One factory per thread, as for Woodstox: shared factories merge symbol tables under a lock. */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(FastXml::newFactory);

  private FastXml() {
  }

  /** The fast path will not read this document (or stopped reading it): use {@link HardenedXml}. */
  public static final class Declined extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Declined(String why) {
      super(why);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a routine hand-over to the canonical reader, not an error
    }
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = new InputFactoryImpl();
    HardenedXml.refuseDtdsAndEntities(f);
    return f;
  }

  /**
   * A reader positioned on the root START_ELEMENT, checking every later event as described above.
   *
   * @throws Declined when the document is not one for the fast path, or breaks its rules before the root
   */
  public static XMLStreamReader openAtRoot(byte[] document) throws Declined {
    if (document.length > MAX_BYTES || !plainUtf8(document)) {
      throw new Declined("not a plain UTF-8 document of at most " + MAX_BYTES + " bytes");
    }
    Guarded reader;
    try {
      reader = new Guarded((XMLStreamReader2) FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(document)),
          document);
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          reader.locateRoot();
          return reader;
        }
      }
    } catch (Declined e) {
      throw e;
    } catch (XMLStreamException | UncheckedStreamException e) {
      throw new Declined("the fast reader stopped: " + e.getMessage());
    } catch (RuntimeException e) {
      throw unexpected(e);
    }
    throw new Declined("no root element");
  }

  /**
   * Anything but a parse error or a refusal from the fast reader is a bug of this class or of Aalto: the document
   * still gets the hardened reader's answer, and the count (a gateway metric, and zero in every test) shows it.
   */
  public static Declined unexpected(RuntimeException e) {
    UNEXPECTED.incrementAndGet();
    return new Declined("the fast reader failed unexpectedly: " + e);
  }

  /** How many documents the fast reader failed on unexpectedly since start (see {@link #unexpected}). */
  public static long unexpectedFailures() {
    return UNEXPECTED.get();
  }

  /**
   * Starts with markup, with no byte-order mark and not UTF-16/32 ('<' then a zero byte), and any XML declaration is
   * one line, version 1.0, declaring UTF-8 or no encoding. Bytes that are not UTF-8 stop the fast reader later.
   */
  static boolean plainUtf8(byte[] document) {
    if (document.length < 2 || document[0] != '<' || document[1] == 0) {
      return false;
    }
    String head = new String(document, 0, Math.min(200, document.length), StandardCharsets.ISO_8859_1);
    if (!head.startsWith("<?xml")) {
      return true;
    }
    int end = head.indexOf("?>");
    if (end < 0) {
      return false;
    }
    String declaration = head.substring(0, end);
    if (declaration.indexOf('\n') >= 0 || declaration.indexOf('\r') >= 0) {
      return false;
    }
    Matcher version = DECLARED_VERSION.matcher(declaration);
    Matcher encoding = DECLARED_ENCODING.matcher(declaration);
    return version.find() && version.group(1).equals("1.0")
        && (!encoding.find() || encoding.group(1).toLowerCase(Locale.ROOT).equals("utf-8"));
  }

  /** Checks each event against the limits Aalto does not enforce, from positions it already tracks. */
  private static final class Guarded extends StreamReader2Delegate {
    private final byte[] document;
    private long previousStart;
    private Location rootLocation;
    /** Character columns of the current line, counted up to {@code countedTo} (kept as reading moves on). */
    private long lineStart = -1;
    private long countedTo;
    private int charsBefore;

    Guarded(XMLStreamReader2 reader, byte[] document) {
      super(reader);
      this.document = document;
    }

    /**
     * Aalto starts an event where the previous one ended, so in the prolog the root's location is that of the white
     * space before it; Woodstox (and so every problem's location) gives the root's '<'. Found by skipping that space.
     */
    void locateRoot() {
      Location at = getLocation();
      int line = at.getLineNumber();
      int column = at.getColumnNumber();
      for (int i = (int) getLocationInfo().getStartingByteOffset(); i < document.length && document[i] != '<'; i++) {
        boolean newline = document[i] == '\n' || document[i] == '\r' && (i + 1 >= document.length
            || document[i + 1] != '\n');
        line = newline ? line + 1 : line;
        column = newline ? 1 : column + 1;
      }
      rootLocation = new SimpleLocation(line, column);
    }

    @Override
    public Location getLocation() {
      if (rootLocation != null) {
        return rootLocation;
      }
      // asked for only where a node or value is kept: the recount covers the line's start, or continues it
      Location at = super.getLocation();
      return new SimpleLocation(at.getLineNumber(), characterColumn(at.getColumnNumber()));
    }

    /** The 1-based column in UTF-16 units of the current event, from Aalto's 1-based byte column. */
    private int characterColumn(int byteColumn) {
      long start = getLocationInfo().getStartingByteOffset();
      long line = start - (byteColumn - 1);
      if (line != lineStart || start < countedTo) {
        lineStart = line;
        countedTo = line;
        charsBefore = 0;
      }
      for (long i = countedTo; i < start; i++) {
        byte b = document[(int) i];
        if ((b & 0xC0) != 0x80) {
          charsBefore++; // an ASCII byte or the first byte of a character
        }
        if ((b & 0xF8) == 0xF0) {
          charsBefore++; // four bytes: a surrogate pair, two units
        }
      }
      countedTo = start;
      return charsBefore + 1;
    }

    @Override
    public int next() throws XMLStreamException {
      rootLocation = null;
      int event = super.next();
      // The distance between the starts of two events bounds the first one's length (tag, text or comment); Aalto
      // counts bytes here, which for UTF-8 are at least as many as characters.
      long start = getLocationInfo().getStartingByteOffset();
      if (start < 0 || start - previousStart > MAX_TOKEN) {
        throw new Declined("a token longer than " + MAX_TOKEN + " characters");
      }
      previousStart = start;
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (getDepth() > HardenedXml.MAX_ELEMENT_DEPTH) {
            throw new Declined("nesting deeper than " + HardenedXml.MAX_ELEMENT_DEPTH);
          }
          // Woodstox counts namespace declarations as attributes too
          if (getAttributeCount() + getNamespaceCount() > HardenedXml.MAX_ATTRIBUTES_PER_ELEMENT) {
            throw new Declined("more than " + HardenedXml.MAX_ATTRIBUTES_PER_ELEMENT + " attributes");
          }
        }
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
            throw new Declined("a DOCTYPE or an entity");
        default -> {
          // text, comments, processing instructions, end tags: the length check above is all they need
        }
      }
      return event;
    }
  }

  /** A line and column, as the root's corrected location. */
  private record SimpleLocation(int line, int column) implements Location {
    @Override
    public int getLineNumber() {
      return line;
    }

    @Override
    public int getColumnNumber() {
      return column;
    }

    @Override
    public int getCharacterOffset() {
      return -1;
    }

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }
  }
}

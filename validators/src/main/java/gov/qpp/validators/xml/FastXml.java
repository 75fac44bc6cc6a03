package gov.qpp.validators.xml;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
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
 *   <li>documents up to {@link #MAX_BYTES}, in UTF-8 or US-ASCII, starting with markup: the input bounds its memory;
 *   <li>every token (start tag, text, comment) shorter than {@link #MAX_TOKEN} characters, nesting no deeper and
 *       elements with no more attributes than {@link HardenedXml} allows; no DOCTYPE, no entity references left.
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

  private static final XMLResolver REFUSE = (publicId, systemId, baseUri, namespace) -> {
    throw new XMLStreamException("external resources are never read");
  };

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
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setXMLResolver(REFUSE);
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
      reader = new Guarded((XMLStreamReader2) FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(document)));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          reader.locateRoot(document);
          return reader;
        }
      }
    } catch (Declined e) {
      throw e;
    } catch (XMLStreamException | RuntimeException e) {
      throw new Declined("the fast reader stopped: " + e.getMessage());
    }
    throw new Declined("no root element");
  }

  /**
   * Starts with markup (after an optional UTF-8 byte-order mark) and, when it declares an encoding, declares UTF-8
   * or US-ASCII: the encodings whose bytes the fast reader and Woodstox decode alike.
   */
  static boolean plainUtf8(byte[] document) {
    int start = document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
        && (document[2] & 0xFF) == 0xBF ? 3 : 0;
    if (document.length <= start || document[start] != '<') {
      return false;
    }
    String head = new String(document, start, Math.min(200, document.length - start), StandardCharsets.ISO_8859_1);
    if (!head.startsWith("<?xml")) {
      return true;
    }
    int end = head.indexOf("?>");
    if (end < 0) {
      return false;
    }
    String declaration = head.substring(0, end).toLowerCase(Locale.ROOT);
    int encoding = declaration.indexOf("encoding");
    if (encoding < 0) {
      return true;
    }
    String value = declaration.substring(encoding + "encoding".length()).replaceAll("[\\s=\"']", " ").trim();
    return value.startsWith("utf-8") || value.startsWith("us-ascii");
  }

  /** Checks each event against the limits Aalto does not enforce, from positions it already tracks. */
  private static final class Guarded extends StreamReader2Delegate {
    private long previousStart;
    private Location rootLocation;

    Guarded(XMLStreamReader2 reader) {
      super(reader);
    }

    /**
     * Aalto starts an event where the previous one ended, so in the prolog the root's location is that of the white
     * space before it; Woodstox (and so every problem's location) gives the root's '<'. Found by skipping that space.
     */
    void locateRoot(byte[] document) {
      Location at = super.getLocation();
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
      return rootLocation != null ? rootLocation : super.getLocation();
    }

    @Override
    public int next() throws XMLStreamException {
      rootLocation = null;
      int event = super.next();
      // The distance between the starts of two events bounds the first one's length (tag, text or comment); Aalto
      // counts bytes here, which for UTF-8 are at least as many as characters.
      long start = getLocationInfo().getStartingByteOffset();
      if (start - previousStart > MAX_TOKEN) {
        throw new Declined("a token longer than " + MAX_TOKEN + " characters");
      }
      previousStart = start;
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (getDepth() > HardenedXml.MAX_ELEMENT_DEPTH) {
            throw new Declined("nesting deeper than " + HardenedXml.MAX_ELEMENT_DEPTH);
          }
          if (getAttributeCount() > HardenedXml.MAX_ATTRIBUTES_PER_ELEMENT) {
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

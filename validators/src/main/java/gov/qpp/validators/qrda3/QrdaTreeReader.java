package gov.qpp.validators.qrda3;

import com.ctc.wstx.exc.WstxLazyException;
import com.fasterxml.aalto.UncheckedStreamException;
import gov.qpp.validators.xml.FastXml;
import gov.qpp.validators.xml.HardenedXml;
import gov.qpp.validators.xml.XmlRejection;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming pass over a QRDA III document (StAX cursor through the hardened factory) that keeps only the
 * nodes of known templates and the few values each needs: memory grows with the number of measures and
 * populations, not with the document's size (narrative text, comments and unknown parts are skipped).
 */
final class QrdaTreeReader {

  static final String HL7_NAMESPACE = "urn:hl7-org:v3";

  private QrdaTreeReader() {
  }

  /**
   * As {@link #read(InputStream)}, for a document in memory: the fast reader first; whatever it declines or stops
   * at is read again by the hardened one, whose answer (the tree, or the exact problem) is the canonical one.
   */
  static QrdaNode read(byte[] document) throws XmlRejection {
    XMLStreamReader fast = null;
    try {
      fast = FastXml.openAtRoot(document);
      return walk(fast);
    } catch (XMLStreamException | UncheckedStreamException declinedOrStopped) {
      return read(new java.io.ByteArrayInputStream(document));
    } catch (RuntimeException e) {
      FastXml.unexpected(e);
      return read(new java.io.ByteArrayInputStream(document));
    } finally {
      closeQuietly(fast);
    }
  }

  /** The ClinicalDocument node with everything below it, or a rejection for XML that cannot be read. */
  static QrdaNode read(InputStream in) throws XmlRejection {
    XMLStreamReader xml = HardenedXml.openAtRoot(in);
    try {
      return walk(xml);
    } catch (XMLStreamException e) {
      throw new XmlRejection(HardenedXml.problemFor(e, xml));
    } catch (WstxLazyException e) {
      throw new XmlRejection(HardenedXml.problemFor(e, xml));
    } finally {
      closeQuietly(xml);
    }
  }

  private static void closeQuietly(XMLStreamReader xml) {
    if (xml == null) {
      return;
    }
    try {
      xml.close();
    } catch (XMLStreamException ignored) {
      // closing a reader that already failed; nothing left to release
    }
  }

  /**
   * An open element: which node its content belongs to, its path relative to that node's element (null when no
   * extraction can match that deep) and how many children of each name it has had (for the XPath of nodes).
   */
  private static final class Frame {
    final Frame parent;
    final String name;
    final int index;
    QrdaNode owner;
    String relativePath;
    int relativeDepth;
    boolean ownsNode;
    private String xpath;
    /** Children seen so far by name: a few names per element, so two short arrays beat a hash map. */
    private String[] childNames;
    private int[] childCounts;
    private int distinctChildren;

    Frame(Frame parent, String name, int index, QrdaNode owner) {
      this.parent = parent;
      this.name = name;
      this.index = index;
      this.owner = owner;
    }

    int nextIndex(String child) {
      for (int i = 0; i < distinctChildren; i++) {
        if (childNames[i].equals(child)) {
          return ++childCounts[i];
        }
      }
      if (childNames == null || distinctChildren == childNames.length) {
        int size = childNames == null ? 4 : childNames.length * 2;
        childNames = childNames == null ? new String[size] : java.util.Arrays.copyOf(childNames, size);
        childCounts = childCounts == null ? new int[size] : java.util.Arrays.copyOf(childCounts, size);
      }
      childNames[distinctChildren] = child;
      childCounts[distinctChildren++] = 1;
      return 1;
    }

    /** Built only when an element becomes a node, and once per ancestor. */
    String xpath() {
      if (xpath == null) {
        String own = "/" + name + (index > 1 ? "[" + index + "]" : "");
        xpath = parent == null ? own : parent.xpath() + own;
      }
      return xpath;
    }
  }

  private static QrdaNode walk(XMLStreamReader xml) throws XMLStreamException {
    String rootName = xml.getLocalName();
    QrdaNode document = new QrdaNode(Template.DOCUMENT, "/" + rootName, line(xml), column(xml));
    document.add("rootElement", rootName, line(xml), column(xml));
    document.add("rootNamespace", String.valueOf(xml.getNamespaceURI()), line(xml), column(xml));
    Deque<Frame> frames = new ArrayDeque<>();
    Frame root = new Frame(null, rootName, 1, document);
    root.relativePath = "";
    root.ownsNode = true;
    frames.push(root);
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        Frame parent = frames.peek();
        String name = xml.getLocalName();
        if (name.equals("templateId")) {
          onTemplateId(xml, parent, document);
        }
        Frame frame = new Frame(parent, name, parent.nextIndex(name), parent.owner);
        locate(frame, parent);
        if (frame.relativePath != null) {
          extract(xml, frame);
        }
        frames.push(frame);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        frames.pop();
        if (frames.isEmpty()) {
          break;
        }
      }
    }
    // Read to the end so that anything after the root element (a second root, junk) is refused too.
    while (xml.hasNext()) {
      xml.next();
    }
    return document;
  }

  /** The frame's path relative to its node, kept only while an extraction of that node can still match. */
  private static void locate(Frame frame, Frame parent) {
    if (parent.relativePath == null) {
      return;
    }
    int depth = parent.relativeDepth + 1;
    if (depth > Extraction.maxDepth(frame.owner.template)) {
      return;
    }
    frame.relativeDepth = depth;
    frame.relativePath = parent.relativePath.isEmpty() ? frame.name : parent.relativePath + "/" + frame.name;
  }

  /** A templateId makes its element a node when the template is known and the element is not one already. */
  private static void onTemplateId(XMLStreamReader xml, Frame element, QrdaNode document) {
    String root = xml.getAttributeValue(null, "root");
    if (element.owner == document && "".equals(element.relativePath)) {
      String extension = xml.getAttributeValue(null, "extension");
      document.add("template", root + "|" + (extension == null ? "" : extension), line(xml), column(xml));
      return;
    }
    Template template = Template.byRoot(root);
    if (template == null || element.ownsNode) {
      return;
    }
    // Supplemental data only fences off its own counts: its node is not attached (nor located), so what is read
    // inside it is garbage as soon as the element ends; it is most of a large report.
    boolean kept = !template.isSupplemental();
    QrdaNode node = kept ? new QrdaNode(template, element.xpath(), line(xml), column(xml))
        : new QrdaNode(template, "", 0, 0);
    if (kept) {
      element.owner.children.add(node);
    }
    element.owner = node;
    element.relativePath = "";
    element.relativeDepth = 0;
    element.ownsNode = true;
  }

  private static void extract(XMLStreamReader xml, Frame frame) {
    List<Extraction> wanted = Extraction.BY_TEMPLATE.get(frame.owner.template);
    if (wanted == null) {
      return;
    }
    for (Extraction extraction : wanted) {
      if (!extraction.relativePath().equals(frame.relativePath)) {
        continue;
      }
      if (extraction.rootFilter() != null
          && !extraction.rootFilter().equals(xml.getAttributeValue(null, "root"))) {
        continue;
      }
      String value = xml.getAttributeValue(null, extraction.attribute());
      if (value != null) {
        frame.owner.add(extraction.key(), value.trim(), line(xml), column(xml));
      }
    }
  }

  private static int line(XMLStreamReader xml) {
    return xml.getLocation().getLineNumber();
  }

  private static int column(XMLStreamReader xml) {
    return xml.getLocation().getColumnNumber();
  }
}

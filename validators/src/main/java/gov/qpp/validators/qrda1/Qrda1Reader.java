package gov.qpp.validators.qrda1;

import com.ctc.wstx.exc.WstxLazyException;
import gov.qpp.validators.xml.HardenedXml;
import gov.qpp.validators.xml.XmlRejection;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a QRDA Category I document in one pass of the hardened StAX reader (no DTD, bounded depth and sizes):
 * the header by path from the root, and every entry whose templateId is a QDM datatype the gateway knows, by
 * its own code, effectiveTime and value. Nothing is judged here ({@link Qrda1Checks} does that).
 */
final class Qrda1Reader {

  /** Entries kept per document; a patient with more is read, and the rest counted, not kept. */
  static final int MAX_ENTRIES = 50_000;
  /** Header paths are matched down to this depth below the root. */
  private static final int HEADER_DEPTH = 8;

  static final String NPI_ROOT = "2.16.840.1.113883.4.6";
  static final String TIN_ROOT = "2.16.840.1.113883.4.2";
  static final String CCN_ROOT = "2.16.840.1.113883.4.336";
  static final String MBI_ROOT = "2.16.840.1.113883.4.927";
  static final String HICN_ROOT = "2.16.840.1.113883.4.572";
  static final String PROGRAM_ROOT = "2.16.840.1.113883.3.249.7";
  static final String CEHRT_ROOT = "2.16.840.1.113883.3.2074.1";
  static final String EMEASURE_VERSION_ROOT = "2.16.840.1.113883.4.738";
  static final String REPORTING_PARAMETERS_ACT = "2.16.840.1.113883.10.20.17.3.8";

  /** QDM datatype templates read as entries (2026 CMS QRDA I IG roots), by the name the answers use. */
  static final Map<String, String> DATATYPES = Map.ofEntries(
      Map.entry("2.16.840.1.113883.10.20.24.3.23", "encounterPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.135", "diagnosis"),
      Map.entry("2.16.840.1.113883.10.20.24.3.64", "procedurePerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.38", "laboratoryTestPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.32", "interventionPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.59", "physicalExamPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.144", "assessmentPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.18", "diagnosticStudyPerformed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.140", "immunizationAdministered"),
      Map.entry("2.16.840.1.113883.10.20.24.3.41", "medicationActive"),
      Map.entry("2.16.840.1.113883.10.20.24.3.42", "medicationAdministered"),
      Map.entry("2.16.840.1.113883.10.20.24.3.45", "medicationDispensed"),
      Map.entry("2.16.840.1.113883.10.20.24.3.47", "medicationOrder"),
      Map.entry("2.16.840.1.113883.10.20.24.3.54", "patientCharacteristicExpired"),
      Map.entry("2.16.840.1.113883.10.20.24.3.55", "patientCharacteristicPayer"));

  private Qrda1Reader() {
  }

  /** An element being read: its name, its path below the root (header depth only), the entry it starts, if any. */
  private static final class Frame {
    final Frame parent;
    final String name;
    final String path;
    Entry entry;
    boolean periodAct;

    Frame(Frame parent, String name, String path) {
      this.parent = parent;
      this.name = name;
      this.path = path;
    }
  }

  /** An entry being read. */
  private static final class Entry {
    final String datatype;
    final int line;
    String code;
    String codeSystem;
    String start;
    String end;
    String valueCode;
    String valueCodeSystem;
    String valueQuantity;
    String unit;

    Entry(String datatype, int line) {
      this.datatype = datatype;
      this.line = line;
    }

    /** Diagnoses carry their code in value; medications in their manufactured material. */
    boolean codeInValue() {
      return datatype.equals("diagnosis");
    }

    boolean codeInMaterial() {
      return datatype.startsWith("medication") || datatype.equals("immunizationAdministered");
    }
  }

  /** The document read, or the XML problem that stopped it. */
  static Qrda1Document read(InputStream in) throws XmlRejection {
    XMLStreamReader xml = HardenedXml.openAtRoot(in);
    try {
      return walk(xml);
    } catch (XMLStreamException e) {
      throw new XmlRejection(HardenedXml.problemFor(e));
    } catch (WstxLazyException e) {
      throw new XmlRejection(HardenedXml.problemFor(e, xml));
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // nothing to release beyond the reader
      }
    }
  }

  private static Qrda1Document walk(XMLStreamReader xml) throws XMLStreamException {
    String rootName = xml.getLocalName();
    String rootNamespace = String.valueOf(xml.getNamespaceURI());
    List<String> templates = new ArrayList<>();
    Qrda1Document.Located[] single = new Qrda1Document.Located[7]; // program, cehrt, birth, sex, ccn, start, end
    Map<String, Qrda1Document.Located> patientIds = new LinkedHashMap<>();
    List<Qrda1Document.Performer> performers = new ArrayList<>();
    Qrda1Document.Located[] performer = new Qrda1Document.Located[2];
    List<Qrda1Document.Located> measures = new ArrayList<>();
    List<Qrda1Entry> entries = new ArrayList<>();
    int notRead = 0;
    Frame frame = new Frame(null, rootName, "");
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        Frame parent = frame;
        String path = parent.path == null || depth(parent.path) >= HEADER_DEPTH ? null
            : parent.path.isEmpty() ? name : parent.path + "/" + name;
        frame = new Frame(parent, name, path);
        int line = xml.getLocation().getLineNumber();
        String root = xml.getAttributeValue(null, "root");
        String extension = xml.getAttributeValue(null, "extension");
        if (name.equals("templateId")) {
          if (parent.parent == null) {
            templates.add(root + (extension == null ? "" : "|" + extension));
          } else if (REPORTING_PARAMETERS_ACT.equals(root)) {
            parent.periodAct = true;
          } else if (DATATYPES.containsKey(root) && parent.entry == null) {
            parent.entry = new Entry(DATATYPES.get(root), line);
          }
        }
        header(xml, frame, root, extension, line, single, patientIds, performer, measures);
        entryData(xml, frame);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (frame.entry != null) {
          if (entries.size() < MAX_ENTRIES) {
            entries.add(build(frame.entry));
          } else {
            notRead++;
          }
        }
        if ("documentationOf/serviceEvent/performer".equals(frame.path)) {
          performers.add(new Qrda1Document.Performer(performer[0], performer[1]));
          performer[0] = null;
          performer[1] = null;
        }
        frame = frame.parent;
        if (frame == null) {
          break;
        }
      }
    }
    while (xml.hasNext()) {
      xml.next(); // anything after the root element is refused by the reader
    }
    return new Qrda1Document(rootName, rootNamespace, templates, single[0], single[1], patientIds, single[2],
        single[3], performers, single[4], single[5], single[6], measures, entries, notRead);
  }

  private static void header(XMLStreamReader xml, Frame frame, String root, String extension, int line,
      Qrda1Document.Located[] single, Map<String, Qrda1Document.Located> patientIds,
      Qrda1Document.Located[] performer, List<Qrda1Document.Located> measures) {
    String path = frame.path;
    if (path != null) {
      switch (path) {
        case "informationRecipient/intendedRecipient/id" -> {
          if (PROGRAM_ROOT.equals(root)) {
            single[0] = located(extension, line);
          }
        }
        case "participant/associatedEntity/id" -> {
          if (CEHRT_ROOT.equals(root)) {
            single[1] = located(extension, line);
          }
        }
        case "recordTarget/patientRole/id" -> {
          if (root != null) {
            patientIds.putIfAbsent(root, located(extension, line));
          }
        }
        case "recordTarget/patientRole/patient/birthTime" -> single[2] = located(xml.getAttributeValue(null,
            "value"), line);
        case "recordTarget/patientRole/patient/administrativeGenderCode" -> single[3] = located(
            xml.getAttributeValue(null, "code"), line);
        case "recordTarget/patientRole/patient/administrativeGenderCode/translation" -> {
          if (single[3] == null || single[3].value() == null) {
            single[3] = located(xml.getAttributeValue(null, "code"), line);
          }
        }
        case "custodian/assignedCustodian/representedCustodianOrganization/id" -> {
          if (CCN_ROOT.equals(root)) {
            single[4] = located(extension, line);
          }
        }
        case "documentationOf/serviceEvent/performer/assignedEntity/id" -> {
          if (NPI_ROOT.equals(root)) {
            performer[0] = located(extension, line);
          }
        }
        case "documentationOf/serviceEvent/performer/assignedEntity/representedOrganization/id" -> {
          if (TIN_ROOT.equals(root)) {
            performer[1] = located(extension, line);
          }
        }
        default -> {
          // not a header value
        }
      }
    }
    Frame parent = frame.parent;
    if (parent != null && parent.name.equals("effectiveTime") && parent.parent != null && parent.parent.periodAct) {
      if (frame.name.equals("low")) {
        single[5] = located(xml.getAttributeValue(null, "value"), line);
      } else if (frame.name.equals("high")) {
        single[6] = located(xml.getAttributeValue(null, "value"), line);
      }
    }
    if (frame.name.equals("id") && parent != null && parent.name.equals("externalDocument")
        && EMEASURE_VERSION_ROOT.equals(root)) {
      measures.add(located(extension, line));
    }
  }

  /** The code, times and value of the innermost entry whose element is this element's parent (or grandparent). */
  private static void entryData(XMLStreamReader xml, Frame frame) {
    Frame parent = frame.parent;
    if (parent == null) {
      return;
    }
    if (parent.entry != null) {
      Entry entry = parent.entry;
      switch (frame.name) {
        case "code" -> {
          if (!entry.codeInValue() && !entry.codeInMaterial() && entry.code == null) {
            entry.code = xml.getAttributeValue(null, "code");
            entry.codeSystem = xml.getAttributeValue(null, "codeSystem");
          }
        }
        case "effectiveTime" -> {
          String value = xml.getAttributeValue(null, "value");
          if (value != null && entry.start == null) {
            entry.start = value;
          }
        }
        case "value" -> {
          String code = xml.getAttributeValue(null, "code");
          if (code != null) {
            if (entry.codeInValue() && entry.code == null) {
              entry.code = code;
              entry.codeSystem = xml.getAttributeValue(null, "codeSystem");
            } else if (entry.valueCode == null) {
              entry.valueCode = code;
              entry.valueCodeSystem = xml.getAttributeValue(null, "codeSystem");
            }
          } else if (entry.valueQuantity == null) {
            entry.valueQuantity = xml.getAttributeValue(null, "value");
            entry.unit = xml.getAttributeValue(null, "unit");
          }
        }
        default -> {
          // other parts of the entry are not read
        }
      }
      return;
    }
    if (parent.name.equals("effectiveTime") && parent.parent != null && parent.parent.entry != null) {
      Entry entry = parent.parent.entry;
      if (frame.name.equals("low") && entry.start == null) {
        entry.start = xml.getAttributeValue(null, "value");
      } else if (frame.name.equals("high") && entry.end == null) {
        entry.end = xml.getAttributeValue(null, "value");
      }
      return;
    }
    if (frame.name.equals("code") && parent.name.equals("manufacturedMaterial")) {
      for (Frame up = parent; up != null; up = up.parent) {
        if (up.entry != null) {
          if (up.entry.codeInMaterial() && up.entry.code == null) {
            up.entry.code = xml.getAttributeValue(null, "code");
            up.entry.codeSystem = xml.getAttributeValue(null, "codeSystem");
          }
          return;
        }
      }
    }
  }

  private static Qrda1Entry build(Entry entry) {
    return new Qrda1Entry(entry.datatype, entry.code, entry.codeSystem, date(entry.start), date(entry.end),
        entry.valueCode, entry.valueCodeSystem, entry.valueQuantity, entry.unit, entry.line);
  }

  /** The date of an HL7 TS (yyyyMMdd[HHmm[ss]][±zzzz]); null when absent or not a date. */
  static LocalDate date(String timestamp) {
    if (timestamp == null || timestamp.length() < 8) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(timestamp.substring(0, 4)), Integer.parseInt(timestamp.substring(4, 6)),
          Integer.parseInt(timestamp.substring(6, 8)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Qrda1Document.Located located(String value, int line) {
    return new Qrda1Document.Located(value, line);
  }

  private static int depth(String path) {
    if (path.isEmpty()) {
      return 0;
    }
    int depth = 1;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }
}

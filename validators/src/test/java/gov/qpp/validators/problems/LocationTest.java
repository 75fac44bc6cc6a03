package gov.qpp.validators.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A location is data; its one-string form is the spelling QPP answers and stored warnings have always used. */
class LocationTest {

  @Test
  void aPathAlone() {
    assertEquals("$.measurementSets[0].performanceStart", Location.of("$.measurementSets[0].performanceStart")
        .toString());
  }

  @Test
  void aNodeWithItsLineAndColumnKeepsThemApart() {
    Location node = Location.at("/ClinicalDocument/component/structuredBody", 281, 6);
    assertEquals("/ClinicalDocument/component/structuredBody (line 281, column 6)", node.toString());
    assertEquals("/ClinicalDocument/component/structuredBody", node.path());
    assertEquals(281, node.line());
    assertEquals(6, node.column());
  }

  @Test
  void aLineOfALineOrientedFile() {
    assertEquals("line 12", Location.line(12).toString());
    assertEquals("line 12, column 40", Location.line(12, 40).toString());
    assertEquals("line 12: lines[1].hcpcs", Location.line(12, "lines[1].hcpcs").toString());
    assertNull(Location.line(12, "npi").path(), "a line's field is not a path into a document");
  }

  @Test
  void aFieldBesideAPathAndADocumentAroundIt() {
    assertEquals("MeasureReport.group[0] [performanceMet]", Location.of("MeasureReport.group[0]")
        .withField("performanceMet").toString());
    assertEquals("patient-7.xml: line 40: effectiveTime", Location.line(40, "effectiveTime").in("patient-7.xml")
        .toString());
    assertEquals("zip: a/b.xml", Location.of("a/b.xml").in("zip").toString());
  }

  @Test
  void aLocationNeedsAPathOrALine() {
    assertThrows(IllegalArgumentException.class, () -> new Location(null, null, null, 0, 0));
  }
}

package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Both reports stay well-formed whatever the messages hold, and the JUnit XML counts what failed. */
class ReportsTest {

  /** Markup, quotes, a CDATA end, a control character and a line break: everything a message may carry. */
  private static final String NASTY = "expected <rejected> & \"quoted\" 'it' ]]> \u0001 end\nsecond line";

  private static final Expectation REJECTED = new Expectation(Outcome.REJECTED, List.of("TIN_FORMAT"));

  private static final List<CaseResult> RESULTS = List.of(
      new CaseResult("passes", "fine", true, REJECTED, Outcome.REJECTED, List.of("TIN_FORMAT"), "",
          Duration.ofMillis(3)),
      new CaseResult("wrong-outcome", "<b>desc</b>", false, REJECTED, Outcome.ACCEPTED, List.of(), NASTY,
          Duration.ofMillis(5)),
      new CaseResult("no-answer", "d", false, REJECTED, null, List.of(), "HTTP 500 from http://x <html>",
          Duration.ofMillis(7)));

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void junitXmlIsWellFormedAndCountsFailures() throws Exception {
    Document document = parse(JunitXmlReport.render("suite & co", RESULTS));
    Element suite = document.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("suite & co", suite.getAttribute("name"));
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("2", suite.getAttribute("failures"));
    assertEquals(3, document.getElementsByTagName("testcase").getLength());
    assertEquals(2, document.getElementsByTagName("failure").getLength());

    Element failure = (Element) document.getElementsByTagName("failure").item(0);
    assertEquals("wrong-outcome", ((Element) failure.getParentNode()).getAttribute("name"));
    // The message round-trips, line break included; only the forbidden control character is replaced.
    assertEquals(NASTY.replace('\u0001', '\uFFFD'), failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("actual: accepted []"), failure.getTextContent());
  }

  @Test
  void htmlEscapesEverythingItQuotes() {
    String html = HtmlReport.render("suite", "gateway <x>", RESULTS);
    assertTrue(html.contains("&lt;b&gt;desc&lt;/b&gt;"), html);
    assertTrue(html.contains("gateway &lt;x&gt;"), html);
    assertFalse(html.contains("<b>desc"), html);
    assertFalse(html.contains("<html>"), html);
    assertTrue(html.contains("1 passed, 2 failed"), html);
  }
}

package gov.qpp.validators.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import gov.qpp.validators.json.GuardedJson;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one R4 {@link FhirContext} of the process (building its model costs about a second) and the guarded way
 * to read a document with it: the bytes first pass our hardened JSON or XML reader (no DTDs or entities, bounded
 * nesting and sizes), and only then does HAPI parse them.
 */
public final class FhirR4 {

  public static final FhirContext CONTEXT = FhirContext.forR4Cached();

  /** FHIR resources nest deeper than registry JSON (Bundle > entry > resource > group > stratifier > ...). */
  public static final int MAX_JSON_NESTING = 64;
  /** Narrative and attachments can be long; nothing a measure report needs is near this. */
  public static final int MAX_JSON_STRING = 1024 * 1024;
  public static final int MAX_JSON_NUMBER = 40;

  private static final JsonFactory GUARD = GuardedJson.factory(MAX_JSON_NESTING, MAX_JSON_STRING, MAX_JSON_NUMBER);

  private FhirR4() {
  }

  /** A document that passed the guard (its text and encoding), or the problem that refused it. */
  public record Guarded(String text, FhirEncoding encoding, Problem problem) {
  }

  /** Our hardened readers first: HAPI and the validator see only documents within our limits, without DTDs. */
  public static Guarded guard(byte[] document) {
    Problem notUtf8 = notUtf8(document);
    if (notUtf8 != null) {
      return new Guarded(null, FhirEncoding.sniff(document), notUtf8);
    }
    FhirEncoding encoding = FhirEncoding.sniff(document);
    Problem refused = encoding == FhirEncoding.JSON ? GuardedJson.scan(GUARD, document)
        : HardenedXml.drain(new ByteArrayInputStream(document));
    if (refused != null) {
      return new Guarded(null, encoding, refused);
    }
    String text = new String(document, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
    if (encoding == FhirEncoding.JSON && !text.stripLeading().replaceFirst("^\uFEFF", "").startsWith("{")) {
      return new Guarded(null, encoding, Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "a FHIR resource in JSON is"
          + " an object with a resourceType; this document is not a JSON object"));
    }
    return new Guarded(text, encoding, null);
  }

  private static final java.util.regex.Pattern DECLARED_ENCODING =
      java.util.regex.Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

  /** FHIR is UTF-8 in both encodings: anything else is refused, not guessed at. */
  private static Problem notUtf8(byte[] document) {
    boolean wide = document.length >= 2 && (document[0] == 0 || document[1] == 0
        || (document[0] & 0xff) == 0xFE && (document[1] & 0xff) == 0xFF
        || (document[0] & 0xff) == 0xFF && (document[1] & 0xff) == 0xFE);
    if (wide) {
      return Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "FHIR documents are UTF-8; this one is UTF-16 or UTF-32");
    }
    var decoder = StandardCharsets.UTF_8.newDecoder();
    try {
      decoder.decode(java.nio.ByteBuffer.wrap(document));
    } catch (java.nio.charset.CharacterCodingException e) {
      return Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "FHIR documents are UTF-8; these bytes are not valid"
          + " UTF-8");
    }
    String head = new String(document, 0, Math.min(document.length, 200), StandardCharsets.ISO_8859_1);
    var declared = DECLARED_ENCODING.matcher(head);
    if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) {
      return Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "FHIR XML is UTF-8; this document declares encoding "
          + declared.group(1));
    }
    return null;
  }

  /** HAPI's model of a guarded document, or the problem that says why HAPI cannot read it. */
  public record Parsed(Resource resource, Problem problem) {
  }

  public static Parsed parse(Guarded guarded) {
    try {
      IBaseResource resource = parser(guarded.encoding()).parseResource(guarded.text());
      if (!(resource instanceof Resource r4)) {
        return new Parsed(null, Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "the document is not an R4 resource"));
      }
      return new Parsed(r4, null);
    } catch (DataFormatException | IllegalArgumentException | IllegalStateException | NullPointerException
        | ClassCastException e) {
      // HAPI's parser fails on some malformed shapes with unchecked exceptions other than DataFormatException
      return new Parsed(null, Problem.of(ProblemCode.FHIR_UNREADABLE, "$", "the document cannot be read as FHIR R4 "
          + guarded.encoding().name() + ": " + brief(e.getMessage())));
    }
  }

  /**
   * Lenient: unknown elements and bad values are left for the validator, which reports each at its place with
   * everything else wrong, instead of the parser stopping at the first.
   */
  private static IParser parser(FhirEncoding encoding) {
    IParser parser = encoding == FhirEncoding.JSON ? CONTEXT.newJsonParser() : CONTEXT.newXmlParser();
    return parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
  }

  /** HAPI prefixes its messages with an internal id such as "HAPI-1861: ". */
  static String brief(String message) {
    if (message == null) {
      return "no detail";
    }
    String text = message.replaceFirst("^HAPI-\\d+: ", "");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

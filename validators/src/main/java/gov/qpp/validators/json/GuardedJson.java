package gov.qpp.validators.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.IOException;

/**
 * Untrusted JSON is read only through factories made here: bounded nesting, string and number length, and
 * duplicate keys refused; each failure becomes a problem with its line and column.
 */
public final class GuardedJson {

  private GuardedJson() {
  }

  public static JsonFactory factory(int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxNestingDepth)
            .maxStringLength(maxStringLength)
            .maxNumberLength(maxNumberLength)
            .build())
        .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return factory;
  }

  /** Reads every token of the document: null when it is well-formed within the factory's limits, else why not. */
  public static Problem scan(JsonFactory factory, byte[] document) {
    try (JsonParser parser = factory.createParser(document)) {
      if (parser.nextToken() == null) {
        return Problem.of(ProblemCode.JSON_SYNTAX, "$", "the document is empty; expected a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return Problem.of(ProblemCode.JSON_SYNTAX, at(parser.currentLocation()),
            "the document goes on after its JSON value ends");
      }
      return null;
    } catch (IOException e) {
      return problemFor(e);
    }
  }

  /** The problem for a failure of a parser made by {@link #factory}. */
  public static Problem problemFor(IOException e) {
    if (e instanceof StreamConstraintsException limit) {
      return Problem.of(ProblemCode.JSON_LIMIT_EXCEEDED, at(limit.getLocation()), limit.getOriginalMessage());
    }
    if (e instanceof JsonParseException parse) {
      ProblemCode code = parse.getOriginalMessage().startsWith("Duplicate field")
          ? ProblemCode.JSON_DUPLICATE_KEY : ProblemCode.JSON_SYNTAX;
      return Problem.of(code, at(parse.getLocation()), parse.getOriginalMessage());
    }
    if (e instanceof JsonProcessingException processing) {
      return Problem.of(ProblemCode.JSON_SYNTAX, at(processing.getLocation()), processing.getOriginalMessage());
    }
    return Problem.of(ProblemCode.JSON_SYNTAX, "$", "the document cannot be read as JSON: " + e.getMessage());
  }

  private static Location at(JsonLocation location) {
    return location == null ? Location.of("$") : Location.at("$", location.getLineNr(), location.getColumnNr());
  }
}

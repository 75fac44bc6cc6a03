package gov.qpp.validators.qrda3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.registry.QppJsonWriter;
import java.util.Map;
import java.util.Optional;

/**
 * What users migrating from CMS's QRDA III conversion tool (qpp-conversion-tool) expect: its QPP JSON (every
 * measurement set marked {@code "source": "qrda3"}) and, for each of our problem codes, the tool's error code
 * for the same condition. docs/qrda3.md lists the table; codes without an entry are checks the tool lacks.
 */
public final class ConversionTool {

  static final Map<ProblemCode, Integer> ERROR_CODES = Map.ofEntries(
      Map.entry(ProblemCode.XML_NOT_WELL_FORMED, 2),
      Map.entry(ProblemCode.XML_DTD_NOT_ALLOWED, 2),
      Map.entry(ProblemCode.XML_LIMIT_EXCEEDED, 2),
      Map.entry(ProblemCode.XML_ENCODING, 2),
      Map.entry(ProblemCode.QRDA_NOT_QRDA3, 5),
      Map.entry(ProblemCode.QRDA_MEASURE_GUID_UNKNOWN, 6),
      Map.entry(ProblemCode.QRDA_MEASURE_DATA_MISSING, 7),
      Map.entry(ProblemCode.QRDA_DENOMINATOR_EXCEEDS_POPULATION, 13),
      Map.entry(ProblemCode.QRDA_POPULATION_UNKNOWN, 14),
      Map.entry(ProblemCode.QRDA_PI_MEASURE, 18),
      Map.entry(ProblemCode.QRDA_MEASURE_ID, 16),
      Map.entry(ProblemCode.QRDA_NO_SECTION, 23),
      Map.entry(ProblemCode.QRDA_PROGRAM_MISSING, 24),
      Map.entry(ProblemCode.QRDA_PROGRAM_UNKNOWN, 25),
      Map.entry(ProblemCode.QRDA_DUPLICATE_SECTION, 27),
      Map.entry(ProblemCode.QRDA_PI_DUPLICATE_SECTION, 26),
      Map.entry(ProblemCode.QRDA_PERIOD_START, 29),
      Map.entry(ProblemCode.QRDA_PERIOD_END, 30),
      Map.entry(ProblemCode.QRDA_PERIOD_DATE, 69),
      Map.entry(ProblemCode.QRDA_REPORTING_PARAMETERS, 32),
      Map.entry(ProblemCode.QRDA_IA_REPORTING_PARAMETERS, 44),
      Map.entry(ProblemCode.QRDA_PI_REPORTING_PARAMETERS, 22),
      Map.entry(ProblemCode.QRDA_PERFORMANCE_RATE, 33),
      Map.entry(ProblemCode.QRDA_SECTION_WRONG_CHILD, 45),
      Map.entry(ProblemCode.QRDA_MEASURE_PERFORMED, 51),
      Map.entry(ProblemCode.QRDA_MEASURE_PERFORMED_MISSING, 50),
      Map.entry(ProblemCode.QRDA_COUNT_VALUE_NOT_SINGLE, 8),
      Map.entry(ProblemCode.QRDA_COUNT_NOT_INTEGER, 9),
      Map.entry(ProblemCode.QRDA_COUNT_MISSING, 52),
      Map.entry(ProblemCode.QRDA_COUNT_NEGATIVE, 53),
      Map.entry(ProblemCode.QRDA_PI_COUNT_MISSING, 39),
      Map.entry(ProblemCode.QRDA_PI_COUNT_NOT_INTEGER, 41),
      Map.entry(ProblemCode.QRDA_PI_COUNT_INVALID, 42),
      Map.entry(ProblemCode.QRDA_MEASURE_DATA_INVALID, 58),
      Map.entry(ProblemCode.QRDA_POPULATION_MISSING, 59),
      Map.entry(ProblemCode.QRDA_MEASURE_GUID, 70),
      Map.entry(ProblemCode.DUPLICATE_MEASURE, 71),
      Map.entry(ProblemCode.ENTITY_IDENTIFIER_MISSING, 78),
      Map.entry(ProblemCode.QRDA_SECTION_EMPTY, 81),
      Map.entry(ProblemCode.QRDA_IA_SECTION_EMPTY, 43),
      Map.entry(ProblemCode.PI_SUBSTITUTE_WITH_ORIGINAL, 102));

  private ConversionTool() {
  }

  /** The tool's error code for the same condition, when it checks it. */
  public static Optional<Integer> errorCode(ProblemCode code) {
    return Optional.ofNullable(ERROR_CODES.get(code));
  }

  /** The QPP JSON the tool answers for a converted document. */
  public static ObjectNode qppJson(Submission submission) {
    ObjectNode json = QppJsonWriter.submission(submission);
    for (JsonNode set : json.withArray("measurementSets")) {
      ((ObjectNode) set).put("source", "qrda3");
    }
    return json;
  }
}

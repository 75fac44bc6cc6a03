package gov.qpp.validators.qrda3;

import static gov.qpp.validators.qrda3.Qrda3Document.IA_MEASURE_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.MEASURE_REFERENCE;
import static gov.qpp.validators.qrda3.Qrda3Document.PI_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.QUALITY_PATH;
import static gov.qpp.validators.qrda3.Qrda3Document.errorCodes;
import static gov.qpp.validators.qrda3.Qrda3Document.rejectedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The format-independent catalog rules that CMS's tool also has (ConversionTool maps them), run on a QRDA III
 * document: they must point at the QRDA element the measurement came from.
 *
 * <p>These locations are the element's path only (the adapter hands the rules section and measure paths without
 * lines), so the tests check that the location starts with the path rather than matching "path (line n, ...)".
 */
class Qrda3CatalogRuleProblemsTest {

  private final Qrda3Document valid = Qrda3Document.valid();

  @Test
  void activityRetiredBefore2021IsUnknownInThe2021Catalog() {
    // IA_CC_5 exists in the 2020 catalog but not in 2021's.
    Qrda3Document document = valid.replace("extension=\"IA_EPA_2\"", "extension=\"IA_CC_5\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.MEASURE_UNKNOWN);

    assertTrue(problem.location().toString().startsWith(IA_MEASURE_PATH), () -> problem.location().toString());
    assertTrue(problem.message().contains("IA_CC_5"), problem::message);
  }

  @Test
  void activityRetiredBefore2025IsUnknownInThe2025Catalog() {
    // IA_EPA_1 exists in the 2024 catalog but not in 2025's.
    Qrda3Document document = Qrda3Document.valid2025().replace("extension=\"IA_EPA_2\"", "extension=\"IA_EPA_1\"");

    Problem problem = rejectedFor(document.intake(), ProblemCode.MEASURE_UNKNOWN);

    assertTrue(problem.location().toString().startsWith(IA_MEASURE_PATH), () -> problem.location().toString());
    assertTrue(problem.message().contains("IA_EPA_1"), problem::message);
  }

  @Test
  void sameEcqmReportedTwiceIsADuplicateMeasure() {
    Qrda3Document document = valid.at(MEASURE_REFERENCE).duplicateEnclosing("entry");

    Problem problem = rejectedFor(document.intake(), ProblemCode.DUPLICATE_MEASURE);

    // The second copy (the section's third entry) is the duplicate.
    assertTrue(problem.location().toString().startsWith(QUALITY_PATH + "/entry[3]/organizer"), () -> problem.location().toString());
    assertTrue(problem.message().contains(MEASURE_PATH), problem::message);
  }

  @Test
  void piSubstituteReportedWithTheMeasureItReplacesIsRefused() {
    // PI_HIE_5 (an attestation) substitutes PI_HIE_1 (a proportion) and the other way round.
    Qrda3Document document = valid.replace("extension=\"PI_EP_1\"", "extension=\"PI_HIE_1\"")
        .replace("extension=\"PI_INFBLO_1\"", "extension=\"PI_HIE_5\"");

    IntakeResult result = document.intake();

    assertEquals(Set.of(ProblemCode.PI_SUBSTITUTE_WITH_ORIGINAL), errorCodes(result), () -> "" + result.problems());
    assertFalse(result.accepted());
    List<String> locations = result.problems().stream().map((p -> p.location().toString())).sorted().toList();
    assertEquals(2, locations.size(), locations::toString);
    assertTrue(locations.get(0).startsWith(PI_PATH + "/entry[2]/organizer"), locations::toString);
    assertTrue(locations.get(1).startsWith(PI_PATH + "/entry[3]/organizer"), locations::toString);
  }
}

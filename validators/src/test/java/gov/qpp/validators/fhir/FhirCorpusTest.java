package gov.qpp.validators.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.rules.IntakeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public FHIR file of ../shared/corpus/fhir, with the errors the gateway gives it and why each is right about
 * the file. None is accepted: they are guide examples (example measures, reporters that are not in the file or
 * carry no TIN) or a MADiE test case; our own fixtures (FhirIntakeTest) cover acceptance.
 */
class FhirCorpusTest {

  record Expected(String file, Set<ProblemCode> errors, String why) {
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        new Expected("CMS122FHIR-v0.5.000-NUMFail-HbA1cLessThan9.json", Set.of(ProblemCode.FHIR_MODIFIER_EXTENSION,
            ProblemCode.FHIR_REPORTER_MISSING, ProblemCode.FHIR_SUBJECT_MISSING, ProblemCode.FHIR_RESOURCE_TYPE),
            "a MADiE test case (modifierExtension cqfm-isTestCase = true) with neither reporter nor subject, whose"
                + " transaction entries are PUTs (updates, which the gateway does not do); its measure resolves"
                + " (CMS122 -> 001 in 2026)"),
        new Expected("deqm/Bundle-col-submit-obs.json", Set.of(ProblemCode.FHIR_REPORT_TYPE_UNSUPPORTED,
            ProblemCode.FHIR_REPORTER_IDENTIFIER, ProblemCode.FHIR_MEASURE_UNKNOWN),
            "a data-collection report (patient data for the receiver to evaluate); its Organization carries an NPI,"
                + " not a TIN; EXM130-FHIR is an example measure, no eMeasureId"),
        new Expected("deqm/Bundle-multiple-summ-report.json", Set.of(ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_REPORTER_IDENTIFIER, ProblemCode.FHIR_REPORTERS_DIFFER,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "three summaries of example measures (EXM55, EXM130, mrp) for 2018 and 2019; the first reporter is not"
                + " in the Bundle and the shared Organization has no TIN"),
        new Expected("deqm/Bundle-single-indv-col-obs-report.json", Set.of(ProblemCode.FHIR_REPORTER_IDENTIFIER,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "an individual report of example measure EXM130 whose Organization has no TIN"),
        new Expected("deqm/MeasureReport-attestation-boolean.json", Set.of(ProblemCode.FHIR_INVALID,
            ProblemCode.FHIR_REPORTER_MISSING, ProblemCode.FHIR_MEASURE_UNKNOWN),
            "measure-scoring code 'attestation' is not in R4's code system; the reporter Organization is not"
                + " sent; an example measure"),
        new Expected("deqm/MeasureReport-datax-measurereport01.json", Set.of(
            ProblemCode.FHIR_REPORT_TYPE_UNSUPPORTED, ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "a data-exchange report without results; reporter not sent; example measure"),
        new Expected("deqm/MeasureReport-indv-measurereport01.json", Set.of(ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "an individual report whose reporter Organization is not sent, of example measure measure-mrp-example"),
        new Expected("deqm/MeasureReport-indv-measurereport02.json", Set.of(ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "as indv-measurereport01"),
        new Expected("deqm/MeasureReport-summ-PI.json", Set.of(ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "a summary of example measure measure-pi-example; reporter not sent"),
        new Expected("deqm/MeasureReport-summ-measurereport01.json", Set.of(ProblemCode.FHIR_REPORTER_MISSING,
            ProblemCode.FHIR_MEASURE_UNKNOWN),
            "a summary of example measure measure-mrp-example; reporter not sent"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusedForWhatIsWrongWithTheFile(Expected expected) throws Exception {
    Path dir = SharedFolder.corpus("fhir").orElse(null);
    assumeTrue(dir != null && Files.isDirectory(dir), "skipped: ../shared/corpus/fhir not found");
    FhirIntake intake = new FhirIntake(TestCatalog.get(), SharedValidator.get(), Map.of());
    IntakeResult result = intake.intake(Files.readAllBytes(dir.resolve(expected.file())));
    assertFalse(result.accepted(), expected.why());
    Set<ProblemCode> errors = result.problems().stream().filter(Problem::isError).map(Problem::code)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(expected.errors()), errors, expected.file() + ": " + expected.why());
  }

  @org.junit.jupiter.api.Test
  void everyCorpusFileIsListed() throws Exception {
    Path dir = SharedFolder.corpus("fhir").orElse(null);
    assumeTrue(dir != null && Files.isDirectory(dir), "skipped: ../shared/corpus/fhir not found");
    Set<String> listed = corpus().map(a -> ((Expected) a.get()[0]).file()).collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(dir)) {
      Set<String> present = files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
          .map(f -> dir.relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(present, new TreeSet<>(listed));
    }
  }
}

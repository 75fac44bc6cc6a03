package gov.qpp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.qrda3.ConversionTool;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.rules.IntakeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parity with CMS's QRDA III conversion tool: every public sample file through our adapter (one build, every
 * year), compared with what the tool answers for the file's own year (its PY2024 and PY2025 builds), or, for
 * years without an answer, with whether the corpus README calls the file valid. Every difference must be one of
 * the deliberate ones below (docs/qrda3.md explains each), and each listed one must really differ.
 */
class Qrda3ParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? Double.compare(a.doubleValue(), b.doubleValue()) : (a.equals(b) ? 0 : 1);

  /** Files the corpus README lists as valid for their own year (no oracle for 2017-2023). */
  static final List<String> VALID = List.of("sample-files/2025/", "qrda-files/valid-QRDA-III-latest.xml",
      "commandline-tests/valid-QRDA-III-latest.xml", "converter-tests/app/2025/", "converter-tests/app_plus/2025/",
      "converter-tests/valid-QRDA-III-abridged.xml", "sample-files/2024/", "qrda-files/2024/valid-QRDA-III-latest.xml",
      "converter-tests/app/2024/", "sample-files/2023/", "sample-files/2022/", "converter-tests/app/2022/",
      "sample-files/2021/", "sample-files/2020/MIPS_APM_Entity_Submission.xml", "qrda-files/demo-mips-virtual-group.xml",
      "qrda-files/valid-QRDA-III-latest-2018.xml", "acceptance-tests/2018/MIPS_GROUP_QRDA_III_PI_IA_Sample1.xml",
      "acceptance-tests/2018/MIPS_Sample.xml", "acceptance-tests/2018/quality-mips-1.xml",
      "acceptance-tests/2018/mipsCms347v1SampleFile.xml", "converter-tests/validations_1.xml",
      "qrda-files/2017_Sample_QRDA_III_Informative.xml", "qrda-files/valid-QRDA-III-2017.xml",
      "qrda-files/valid-QRDA-III.xml");

  /** Where we deliberately answer otherwise than the oracle, and why (docs/qrda3.md, "Deliberate differences"). */
  static final Map<String, String> DELIBERATE = new TreeMap<>(Map.ofEntries(
      Map.entry("commandline-tests/valid-QRDA-III-latest.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("qrda-files/valid-QRDA-III-latest.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("qrda-files/2024/valid-QRDA-III-latest.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2025/MultiStrata_SinglePerformanceRate-sample.xml", "NPI 1234567890 fails the check digit"),
      Map.entry("sample-files/2024/MultiStrata_SinglePerformanceRate-sample.xml", "NPI 1234567890 fails the check digit"),
      Map.entry("sample-files/2023/MultiStrata_SinglePerformanceRate-sample.xml", "NPI 1234567890 fails the check digit"),
      Map.entry("sample-files/2025/Mvp_Mips-Ind-Sample.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2024/Mvp_Mips-Ind-Sample.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2023/Mvp_Mips-Ind-Sample.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2022/App1-Indv-QRDA-III.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2022/Y6-NUMEX-QRDA-III-MIPS.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("sample-files/2021/App1-Indv-QRDA-III.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("converter-tests/app/2022/App1-Indv-QRDA-III.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("acceptance-tests/2018/quality-mips-1.xml", "its NPI fails the NPI check digit"),
      Map.entry("qrda-files/valid-QRDA-III-2017.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("qrda-files/valid-QRDA-III-latest-2018.xml", "NPI 0777777777 fails the NPI check digit"),
      Map.entry("converter-tests/valid-QRDA-III-abridged.xml",
          "PI measure PI-PEA-1 and MVP MVP01123 do not exist in the catalog of its year (2018)"),
      Map.entry("qrda-files/demo-mips-virtual-group.xml",
          "its PI and IA periods are in 2020 while the quality period (the performance year) is 2022"),
      Map.entry("qrda-files/2017_Sample_QRDA_III_Informative.xml", "measure 366 reports DENOM 130 above IPOP 125"),
      Map.entry("qrda-files/valid-QRDA-III.xml",
          "measure 226's population UUIDs are not those of the 2017 catalog"),
      Map.entry("sample-files/2020/MIPS_APM_Entity_Submission.xml",
          "program name MIPSAPM is not a program CMS accepts (MIPS_APMENTITY is)"),
      Map.entry("converter-tests/validations_1.xml",
          "its PI and IA sections have no reporting period and two PI measures lack a numerator or denominator")));

  /**
   * The tool's code 5 says its one-year build could not read the file as a report of its own year's guide (old
   * years, CPC+, other templates). We read every year and name the actual mistakes instead, so there the codes are
   * not compared; both sides still reject.
   */
  static final int TOOL_NOT_THIS_YEARS_QRDA3 = 5;

  /**
   * Files both reject where our codes (as tool codes) differ from the tool's, and why (docs/qrda3.md, "Rejected
   * files, code by code"). Everywhere else the codes must be equal.
   */
  static final Map<String, String> CODE_DIFFERENCES = new TreeMap<>(Map.ofEntries(
      Map.entry("converter-tests/converter/errantDefaultedNode.xml", "we also name the IA section's missing"
          + " reporting parameters act (44); the tool stops at the section's first mistake (43)"),
      Map.entry("converter-tests/negative/angerClinicalDocumentValidations.xml", "we also name the PI reporting"
          + " period's missing end (30); the tool stops at its missing start (29)"),
      Map.entry("converter-tests/negative/iaSectionMissingReportingParameter.xml", "we also name the activity"
          + " without a measure id (16); the tool does not check IA ids"),
      Map.entry("converter-tests/negative/angerMeasureDataValidations.xml", "a 2017 report: its measure 160 GUID is"
          + " in the 2017 catalog we check it against, not in the 2025 one of the tool's build (6)"),
      Map.entry("converter-tests/negative/decimalPerfRateDenomZero.xml", "a 2020 report (program PCF): its GUIDs are"
          + " not 2020 eCQMs (6), which the tool's 2025 build, stopping at the program (25), does not look at"),
      Map.entry("converter-tests/negative/perfRateDenomZero.xml", "a 2020 report (program PCF): its GUIDs are not"
          + " 2020 eCQMs (6), which the tool's 2025 build, stopping at the program (25), does not look at"),
      Map.entry("converter-tests/negative/perfDenomAggCountMissing.xml", "a 2020 report (program CPCPLUS): its GUIDs"
          + " are not 2020 eCQMs (6), so we do not read the populations of those measures, one of which lacks its"
          + " count (52)")));

  record Verdict(String file, String oracle, boolean identical, String detail, java.util.Set<Integer> toolCodes,
      java.util.Set<Integer> ourToolCodes) {

    Verdict(String file, String oracle, boolean identical, String detail) {
      this(file, oracle, identical, detail, java.util.Set.of(), java.util.Set.of());
    }

    /** Rejected by both, and the tool's answer names conditions (not just "not a report of my year"). */
    boolean comparableCodes() {
      return oracle.contains("rejected") && identical && !toolCodes.isEmpty()
          && !toolCodes.equals(java.util.Set.of(TOOL_NOT_THIS_YEARS_QRDA3));
    }
  }

  @Test
  void everySampleFileAgreesWithTheToolOrDiffersDeliberately() throws IOException {
    Path corpus = SharedFolder.corpus("qrda3").orElse(null);
    // CMS's samples of 2017-2025 and its tool's answers, each file judged on the catalog of its own year
    assumeTrue(corpus != null, "skipped: needs the shared folder (CMS's QRDA III samples, its tool's answers and the"
        + " 2023+ catalog years); ../shared/corpus/qrda3 not found (set qpp.shared.dir)");
    Qrda3Intake intake = new Qrda3Intake(SharedCatalog.get());
    List<Verdict> verdicts = new ArrayList<>();
    for (Path file : xmlFiles(corpus.resolve("files"))) {
      String name = corpus.resolve("files").relativize(file).toString().replace('\\', '/');
      Verdict verdict = judge(corpus, name, intake.intake(Files.readAllBytes(file)));
      if (verdict != null) {
        verdicts.add(verdict);
      }
    }
    long identical = verdicts.stream().filter(Verdict::identical).count();
    long oracle = verdicts.stream().filter(v -> v.oracle().startsWith("tool")).count();
    long oracleIdentical = verdicts.stream().filter(v -> v.oracle().startsWith("tool") && v.identical()).count();
    System.out.println("QRDA III parity: " + identical + " of " + verdicts.size() + " files identical ("
        + oracleIdentical + " of " + oracle + " judged by the tool's answer for their year, the rest by the corpus"
        + " README); the " + (verdicts.size() - identical) + " others differ deliberately:");
    verdicts.stream().filter(v -> v.oracle().contains("rejected"))
        .forEach(v -> System.out.println("  rejected by both: " + v.file() + " — " + v.detail()));
    List<String> unexplained = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      if (!verdict.identical()) {
        String reason = DELIBERATE.get(verdict.file());
        System.out.println("  " + verdict.file() + " [" + verdict.oracle() + "] " + verdict.detail() + " — "
            + (reason == null ? "UNEXPLAINED" : reason));
        if (reason == null) {
          unexplained.add(verdict.file() + ": " + verdict.detail());
        }
      }
    }
    assertEquals(List.of(), unexplained, "differences from the tool that docs/qrda3.md does not explain");
    List<String> stale = DELIBERATE.keySet().stream()
        .filter(file -> verdicts.stream().noneMatch(v -> v.file().equals(file) && !v.identical())).toList();
    assertEquals(List.of(), stale, "listed as deliberate differences but now identical: update the list and docs");
    assertSameCodes(verdicts);
    assertTrue(oracle > 20, "expected more than 20 files with an oracle, found " + oracle);
  }

  /** Rejected by both: the same conditions, code by code, unless the file is listed in CODE_DIFFERENCES. */
  private static void assertSameCodes(List<Verdict> verdicts) {
    List<Verdict> comparable = verdicts.stream().filter(Verdict::comparableCodes).toList();
    List<String> unexplained = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    for (Verdict verdict : comparable) {
      if (!verdict.toolCodes().equals(verdict.ourToolCodes())) {
        differing.add(verdict.file());
        String reason = CODE_DIFFERENCES.get(verdict.file());
        System.out.println("  codes differ: " + verdict.file() + " tool " + verdict.toolCodes() + ", ours "
            + verdict.ourToolCodes() + " — " + (reason == null ? "UNEXPLAINED" : reason));
        if (reason == null) {
          unexplained.add(verdict.file() + ": tool " + verdict.toolCodes() + ", ours " + verdict.ourToolCodes());
        }
      }
    }
    System.out.println("QRDA III rejected files, code by code: " + (comparable.size() - differing.size()) + " of "
        + comparable.size() + " with the tool's exact codes; the rest differ as listed");
    assertEquals(List.of(), unexplained, "rejected files whose codes differ from the tool's without a reason");
    List<String> stale = CODE_DIFFERENCES.keySet().stream().filter(file -> !differing.contains(file)).toList();
    assertEquals(List.of(), stale, "listed as differing in codes but now the same: update the list and docs");
  }

  /** The verdict on one file, or null when neither the tool's answers nor the README judge it. */
  private static Verdict judge(Path corpus, String name, IntakeResult ours) throws IOException {
    String base = name.substring(0, name.length() - ".xml".length());
    Integer year = ours.submission() == null ? null : ours.submission().performanceYear();
    String ourSide = ours.accepted() ? "accepted" : "rejected " + errorCodes(ours);
    if (year != null && (year == 2024 || year == 2025)) {
      Path answers = corpus.resolve("answers-tool-py" + year);
      Path ok = answers.resolve(base + "-qpp.json");
      if (Files.exists(ok)) {
        if (!ours.accepted()) {
          return new Verdict(name, "tool py" + year + " accepted", false, "we " + ourSide);
        }
        boolean same = ConversionTool.qppJson(ours.submission()).equals(NUMBERS_BY_VALUE, JSON.readTree(ok.toFile()));
        return new Verdict(name, "tool py" + year + " accepted", same, same ? "same QPP JSON" : "QPP JSON differs");
      }
      Path error = answers.resolve(base + "-error.json");
      if (Files.exists(error)) {
        return new Verdict(name, "tool py" + year + " rejected", !ours.accepted(),
            "we " + ourSide + "; tool codes " + toolCodes(error) + ", ours as tool codes " + asToolCodes(ours),
            toolCodes(error), asToolCodes(ours));
      }
    }
    if (VALID.stream().anyMatch(name::startsWith)) {
      return new Verdict(name, "README: valid", ours.accepted(), "we " + ourSide);
    }
    boolean toolRejectsAll = Stream.of("2024", "2025")
        .map(build -> corpus.resolve("answers-tool-py" + build).resolve(base + "-error.json"))
        .allMatch(Files::exists);
    if (year == null && toolRejectsAll) {
      Path current = corpus.resolve("answers-tool-py2025").resolve(base + "-error.json");
      return new Verdict(name, "tool rejected (every build)", !ours.accepted(), "we " + ourSide
          + "; tool py2025 codes " + toolCodes(current) + ", ours as tool codes " + asToolCodes(ours),
          toolCodes(current), asToolCodes(ours));
    }
    return null;
  }

  private static java.util.Set<Integer> toolCodes(Path errorFile) throws IOException {
    java.util.Set<Integer> codes = new java.util.TreeSet<>();
    for (JsonNode error : JSON.readTree(errorFile.toFile()).path("errors")) {
      for (JsonNode detail : error.path("details")) {
        codes.add(detail.path("errorCode").asInt());
      }
    }
    return codes;
  }

  private static java.util.Set<Integer> asToolCodes(IntakeResult result) {
    java.util.Set<Integer> codes = new java.util.TreeSet<>();
    result.problems().stream().filter(Problem::isError)
        .forEach(p -> ConversionTool.errorCode(p.code()).ifPresent(codes::add));
    return codes;
  }

  private static List<String> errorCodes(IntakeResult result) {
    return result.problems().stream().filter(Problem::isError).map(p -> p.code().name()).distinct().toList();
  }

  private static List<Path> xmlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}

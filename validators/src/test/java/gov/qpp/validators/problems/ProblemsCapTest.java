package gov.qpp.validators.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer is capped, but an error found after the cap of warnings is still in it. */
class ProblemsCapTest {

  @Test
  void errorsPushOutWarningsPastTheCap() {
    Problems problems = new Problems();
    for (int i = 0; i < Problems.MAX_PROBLEMS_PER_DOCUMENT + 50; i++) {
      problems.add(ProblemCode.FHIR_WARNING, "Patient", "warning " + i);
    }
    problems.add(ProblemCode.FHIR_MEASURE_UNKNOWN, "MeasureReport.measure", "unknown measure");
    List<Problem> list = problems.list();
    assertEquals(Problems.MAX_PROBLEMS_PER_DOCUMENT + 1, list.size());
    assertTrue(list.stream().anyMatch(p -> p.code() == ProblemCode.FHIR_MEASURE_UNKNOWN));
    assertEquals(ProblemCode.TOO_MANY_PROBLEMS, list.get(list.size() - 1).code());
    assertTrue(list.get(list.size() - 1).message().startsWith("51 more"), list.get(list.size() - 1).message());
  }
}

package gov.qpp.validators.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Accumulates problems for one document, capped so that a hostile document cannot make the answer (or the
 * memory holding it) grow without bound. Past the cap one final problem says how many were left out.
 */
public final class Problems {

  /** At most this many problems are kept per document. */
  public static final int MAX_PROBLEMS_PER_DOCUMENT = 200;

  private final List<Problem> problems = new ArrayList<>();
  private int dropped;
  private boolean hasError;

  public void add(ProblemCode code, Location location, String message) {
    add(Problem.of(code, location, message));
  }

  /** At a path alone (a JSON path, a FHIRPath, a header name). */
  public void add(ProblemCode code, String path, String message) {
    add(Problem.of(code, path, message));
  }

  /** Past the cap an error still gets in, in place of the latest warning: the answer must say why it refuses. */
  public void add(Problem problem) {
    hasError |= problem.isError();
    if (problems.size() < MAX_PROBLEMS_PER_DOCUMENT) {
      problems.add(problem);
      return;
    }
    dropped++;
    if (problem.isError()) {
      for (int i = problems.size() - 1; i >= 0; i--) {
        if (!problems.get(i).isError()) {
          problems.remove(i);
          problems.add(problem);
          return;
        }
      }
    }
  }

  public void addAll(List<Problem> more) {
    more.forEach(this::add);
  }

  public boolean hasErrors() {
    return hasError;
  }

  public List<Problem> list() {
    if (dropped == 0) {
      return Collections.unmodifiableList(problems);
    }
    List<Problem> all = new ArrayList<>(problems);
    all.add(Problem.of(ProblemCode.TOO_MANY_PROBLEMS, "$",
        dropped + " more problems were found and not listed; fix the ones above and submit again"));
    return Collections.unmodifiableList(all);
  }
}

package gov.qpp.validators.claims;

import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.problems.Severity;
import java.util.List;

/**
 * What reading a claims file came to: how many claims and file lines were read, used, rejected (a claim with an
 * error is rejected whole) and skipped (valid, but outside the performance year), and the problems, capped like
 * every document's. The counts are exact whatever the cap keeps.
 */
public final class ClaimsReport {

  /** Counts of one kind of thing (claims, or lines of the file). */
  public static final class Tally {
    long read;
    long used;
    long rejected;
    long skipped;

    public long read() {
      return read;
    }

    public long used() {
      return used;
    }

    public long rejected() {
      return rejected;
    }

    public long skipped() {
      return skipped;
    }
  }

  private final Problems problems = new Problems();
  private final Tally claims = new Tally();
  private final Tally lines = new Tally();
  private boolean fileRefused;
  private boolean unissuedMbiReported;

  public Tally claims() {
    return claims;
  }

  /** Lines of the file that carry claim data (blank lines and the CSV header are not counted). */
  public Tally lines() {
    return lines;
  }

  public List<Problem> problems() {
    return problems.list();
  }

  /** True when the file as a whole cannot be used (unreadable, wrong header, no usable claim, too many rejected). */
  public boolean fileRefused() {
    return fileRefused;
  }

  void claimProblem(Problem problem) {
    problems.add(problem);
  }

  void fileProblem(ProblemCode code, Location location, String message) {
    problems.add(code, location, message);
    if (code.severity() == Severity.ERROR) {
      fileRefused = true;
    }
  }

  /** At a path alone ("$", a query parameter). */
  void fileProblem(ProblemCode code, String path, String message) {
    fileProblem(code, Location.of(path), message);
  }

  void used(long fileLines) {
    claims.read++;
    claims.used++;
    lines.read += fileLines;
    lines.used += fileLines;
  }

  void rejected(long fileLines) {
    claims.read++;
    claims.rejected++;
    lines.read += fileLines;
    lines.rejected += fileLines;
  }

  void skipped(long fileLines) {
    claims.read++;
    claims.skipped++;
    lines.read += fileLines;
    lines.skipped += fileLines;
  }

  /** The unissued-letters warning is given once per file, not once per claim. */
  boolean firstUnissuedMbi() {
    if (unissuedMbiReported) {
      return false;
    }
    unissuedMbiReported = true;
    return true;
  }
}

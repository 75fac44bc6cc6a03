package gov.qpp.validators.claims;

import gov.qpp.validators.problems.Problem;
import java.util.List;

/** Receives each claim a reader has assembled, with the problems the reader found in it and how many file lines it spans. */
interface ClaimHandler {
  void claim(RawClaim raw, List<Problem> readProblems, long fileLines);
}

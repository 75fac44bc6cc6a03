package gov.qpp.validators.claims;

import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import java.util.List;

/**
 * What a claims file came to: the counts and problems of reading it, the measurement sets computed per clinician
 * and per group (each validated like any submission), every clinician's Part B volume, and which of the year's
 * claims measures were computed, and how many clinicians' eligible instances (patients, or visits, per measure)
 * were kept while reading. Nothing is stored when the file as a whole is refused.
 */
public record ClaimsOutcome(Integer performanceYear, ClaimsReport report, List<Derived> submissions,
    List<ClaimsVolume> volumes, List<String> computedMeasures, List<NotComputed> notComputed,
    long eligibleInstances) {

  public ClaimsOutcome {
    submissions = List.copyOf(submissions);
    volumes = List.copyOf(volumes);
    computedMeasures = List.copyOf(computedMeasures);
    notComputed = List.copyOf(notComputed);
  }

  /** A measure the year lists for claims that the gateway does not compute, and why. */
  public record NotComputed(String measureId, String reason) {
  }

  /** One clinician's or group's submission computed from the claims, and what validating it found. */
  public record Derived(Clinician clinician, Submission submission, List<Problem> problems) {
    public Derived {
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.stream().noneMatch(Problem::isError);
    }
  }

  public boolean accepted() {
    return !report.fileRefused();
  }

  public List<Derived> validSubmissions() {
    return submissions.stream().filter(Derived::valid).toList();
  }
}

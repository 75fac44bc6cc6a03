package gov.qpp.validators.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The measurements of one category, reported by one submission method for one program over one period.
 * Unique within a submission by (category, submissionMethod, programName).
 */
public record MeasurementSet(Category category, String submissionMethod, String programName,
    LocalDate performanceStart, LocalDate performanceEnd, String cehrtId, List<Measurement> measurements) {

  public static final String DEFAULT_PROGRAM = "mips";

  public MeasurementSet {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(submissionMethod, "submissionMethod");
    programName = programName == null ? DEFAULT_PROGRAM : programName;
    measurements = List.copyOf(measurements);
  }

  /** The key that makes a set unique within its submission. */
  public String uniqueKey() {
    return category.apiName() + "/" + submissionMethod + "/" + programName;
  }
}

package gov.qpp.validators.registry;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.rules.IntakeResult;
import gov.qpp.validators.rules.SubmissionValidator;

/** Registry JSON bytes to a validated submission: read the shape, then run the catalog rules. */
public final class RegistryJsonIntake {

  private final RegistryJsonReader reader;
  private final MeasureCatalog catalog;

  public RegistryJsonIntake(MeasureCatalog catalog) {
    this.catalog = catalog;
    this.reader = new RegistryJsonReader(catalog);
  }

  public IntakeResult intake(byte[] document) {
    RegistryJsonReader.Result read = reader.read(document);
    Problems problems = read.problems();
    Submission submission = read.submission();
    if (submission != null) {
      catalog.year(submission.performanceYear()).ifPresent(year -> SubmissionValidator.validate(submission, year,
          new JsonPathLocator(read.measurementSetBody()), problems));
    }
    return new IntakeResult(submission, problems.list());
  }
}

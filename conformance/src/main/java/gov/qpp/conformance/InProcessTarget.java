package gov.qpp.conformance;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.intake.IntakeResult;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.Intakes;

/** Runs the gateway's own format adapters in this JVM: the same answer the gateway gives, without a server. */
public final class InProcessTarget implements Target {

  private final Intakes intakes;
  private final String catalogSource;

  public InProcessTarget(MeasureCatalog catalog) {
    this.intakes = new Intakes(catalog);
    this.catalogSource = catalog.source() + ", years " + catalog.years();
  }

  @Override
  public Observation validate(ConformanceCase testCase) throws TargetException {
    IntakeResult result;
    try {
      result = intakes.intake(Format.byId(testCase.format()).orElseThrow(), testCase.document());
    } catch (RuntimeException e) {
      // A validator bug must fail this case, not end the run: the other cases still tell testers something.
      throw new TargetException("the validator failed on this document: " + e);
    }
    return new Observation(result.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED,
        result.problems().stream().map(Problem::code).map(Enum::name).toList());
  }

  @Override
  public String describe() {
    return "in-process validator (catalog " + catalogSource + ")";
  }
}

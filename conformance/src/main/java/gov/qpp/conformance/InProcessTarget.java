package gov.qpp.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qpp.scoring.Eligibility;
import gov.qpp.scoring.EntityScorer;
import gov.qpp.scoring.StoredSet;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.intake.Body;
import gov.qpp.validators.intake.Declared;
import gov.qpp.validators.intake.Format;
import gov.qpp.validators.intake.IntakeOutcome;
import gov.qpp.validators.intake.Intakes;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs the gateway's own format adapters and scoring engine in this JVM: the same answer and score the gateway
 * gives, without a server. A document is scored as its entity's only submission, with no eligibility data supplied
 * and the scaling factors at 1 (as a fresh gateway scores it).
 */
public final class InProcessTarget implements Target {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MeasureCatalog catalog;
  private final Intakes intakes;
  private final String catalogSource;

  public InProcessTarget(MeasureCatalog catalog) {
    this.catalog = catalog;
    this.intakes = new Intakes(catalog);
    this.catalogSource = catalog.source() + ", years " + catalog.years();
  }

  @Override
  public Observation validate(ConformanceCase testCase) throws TargetException {
    IntakeOutcome result;
    JsonNode score = null;
    try {
      Format format = Format.byId(testCase.format()).orElseThrow();
      result = intakes.read(format, Body.of(testCase.document()), Declared.of(format.mediaType()));
      if (testCase.expect().score() != null && result.accepted()
          && result instanceof IntakeOutcome.Document document) {
        score = score(document.submission());
      }
    } catch (RuntimeException e) {
      // A validator bug must fail this case, not end the run: the other cases still tell testers something.
      throw new TargetException("the validator failed on this document: " + e);
    }
    return new Observation(result.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED,
        result.problems().stream().map(Problem::code).map(Enum::name).toList(), score);
  }

  /** The score tree of the submission's entity, the submission being all it has sent. */
  private JsonNode score(Submission submission) {
    CatalogYear year = catalog.year(submission.performanceYear()).orElseThrow();
    UUID id = UUID.nameUUIDFromBytes(submission.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<StoredSet> sets = submission.measurementSets().stream()
        .map(set -> new StoredSet(id, "conformance", Instant.EPOCH, set)).toList();
    String tree = EntityScorer.score(new EntityScorer.Inputs(sets, Eligibility.UNKNOWN, null, 1.0, 1.0), year)
        .encode();
    try {
      return JSON.readTree(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a score tree did not read back", e);
    }
  }

  @Override
  public String describe() {
    return "in-process validator and scorer (catalog " + catalogSource + ")";
  }
}

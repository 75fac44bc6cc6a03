package gov.qpp.validators.intake;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.claims.ClaimsFormat;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.eligibility.EligibilityFile;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.qrda1.Qrda1Intake;
import gov.qpp.validators.qrda1.Qrda1Outcome;
import gov.qpp.validators.qrda1.Qrda1Results;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.registry.RegistryJsonIntake;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one intake contract: an upload's body, what the request declares about it and its format in; an
 * {@link IntakeOutcome} out. Every format's adapter over one catalog. Thread-safe; CPU-heavy: call it on a worker.
 */
public final class Intakes {

  private final RegistryJsonIntake registryJson;
  private final Qrda3Intake qrda3;
  private final FhirIntake fhir;
  private final ClaimsIntake claims;
  private final Qrda1Intake qrda1;

  /** With a FHIR intake of its own (base R4 validator, no canonical mapping) and the default claims limits. */
  public Intakes(MeasureCatalog catalog) {
    this(catalog, new FhirIntake(catalog, new BaseR4Validator(), Map.of()), ClaimsIntake.Limits.DEFAULT);
  }

  public Intakes(MeasureCatalog catalog, FhirIntake fhir, ClaimsIntake.Limits claimsLimits) {
    this.registryJson = new RegistryJsonIntake(catalog);
    this.qrda3 = new Qrda3Intake(catalog);
    this.fhir = fhir;
    this.claims = new ClaimsIntake(catalog, claimsLimits);
    this.qrda1 = new Qrda1Intake(catalog);
  }

  /** Reads an upload of a known format. A spooled body is streamed; a body in memory is read in place. */
  public IntakeOutcome read(Format format, Body body, Declared declared) {
    try {
      return switch (format) {
        case REGISTRY_JSON -> new IntakeOutcome.Document(format, registryJson.intake(bytes(body)), null);
        case QRDA3 -> new IntakeOutcome.Document(format, qrda3.intake(bytes(body)), null);
        case FHIR -> {
          FhirIntake.Outcome outcome = fhir.intake(bytes(body), declared.fhirBody(), declared.measure());
          yield new IntakeOutcome.Document(format, outcome.result(), outcome);
        }
        case QRDA1 -> qrda1(format, qrda1.document(bytes(body)));
        case QRDA1_ZIP -> {
          try (InputStream in = body.open()) {
            yield qrda1(format, qrda1.zip(in));
          }
        }
        case CLAIMS_JSONL, CLAIMS_CSV -> {
          try (InputStream in = body.open()) {
            yield new IntakeOutcome.Claims(format, claims.intake(format == Format.CLAIMS_CSV ? ClaimsFormat.CSV
                : ClaimsFormat.JSON_LINES, in, declared.year()));
          }
        }
        case ELIGIBILITY -> new IntakeOutcome.Eligibility(EligibilityFile.read(bytes(body)));
      };
    } catch (IOException e) {
      // a spool file that cannot be read back is the gateway's trouble, not a problem with the upload
      throw new UncheckedIOException("the upload could not be read back: " + e.getMessage(), e);
    }
  }

  /** The FHIR intake, for warming it up before the first request. */
  public FhirIntake fhir() {
    return fhir;
  }

  /** The patients' results the claims logic computes from their coded data; none when the batch is refused. */
  private IntakeOutcome qrda1(Format format, Qrda1Outcome documents) {
    Qrda1Results.Results results = documents.refused() ? new Qrda1Results.Results(List.of(), Map.of())
        : Qrda1Results.compute(claims, documents.patients());
    return new IntakeOutcome.Qrda1(format, documents, results);
  }

  private static byte[] bytes(Body body) throws IOException {
    if (body instanceof Body.InMemory inMemory) {
      return inMemory.bytes();
    }
    try (InputStream in = body.open()) {
      return in.readAllBytes();
    }
  }
}

package gov.qpp.validators.intake;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.fhir.BaseR4Validator;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.registry.RegistryJsonIntake;

/** Every format adapter over one catalog: bytes of a format to a validated submission. Thread-safe. */
public final class Intakes {

  private final RegistryJsonIntake registryJson;
  private final Qrda3Intake qrda3;
  private final FhirIntake fhir;

  /** With a FHIR intake of its own (base R4 validator, no canonical mapping). */
  public Intakes(MeasureCatalog catalog) {
    this(catalog, new FhirIntake(catalog, new BaseR4Validator(), java.util.Map.of()));
  }

  public Intakes(MeasureCatalog catalog, FhirIntake fhir) {
    this.registryJson = new RegistryJsonIntake(catalog);
    this.qrda3 = new Qrda3Intake(catalog);
    this.fhir = fhir;
  }


  public IntakeResult intake(Format format, byte[] document) {
    return switch (format) {
      case REGISTRY_JSON -> registryJson.intake(document);
      case QRDA3 -> qrda3.intake(document);
      case FHIR -> fhir.intake(document);
    };
  }
}

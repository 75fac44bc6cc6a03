package gov.qpp.validators.intake;

import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.registry.RegistryJsonIntake;

/** Every format adapter over one catalog: bytes of a format to a validated submission. Thread-safe. */
public final class Intakes {

  private final RegistryJsonIntake registryJson;
  private final Qrda3Intake qrda3;

  public Intakes(MeasureCatalog catalog) {
    this.registryJson = new RegistryJsonIntake(catalog);
    this.qrda3 = new Qrda3Intake(catalog);
  }

  public IntakeResult intake(Format format, byte[] document) {
    return switch (format) {
      case REGISTRY_JSON -> registryJson.intake(document);
      case QRDA3 -> qrda3.intake(document);
    };
  }
}

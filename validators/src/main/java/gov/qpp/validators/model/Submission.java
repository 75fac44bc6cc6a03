package gov.qpp.validators.model;

import java.util.List;
import java.util.Objects;

/**
 * The normalised form every intake format produces: these clinicians (an individual TIN+NPI, a group TIN, or
 * an APM entity, virtual group or subgroup by entityId), in this performance year, report these measurement
 * sets. Identifiers are null where the entity type does not use them.
 */
public record Submission(EntityType entityType, Tin tin, Npi npi, String entityId, int performanceYear,
    List<MeasurementSet> measurementSets) {

  public Submission {
    Objects.requireNonNull(entityType, "entityType");
    measurementSets = List.copyOf(measurementSets);
  }

  /** The programs this submission reports under (mips, app1, an MVP id, ...), from its measurement sets. */
  public List<String> programs() {
    return measurementSets.stream().map(MeasurementSet::programName).distinct().toList();
  }
}

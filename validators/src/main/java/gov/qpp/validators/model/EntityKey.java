package gov.qpp.validators.model;

import java.util.Objects;

/**
 * Who is scored as one: an individual (TIN and NPI), a group (TIN), or an APM entity, virtual group or subgroup (its
 * entityId). Identifiers the type does not use are '' (never null), as they are stored.
 */
public record EntityKey(EntityType type, String tin, String npi, String entityId) {

  public EntityKey {
    Objects.requireNonNull(type, "type");
    tin = tin == null ? "" : tin;
    npi = npi == null ? "" : npi;
    entityId = entityId == null ? "" : entityId;
  }

  public static EntityKey individual(String tin, String npi) {
    return new EntityKey(EntityType.INDIVIDUAL, tin, npi, "");
  }

  public static EntityKey group(String tin) {
    return new EntityKey(EntityType.GROUP, tin, "", "");
  }

  /** The entity a submission reports for. */
  public static EntityKey of(Submission submission) {
    return new EntityKey(submission.entityType(), submission.tin() == null ? "" : submission.tin().value(),
        submission.npi() == null ? "" : submission.npi().value(), submission.entityId());
  }

  /**
   * {@code type|tin|npi|entityId}, the key the database keeps per entity (the submission table generates the same
   * from its columns). Never split it: an entity id may hold any character.
   */
  public String key() {
    return type.apiName() + "|" + tin + "|" + npi + "|" + entityId;
  }

  /** Supplied eligibility (special statuses, low volume, QP) is a clinician's or a group's, not an APM entity's. */
  public boolean hasEligibility() {
    return type == EntityType.INDIVIDUAL || type == EntityType.GROUP;
  }
}

package gov.qpp.validators.model;

import java.util.Optional;

/** Who a submission reports for, spelled as the QPP Submissions API spells it. */
public enum EntityType {
  INDIVIDUAL("individual"),
  GROUP("group"),
  APM_ENTITY("apm"),
  VIRTUAL_GROUP("virtualGroup"),
  SUBGROUP("subgroup");

  private final String apiName;

  EntityType(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Entities identified by an entityId rather than a TIN (and NPI). */
  public boolean identifiedByEntityId() {
    return this == APM_ENTITY || this == VIRTUAL_GROUP || this == SUBGROUP;
  }

  public static Optional<EntityType> fromApiName(String name) {
    for (EntityType type : values()) {
      if (type.apiName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}

package gov.qpp.validators.qrda3;

import gov.qpp.validators.model.EntityType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the document's program name (informationRecipient/intendedRecipient/id, root 2.16.840.1.113883.3.249.7)
 * says: the programName of the measurement sets and the entity type. CPC+ and PCF documents are no longer
 * accepted, as in CMS's current conversion tool.
 */
public record Program(String programName, EntityType entityType, boolean mips) {

  static final Map<String, Program> BY_NAME = Map.ofEntries(
      Map.entry("MIPS", new Program("mips", EntityType.INDIVIDUAL, true)),
      Map.entry("MIPS_INDIV", new Program("mips", EntityType.INDIVIDUAL, true)),
      Map.entry("MIPS_GROUP", new Program("mips", EntityType.GROUP, true)),
      Map.entry("MIPS_VIRTUALGROUP", new Program("mips", EntityType.VIRTUAL_GROUP, true)),
      Map.entry("MIPS_APMENTITY", new Program("mips", EntityType.APM_ENTITY, true)),
      Map.entry("MIPS_SUBGROUP", new Program("mips", EntityType.SUBGROUP, true)),
      Map.entry("MIPS_APP1_INDIV", new Program("app1", EntityType.INDIVIDUAL, false)),
      Map.entry("MIPS_APP1_GROUP", new Program("app1", EntityType.GROUP, false)),
      Map.entry("MIPS_APP1_APMENTITY", new Program("app1", EntityType.APM_ENTITY, false)),
      Map.entry("APP_PLUS_INDIV", new Program("appPlus", EntityType.INDIVIDUAL, false)),
      Map.entry("APP_PLUS_GROUP", new Program("appPlus", EntityType.GROUP, false)),
      Map.entry("APP_PLUS_APMENTITY", new Program("appPlus", EntityType.APM_ENTITY, false)));

  public static Optional<Program> byName(String raw) {
    return Optional.ofNullable(BY_NAME.get(raw.trim().toUpperCase(Locale.ROOT)));
  }

  public static String accepted() {
    return String.join(", ", new TreeSet<>(BY_NAME.keySet()));
  }

  /** An MVP id replaces programName on every set of a MIPS document reported by one of these entity types. */
  boolean takesMvp() {
    return mips && entityType != EntityType.VIRTUAL_GROUP;
  }
}

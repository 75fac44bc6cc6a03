package gov.qpp.validators.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How a claims measure groups claims into eligible instances. The measure-to-class map is data
 * (claims/measure-classes.json), because CMS's measure data does not carry it: a measure id maps to its name
 * here, or to a "not computed" class whose reason the answers repeat.
 */
enum MeasureClass {
  PATIENT_PROCESS("patientProcess"),
  PATIENT_INTERMEDIATE("patientIntermediate"),
  PROCEDURE("procedure"),
  VISIT("visit"),
  INTERSECTING_DIAGNOSIS("intersectingDiagnosis");

  private final String dataName;

  MeasureClass(String dataName) {
    this.dataName = dataName;
  }

  /** The class of a measure in a year: computed, not computed (with why), or not listed at all. */
  record Assignment(MeasureClass computed, String notComputedReason) {
  }

  private static final JsonNode DATA = load();

  static Optional<Assignment> of(String measureId, int year) {
    JsonNode entry = DATA.path("measures").get(measureId);
    if (entry == null) {
      return Optional.empty();
    }
    String name = entry.isTextual() ? entry.textValue()
        : entry.has(Integer.toString(year)) ? entry.get(Integer.toString(year)).textValue()
        : entry.path("default").textValue();
    for (MeasureClass kind : values()) {
      if (kind.dataName.equals(name)) {
        return Optional.of(new Assignment(kind, null));
      }
    }
    JsonNode reason = DATA.path("notComputed").get(name);
    if (reason == null) {
      throw new IllegalStateException("claims/measure-classes.json: measure " + measureId + " has unknown class "
          + name);
    }
    return Optional.of(new Assignment(null, reason.textValue()));
  }

  private static JsonNode load() {
    try (InputStream in = MeasureClass.class.getResourceAsStream("/claims/measure-classes.json")) {
      if (in == null) {
        throw new IllegalStateException("claims/measure-classes.json is missing from the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

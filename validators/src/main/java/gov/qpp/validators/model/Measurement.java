package gov.qpp.validators.model;

import java.util.Objects;

/** One measure's reported value. */
public record Measurement(String measureId, MeasureValue value) {
  public Measurement {
    Objects.requireNonNull(measureId, "measureId");
    Objects.requireNonNull(value, "value");
  }
}

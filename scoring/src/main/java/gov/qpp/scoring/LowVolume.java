package gov.qpp.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A clinician's low-volume status for a performance year from their Part B volume (MIPS-RULES.md §3.1), with the
 * thresholds as data (scoring/low-volume-rules.json). At or below any one criterion: excluded from MIPS. Above all:
 * required to report. From 2019, above one or two but not all: excluded unless they opt in.
 */
public final class LowVolume {

  /** One year's thresholds; {@code coveredServices} is null where it is not a criterion. */
  public record Thresholds(int year, BigDecimal allowedCharges, long beneficiaries, Long coveredServices,
      boolean optIn) {
  }

  /** A clinician's Part B volume for the year (from claims, or a supplied eligibility file). */
  public record Volume(BigDecimal allowedCharges, long beneficiaries, long coveredServices) {
  }

  public enum Status { REQUIRED, OPT_IN_ELIGIBLE, EXCLUDED }

  /** The status and, in words, which criteria were at or below their threshold. */
  public record Determination(Status status, List<String> atOrBelow) {
  }

  /**
   * A determination as the {@code low_volume} table keeps it, whoever computed it (claims, an eligibility file):
   * the status in lower case, or null when not determined, and why in words.
   */
  public record Stored(String status, String explanation) {

    /** The determination back from its stored form, or null when it was not determined. */
    public Determination determination() {
      return status == null ? null
          : new Determination(Status.valueOf(status.toUpperCase(Locale.ROOT)), List.of(explanation));
    }
  }

  private static final Map<Integer, Thresholds> BY_YEAR = YearTable.load("/scoring/low-volume-rules.json",
      (year, y) -> new Thresholds(year, y.get("allowedCharges").decimalValue(), y.get("beneficiaries").asLong(),
          y.get("coveredServices").isNull() ? null : y.get("coveredServices").asLong(), y.get("optIn").asBoolean()));

  private LowVolume() {
  }

  public static Optional<Thresholds> thresholds(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /** The year's determination for this volume in its stored form; not determined when the year has no thresholds. */
  public static Stored stored(int year, Volume volume) {
    Optional<Thresholds> thresholds = thresholds(year);
    if (thresholds.isEmpty()) {
      return new Stored(null, "not determined: no low-volume thresholds for " + year);
    }
    Determination determination = determine(thresholds.get(), volume);
    return new Stored(determination.status().name().toLowerCase(Locale.ROOT), determination.atOrBelow().isEmpty()
        ? "above every low-volume threshold" : "at or below: " + String.join("; ", determination.atOrBelow()));
  }

  public static Determination determine(Thresholds thresholds, Volume volume) {
    List<String> atOrBelow = new ArrayList<>();
    if (volume.allowedCharges().compareTo(thresholds.allowedCharges()) <= 0) {
      atOrBelow.add("allowed charges $" + volume.allowedCharges().toPlainString() + " ≤ $"
          + thresholds.allowedCharges().toPlainString());
    }
    if (volume.beneficiaries() <= thresholds.beneficiaries()) {
      atOrBelow.add("Part B beneficiaries " + volume.beneficiaries() + " ≤ " + thresholds.beneficiaries());
    }
    int criteria = 2;
    if (thresholds.coveredServices() != null) {
      criteria = 3;
      if (volume.coveredServices() <= thresholds.coveredServices()) {
        atOrBelow.add("covered professional services " + volume.coveredServices() + " ≤ "
            + thresholds.coveredServices());
      }
    }
    Status status;
    if (atOrBelow.isEmpty()) {
      status = Status.REQUIRED;
    } else if (thresholds.optIn() && atOrBelow.size() < criteria) {
      status = Status.OPT_IN_ELIGIBLE;
    } else {
      status = Status.EXCLUDED;
    }
    return new Determination(status, List.copyOf(atOrBelow));
  }
}

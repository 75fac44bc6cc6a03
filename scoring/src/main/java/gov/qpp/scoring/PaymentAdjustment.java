package gov.qpp.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * The MIPS payment adjustment a final score earns, per 42 CFR 414.1405(b), with each year's parameters as data
 * (scoring/payment-rules.json). In percent of Part B payments; pure, no Vert.x.
 *
 * <pre>
 * FS ≥ PT:         A × (FS − PT) / (100 − PT) × scaling       (the scaling factor keeps the program budget-neutral)
 * PT/4 < FS < PT:  −A × (PT − FS) / PT
 * FS ≤ PT/4:       −A
 * FS ≥ EPT (2017–2022): plus the exceptional adjustment, linear from its start at EPT to its maximum at 100,
 *                  times the exceptional pool's scaling
 * </pre>
 */
public final class PaymentAdjustment {

  /** One year's parameters; {@code exceptionalThreshold} is null from 2023, when the exceptional pool ended. */
  public record YearRules(int year, double performanceThreshold, Double exceptionalThreshold, double maxAdjustment,
      double exceptionalStart, double exceptionalMax) {
  }

  /** The adjustment, and its two parts, in percent. */
  public record Result(double adjustment, double base, double exceptional) {
  }

  private static final Map<Integer, YearRules> BY_YEAR = load();

  private PaymentAdjustment() {
  }

  public static Optional<YearRules> rules(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /**
   * @param scaling the budget-neutrality scaling factor CMS sets for the year (0 < scaling ≤ 3)
   * @param exceptionalScaling the share of the exceptional pool CMS pays for the year (1 pays the full formula)
   */
  public static Result of(YearRules rules, double finalScore, double scaling, double exceptionalScaling) {
    if (finalScore < 0 || finalScore > 100 || Double.isNaN(finalScore)) {
      throw new IllegalArgumentException("a final score is between 0 and 100, was " + finalScore);
    }
    if (!(scaling > 0 && scaling <= 3)) {
      throw new IllegalArgumentException("the scaling factor is above 0 and at most 3, was " + scaling);
    }
    double threshold = rules.performanceThreshold();
    double max = rules.maxAdjustment();
    double base;
    if (finalScore >= threshold) {
      base = threshold == 100 ? 0 : max * (finalScore - threshold) / (100 - threshold) * scaling;
    } else if (finalScore <= threshold / 4) {
      base = -max;
    } else {
      base = -max * (threshold - finalScore) / threshold;
    }
    double exceptional = 0;
    Double exceptionalThreshold = rules.exceptionalThreshold();
    if (exceptionalThreshold != null && finalScore >= exceptionalThreshold) {
      double share = (finalScore - exceptionalThreshold) / (100 - exceptionalThreshold);
      exceptional = (rules.exceptionalStart() + (rules.exceptionalMax() - rules.exceptionalStart()) * share)
          * exceptionalScaling;
    }
    return new Result(base + exceptional, base, exceptional);
  }

  private static Map<Integer, YearRules> load() {
    return YearTable.load("/scoring/payment-rules.json", (year, y) -> new YearRules(year,
        y.get("performanceThreshold").asDouble(), YearTable.nullable(y, "exceptionalThreshold"),
        y.get("maxAdjustment").asDouble(), y.path("exceptionalStart").asDouble(0), y.path("exceptionalMax").asDouble(0)));
  }
}

package gov.qpp.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * One year's quality-category parameters, as data (scoring/quality-rules.json) so a corrected value is a data
 * change, not a code change. Null floor, cap or bonus cap means the year has none (bonuses ended in 2022).
 */
public record QualityYearRules(int year, double qualityWeight, double dataCompleteness, int caseMinimum,
    int requiredMeasures, Double class1Floor, double class2Points, double class3Points, Double toppedOutCap,
    Double bonusCapPercent, double smallPracticeBonus, Double improvementMaxPoints, Double improvementPriorFloor) {

  private static final Map<Integer, QualityYearRules> BY_YEAR = load();

  public static Optional<QualityYearRules> forYear(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  private static Map<Integer, QualityYearRules> load() {
    return YearTable.load("/scoring/quality-rules.json", (year, y) -> new QualityYearRules(year,
        y.get("qualityWeight").asDouble(), y.get("dataCompleteness").asDouble(), y.get("caseMinimum").asInt(),
        y.get("requiredMeasures").asInt(), YearTable.nullable(y, "class1Floor"), y.get("class2Points").asDouble(),
        y.get("class3Points").asDouble(), YearTable.nullable(y, "toppedOutCap"),
        YearTable.nullable(y, "bonusCapPercent"), y.get("smallPracticeBonus").asDouble(),
        YearTable.nullable(y, "improvementMaxPoints"), YearTable.nullable(y, "improvementPriorFloor")));
  }
}

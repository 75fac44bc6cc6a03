package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Promoting Interoperability category of one PI measurement set (MIPS-RULES.md §3.3, 2019 on): no CEHRT id, an
 * attestation not met, or a required measure neither reported (a numerator of at least 1, or Yes) nor excluded
 * gives 0; otherwise each required measure scores round(numerator / denominator × its points) (a Yes/No measure all
 * its points), excluded measures' points go where the year sends them, an alternative answered Yes (HIE
 * bi-directional exchange, TEFCA) earns the points of the measures it replaces, the public health objective scores
 * ({@link PiPublicHealth}), bonuses are added, and the sum is capped at 100. Per-year values are data:
 * {@code scoring/pi-rules.json}.
 */
public final class PiScorer {

  /** A bonus earned once when any of its measures is performed (Yes, or a numerator of at least 1). */
  record Bonus(List<String> measures, double points) {
  }

  record YearRules(int year, List<String> attestations, List<String> eitherAnswer, Map<String, Double> points,
      Map<String, String> exclusions, Map<String, Map<String, Double>> redistribution,
      Map<String, List<String>> alternatives, PiPublicHealth.Rules publicHealth, List<Bonus> bonuses, double cap,
      int minimumDays) {

    /** Answered as the requirement asks: Yes, or either answer where the year accepts a No (SAFER guides). */
    boolean met(String measureId, ReportedMeasures reported) {
      return eitherAnswer.contains(measureId) ? reported.answered(measureId) : reported.yes(measureId);
    }

    boolean isBonus(String measureId) {
      return bonuses.stream().anyMatch(bonus -> bonus.measures().contains(measureId));
    }
  }

  /** The public-health objective's key in the redistribution table. */
  static final String PUBLIC_HEALTH = "publicHealth";

  private static final Map<Integer, YearRules> BY_YEAR = YearTable.load("/scoring/pi-rules.json", PiScorer::read);

  private PiScorer() {
  }

  static Optional<YearRules> rules(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /** The {@code pi} node: value = category percent, one part per reported measure, messages saying why. */
  public static ScoreNode score(MeasurementSet set, int year, CatalogYear catalog) {
    YearRules rules = BY_YEAR.get(year);
    if (rules == null) {
      // null, not 0: an unscored category is reweighted, a zero is not
      return new ScoreNode("pi", "Promoting Interoperability Score", null, set.submissionMethod(), List.of(),
          Map.of("messages", List.of("not scored: no Promoting Interoperability values for " + year
              + " (docs/scoring.md)")));
    }
    ReportedMeasures reported = new ReportedMeasures(set);
    if (set.cehrtId() == null) {
      return zero("no CEHRT id: the category scores 0", set);
    }
    if (ReportedMeasures.periodShorterThan(set, rules.minimumDays())) {
      return zero("the performance period is shorter than " + rules.minimumDays() + " days: the category scores 0",
          set);
    }
    for (String attestation : rules.attestations()) {
      if (!rules.met(attestation, reported)) {
        return zero(attestation + (rules.eitherAnswer().contains(attestation) ? " must be answered"
            : " must be attested Yes") + ": the category scores 0", set);
      }
    }
    List<String> messages = new ArrayList<>();
    // an alternative answered Yes replaces its measures, so their exclusions no longer matter
    String alternative = rules.alternatives().keySet().stream().filter(reported::yes).findFirst().orElse(null);
    List<String> replaced = alternative == null ? List.of() : rules.alternatives().get(alternative);
    List<String> excluded = new ArrayList<>();
    rules.exclusions().forEach((exclusion, measure) -> {
      if (reported.yes(exclusion) && !excluded.contains(measure) && !replaced.contains(measure)) {
        excluded.add(measure);
      }
    });
    PiPublicHealth.Outcome publicHealth = PiPublicHealth.score(rules.publicHealth(), reported, catalog,
        id -> rules.met(id, reported), rules::isBonus);
    if (publicHealth.failure().isPresent()) {
      return zero(publicHealth.failure().get() + ": the category scores 0", set);
    }
    if (publicHealth.excluded()) {
      excluded.add(PUBLIC_HEALTH);
    }
    Map<String, Double> max = new LinkedHashMap<>(rules.points());
    for (String measure : excluded) {
      redistribute(measure, rules, excluded, max, 0);
      max.remove(measure);
      messages.add(measure + " is excluded; its points are redistributed");
    }
    if (alternative != null) {
      double points = replaced.stream().map(max::remove).filter(java.util.Objects::nonNull)
          .mapToDouble(Double::doubleValue).sum();
      max.put(alternative, points);
      messages.add(alternative + " answered Yes: it earns the " + ScoreNode.plain(points) + " points of "
          + String.join(" and ", replaced));
    }
    Map<String, Double> points = new LinkedHashMap<>();
    Map<String, String> formulas = new LinkedHashMap<>();
    for (var entry : max.entrySet()) {
      Earned earned = earned(entry.getKey(), entry.getValue(), rules, reported);
      if (earned.failure() != null) {
        return zero(entry.getKey() + earned.failure() + "; the category scores 0", set);
      }
      points.put(entry.getKey(), earned.points());
      formulas.put(entry.getKey(), earned.formula());
    }
    double bonus = 0;
    for (Bonus group : rules.bonuses()) {
      if (group.measures().stream().anyMatch(reported::performed)) {
        bonus += group.points();
        messages.add(String.join("/", group.measures().stream().filter(reported::performed).toList()) + " bonus: "
            + ScoreNode.plain(group.points()) + " points");
      }
    }
    double sum = points.values().stream().mapToDouble(Double::doubleValue).sum() + publicHealth.points() + bonus;
    double total = Math.min(rules.cap(), sum);
    if (sum > rules.cap()) {
      messages.add("capped at " + ScoreNode.plain(rules.cap()));
    }
    List<ScoreNode> parts = new ArrayList<>();
    for (String id : reported.ids()) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      if (points.containsKey(id)) {
        metadata.put("maxContribution", max.get(id));
        metadata.put("formula", formulas.get(id));
      }
      parts.add(new ScoreNode(id, id, points.get(id), "", List.of(), metadata));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("hasCehrtId", true);
    metadata.put("publicHealthScore", publicHealth.points());
    metadata.put("bonus", bonus);
    metadata.put("messages", messages);
    return new ScoreNode("pi", "Promoting Interoperability Score", total, set.submissionMethod(), parts, metadata);
  }

  /** What one required measure earns (points and formula), or why it fails the category (failure not null). */
  private record Earned(double points, String formula, String failure) {
    static Earned failed(String why) {
      return new Earned(0, null, why);
    }
  }

  private static Earned earned(String measureId, double max, YearRules rules, ReportedMeasures reported) {
    MeasureValue value = reported.get(measureId);
    if (value instanceof MeasureValue.BooleanValue && rules.met(measureId, reported)) {
      return new Earned(max, "Yes = " + ScoreNode.plain(max), null);
    }
    if (!(value instanceof MeasureValue.Proportion proportion)) {
      return Earned.failed(" is required: " + (value == null ? "report it" : "answer Yes") + " or claim its exclusion");
    }
    if (proportion.denominator() < 1) {
      return Earned.failed(" has a denominator of 0: report it with patients, or claim its exclusion");
    }
    if (proportion.numerator() < 1) {
      return Earned.failed(" needs a numerator of at least 1");
    }
    double points = roundedPoints(proportion, max);
    return new Earned(points, "((" + proportion.numerator() + "/" + proportion.denominator() + ")*"
        + ScoreNode.plain(max) + ") = " + ScoreNode.plain(points), null);
  }

  /** round(numerator × points / denominator), half up, in exact decimal arithmetic (29/50 × 25 is 14.5, so 15). */
  static double roundedPoints(MeasureValue.Proportion proportion, double points) {
    return java.math.BigDecimal.valueOf(proportion.numerator()).multiply(java.math.BigDecimal.valueOf(points))
        .divide(java.math.BigDecimal.valueOf(proportion.denominator()), 0, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }

  /**
   * An excluded measure's points go to its targets; a share sent to a target that is itself excluded travels on to
   * that target's own targets, in the same proportions (never in a loop: the depth is bounded).
   */
  private static void redistribute(String measure, YearRules rules, List<String> excluded, Map<String, Double> max,
      int depth) {
    rules.redistribution().getOrDefault(measure, Map.of())
        .forEach((target, share) -> give(target, share, rules, excluded, max, depth));
  }

  private static void give(String target, double amount, YearRules rules, List<String> excluded,
      Map<String, Double> max, int depth) {
    if (!excluded.contains(target)) {
      max.merge(target, amount, Double::sum);
      return;
    }
    Map<String, Double> onward = rules.redistribution().getOrDefault(target, Map.of());
    double total = onward.values().stream().mapToDouble(Double::doubleValue).sum();
    if (depth >= MAX_REDISTRIBUTION_DEPTH || total == 0) {
      return; // nowhere left to send it: those points are not available
    }
    onward.forEach((next, share) -> give(next, amount * share / total, rules, excluded, max, depth + 1));
  }

  /** Redistribution chains in the rules are one or two steps long; this bounds a malformed table. */
  private static final int MAX_REDISTRIBUTION_DEPTH = 4;

  private static ScoreNode zero(String why, MeasurementSet set) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("hasCehrtId", set.cehrtId() != null);
    metadata.put("messages", List.of(why));
    return new ScoreNode("pi", "Promoting Interoperability Score", 0.0, set.submissionMethod(), List.of(), metadata);
  }

  private static YearRules read(int year, JsonNode node) {
    Map<String, Map<String, Double>> redistribution = new LinkedHashMap<>();
    node.get("redistribution").fields()
        .forEachRemaining(e -> redistribution.put(e.getKey(), YearTable.numbers(e.getValue())));
    Map<String, List<String>> alternatives = new LinkedHashMap<>();
    JsonNode alternativeNode = node.get("alternatives");
    if (alternativeNode != null) {
      alternativeNode.fields().forEachRemaining(e -> alternatives.put(e.getKey(), YearTable.strings(e.getValue())));
    }
    JsonNode publicHealth = node.get("publicHealth");
    JsonNode perYes = publicHealth.get("pointsPerYes");
    List<Bonus> bonuses = new ArrayList<>();
    node.get("bonuses").forEach(b -> bonuses.add(new Bonus(YearTable.strings(b.get("measures")),
        b.get("points").asDouble())));
    // insertion order kept everywhere: the order of exclusions and messages in the stored tree must not vary
    return new YearRules(year, YearTable.strings(node.get("attestations")), YearTable.strings(node.get("eitherAnswer")),
        YearTable.numbers(node.get("measures")), YearTable.texts(node.get("exclusions")),
        Collections.unmodifiableMap(redistribution), Collections.unmodifiableMap(alternatives),
        new PiPublicHealth.Rules(publicHealth.get("objective").asText(),
            YearTable.strings(publicHealth.get("required")), perYes == null ? 0 : perYes.asDouble(),
            publicHealth.get("max").asDouble()),
        List.copyOf(bonuses), node.get("cap").asDouble(), node.get("minimumDays").asInt());
  }
}

package gov.qpp.gateway.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.MeasureValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Promoting Interoperability category of one PI measurement set (MIPS-RULES.md §3.3, 2019 on): no CEHRT id, an
 * attestation not Yes, or a required measure neither reported (with a numerator of at least 1) nor excluded gives
 * 0; otherwise each required measure scores round(numerator / denominator × its points, excluded measures' points
 * added where the year sends them), public health scores per registry answered Yes, bonuses are added, and the sum
 * is capped at 100. Per-year values are data: {@code scoring/pi-rules.json}.
 */
public final class PiScorer {

  record YearRules(int year, List<String> attestations, Map<String, Double> points, Map<String, String> exclusions,
      Map<String, Map<String, Double>> redistribution, String publicHealthObjective, double pointsPerYes,
      double publicHealthMax, Map<String, Double> bonuses, double cap, int minimumDays) {
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
              + " yet (docs/scoring.md)")));
    }
    Map<String, MeasureValue> reported = new LinkedHashMap<>();
    for (Measurement measurement : set.measurements()) {
      reported.put(measurement.measureId(), measurement.value());
    }
    if (set.cehrtId() == null) {
      return zero("no CEHRT id: the category scores 0", set, reported);
    }
    if (set.performanceStart() != null && set.performanceEnd() != null
        && java.time.temporal.ChronoUnit.DAYS.between(set.performanceStart(), set.performanceEnd()) + 1
        < rules.minimumDays()) {
      return zero("the performance period is shorter than " + rules.minimumDays() + " days: the category scores 0",
          set, reported);
    }
    for (String attestation : rules.attestations()) {
      if (!yes(reported.get(attestation))) {
        return zero(attestation + " must be attested Yes: the category scores 0", set, reported);
      }
    }
    List<String> excluded = new ArrayList<>();
    rules.exclusions().forEach((exclusion, measure) -> {
      if (yes(reported.get(exclusion)) && !excluded.contains(measure)) {
        excluded.add(measure);
      }
    });
    // public health: registries answered Yes, or the objective excluded
    double registries = 0;
    boolean publicHealthExcluded = false;
    for (var entry : reported.entrySet()) {
      PiMeasure measure = catalog.measure(entry.getKey()).filter(PiMeasure.class::isInstance)
          .map(PiMeasure.class::cast).orElse(null);
      if (measure != null && rules.publicHealthObjective().equals(measure.objective()) && yes(entry.getValue())) {
        if ("exclusion".equals(measure.reportingCategory())) {
          publicHealthExcluded = true;
        } else if (!rules.bonuses().containsKey(measure.measureId())) {
          registries++;
        }
      }
    }
    List<String> messages = new ArrayList<>();
    if (registries == 0 && publicHealthExcluded) {
      excluded.add(PUBLIC_HEALTH);
    } else if (registries > 0 && publicHealthExcluded) {
      registries = rules.publicHealthMax() / rules.pointsPerYes(); // the rest of the objective excluded: full points
    } else if (registries == 0) {
      return zero("public health: no registry is answered Yes and no exclusion is claimed: the category scores 0",
          set, reported);
    }
    Map<String, Double> max = new LinkedHashMap<>(rules.points());
    for (String measure : excluded) {
      redistribute(measure, rules, excluded, max, 0);
      max.remove(measure);
      messages.add(measure + " is excluded; its points are redistributed");
    }
    Map<String, Double> points = new LinkedHashMap<>();
    for (var entry : max.entrySet()) {
      String measureId = entry.getKey();
      if (!(reported.get(measureId) instanceof MeasureValue.Proportion proportion)) {
        return zero(measureId + " is required: report it or claim its exclusion; the category scores 0", set,
            reported);
      }
      if (proportion.denominator() < 1) {
        return zero(measureId + " has a denominator of 0: report it with patients, or claim its exclusion; the"
            + " category scores 0", set, reported);
      }
      if (proportion.numerator() < 1) {
        return zero(measureId + " needs a numerator of at least 1: the category scores 0", set, reported);
      }
      points.put(measureId, roundedPoints(proportion, entry.getValue()));
    }
    double publicHealth = excluded.contains(PUBLIC_HEALTH) ? 0
        : Math.min(rules.publicHealthMax(), registries * rules.pointsPerYes());
    double bonus = 0;
    for (var entry : rules.bonuses().entrySet()) {
      MeasureValue value = reported.get(entry.getKey());
      boolean earned = yes(value) || value instanceof MeasureValue.Proportion p && p.numerator() >= 1;
      if (earned) {
        bonus += entry.getValue();
        messages.add(entry.getKey() + " bonus: " + fmt(entry.getValue()) + " points");
      }
    }
    double sum = points.values().stream().mapToDouble(Double::doubleValue).sum() + publicHealth + bonus;
    double total = Math.min(rules.cap(), sum);
    if (sum > rules.cap()) {
      messages.add("capped at " + fmt(rules.cap()));
    }
    List<ScoreNode> parts = new ArrayList<>();
    for (var entry : reported.entrySet()) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      Double value = null;
      if (points.containsKey(entry.getKey())) {
        var proportion = (MeasureValue.Proportion) entry.getValue();
        value = points.get(entry.getKey());
        metadata.put("maxContribution", max.get(entry.getKey()));
        metadata.put("formula", "((" + proportion.numerator() + "/" + proportion.denominator() + ")*"
            + fmt(max.get(entry.getKey())) + ") = " + fmt(value));
      }
      parts.add(new ScoreNode(entry.getKey(), entry.getKey(), value, "", List.of(), metadata));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("hasCehrtId", true);
    metadata.put("publicHealthScore", publicHealth);
    metadata.put("bonus", bonus);
    metadata.put("messages", messages);
    return new ScoreNode("pi", "Promoting Interoperability Score", total, set.submissionMethod(), parts, metadata);
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

  private static boolean yes(MeasureValue value) {
    return value instanceof MeasureValue.BooleanValue booleanValue && booleanValue.value();
  }

  private static ScoreNode zero(String why, MeasurementSet set, Map<String, MeasureValue> unused) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("hasCehrtId", set.cehrtId() != null);
    metadata.put("messages", List.of(why));
    return new ScoreNode("pi", "Promoting Interoperability Score", 0.0, set.submissionMethod(), List.of(), metadata);
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static YearRules read(int year, JsonNode node) {
    List<String> attestations = new ArrayList<>();
    node.get("attestations").forEach(a -> attestations.add(a.asText()));
    Map<String, Double> points = numbers(node.get("measures"));
    Map<String, String> exclusions = new LinkedHashMap<>();
    node.get("exclusions").fields().forEachRemaining(e -> exclusions.put(e.getKey(), e.getValue().asText()));
    Map<String, Map<String, Double>> redistribution = new LinkedHashMap<>();
    node.get("redistribution").fields().forEachRemaining(e -> redistribution.put(e.getKey(), numbers(e.getValue())));
    JsonNode publicHealth = node.get("publicHealth");
    // insertion order kept everywhere: the order of exclusions and messages in the stored tree must not vary
    return new YearRules(year, List.copyOf(attestations), points,
        java.util.Collections.unmodifiableMap(exclusions), redistribution, publicHealth.get("objective").asText(),
        publicHealth.get("pointsPerYes").asDouble(), publicHealth.get("max").asDouble(),
        numbers(node.get("bonuses")), node.get("cap").asDouble(), node.get("minimumDays").asInt());
  }

  private static Map<String, Double> numbers(JsonNode node) {
    Map<String, Double> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
    return map;
  }
}

package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Advancing Care Information category of one ACI measurement set, 2017 and 2018 (MIPS-RULES.md §3.3):
 * min(100, base + performance + bonus). The base (50) needs every required base measure met, else the category is
 * 0; each performance measure earns its weight × its rate band; bonuses for further registries, an improvement
 * activity done with CEHRT and (2018) 2015-edition CEHRT, capped. Per-year values: {@code scoring/aci-rules.json}.
 */
public final class AciScorer {

  record YearRules(int year, double basePoints, Map<String, Double> performance, List<Integer> rateBands,
      Map<String, String> exclusions, List<String> publicHealthObjectives, double publicHealthMax,
      double registryBonus, Map<String, Double> iaCehrtBonus, double cehrt2015Bonus, List<String> cehrt2015Markers,
      double bonusCap, double cap, int minimumDays) {
  }

  static final String NAME = "aci";
  static final String TITLE = "Advancing Care Information Score";

  /** The 2017-2018 transition measures (for 2014-edition CEHRT) carry this in their ids. */
  private static final String TRANSITION_MARK = "_TRANS_";

  /** The edition marker of a CEHRT id starts at its third character (XX15EXXXXXXXXXX). */
  private static final int EDITION_OFFSET = 2;

  private static final Map<Integer, YearRules> BY_YEAR = YearTable.load("/scoring/aci-rules.json", AciScorer::read);

  private AciScorer() {
  }

  static Optional<YearRules> rules(int year) {
    return Optional.ofNullable(BY_YEAR.get(year));
  }

  /** The {@code aci} node: value = category percent, one part per reported measure saying what it earned and why. */
  public static ScoreNode score(MeasurementSet set, int year, CatalogYear catalog) {
    YearRules rules = BY_YEAR.get(year);
    if (rules == null) {
      // null, not 0: from 2019 the category is Promoting Interoperability (PiScorer)
      return node(set, null, List.of(), Map.of("messages",
          List.of("not scored: Advancing Care Information is scored for 2017 and 2018 only")));
    }
    ReportedMeasures reported = new ReportedMeasures(set);
    if (set.cehrtId() == null) {
      return zero(set, List.of("no CEHRT id: the category scores 0"));
    }
    if (ReportedMeasures.periodShorterThan(set, rules.minimumDays())) {
      return zero(set, List.of("the performance period is shorter than " + rules.minimumDays()
          + " days: the category scores 0"));
    }
    boolean transition = usesTransitionSet(reported, catalog);
    List<String> baseFailures = baseFailures(rules, reported, catalog, transition);
    if (!baseFailures.isEmpty()) {
      List<String> messages = new ArrayList<>(baseFailures);
      messages.add("the base score needs every required base measure: the category scores 0");
      return zero(set, messages);
    }
    return new Scoring(rules, reported, catalog, transition).score(set);
  }

  /** One scoring of a set that earned its base: performance and bonus points, measure by measure. */
  private static final class Scoring {
    private final YearRules rules;
    private final ReportedMeasures reported;
    private final CatalogYear catalog;
    private final boolean transition;
    private final List<String> messages = new ArrayList<>();
    private double performance;
    private double publicHealth;
    private boolean furtherRegistry;
    private double bonus;

    Scoring(YearRules rules, ReportedMeasures reported, CatalogYear catalog, boolean transition) {
      this.rules = rules;
      this.reported = reported;
      this.catalog = catalog;
      this.transition = transition;
    }

    ScoreNode score(MeasurementSet set) {
      messages.add("base score " + ScoreNode.plain(rules.basePoints()) + ": every required base measure of the "
          + (transition ? "transition" : "ACI") + " measure set is met");
      List<ScoreNode> parts = new ArrayList<>();
      for (String id : reported.ids()) {
        parts.add(part(id));
      }
      if (furtherRegistry) {
        bonus += rules.registryBonus();
        messages.add("registry bonus " + ScoreNode.plain(rules.registryBonus())
            + ": reporting to a further public health or clinical data registry");
      }
      if (rules.cehrt2015Bonus() > 0) {
        if (rules.cehrt2015Markers().contains(edition(set.cehrtId()))) {
          bonus += rules.cehrt2015Bonus();
          messages.add("2015-edition CEHRT bonus " + ScoreNode.plain(rules.cehrt2015Bonus()) + ": the CEHRT id "
              + set.cehrtId() + " is a 2015-edition id");
        } else {
          messages.add("no 2015-edition CEHRT bonus: the CEHRT id " + set.cehrtId() + " is not a 2015-edition-only id");
        }
      }
      if (bonus > rules.bonusCap()) {
        messages.add("bonus " + ScoreNode.plain(bonus) + " capped at "
            + ScoreNode.plain(rules.bonusCap()));
        bonus = rules.bonusCap();
      }
      double sum = rules.basePoints() + performance + bonus;
      if (sum > rules.cap()) {
        messages.add(ScoreNode.plain(sum) + " capped at " + ScoreNode.plain(rules.cap()));
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("hasCehrtId", true);
      metadata.put("measureSet", transition ? "transition" : "aci");
      metadata.put("baseScore", rules.basePoints());
      metadata.put("performanceScore", performance);
      metadata.put("bonusScore", bonus);
      metadata.put("messages", messages);
      return node(set, Math.min(rules.cap(), sum), parts, metadata);
    }

    /** What one reported measure earned (null: it earns nothing by itself) and why. */
    private ScoreNode part(String id) {
      PiMeasure measure = aciMeasure(catalog, id).orElse(null);
      Double points = null;
      String formula = null;
      String why;
      if (measure == null) {
        why = "not an Advancing Care Information measure of " + catalog.year();
      } else if (measure.objective() != null && isTransition(id) != transition) {
        why = "belongs to the " + (transition ? "ACI" : "transition") + " measure set, not the one scored";
      } else if (rules.exclusions().containsKey(id)) {
        why = reported.yes(id) ? "exclusion: " + rules.exclusions().get(id) + " is not required"
            : "exclusion not claimed";
      } else if (measure.objective() != null && rules.publicHealthObjectives().contains(measure.objective())) {
        points = registry(id);
        why = !reported.yes(id) ? "not answered Yes"
            : points != null ? "registry reported: performance points"
            : "a further registry: counts toward the registry bonus";
      } else if (rules.performance().containsKey(id)) {
        double weight = rules.performance().get(id);
        if (reported.get(id) instanceof MeasureValue.Proportion proportion) {
          int band = band(proportion, rules.rateBands());
          points = weight * band / rules.rateBands().size();
          formula = "(" + proportion.numerator() + "/" + proportion.denominator() + ") in rate band " + band + " of "
              + rules.rateBands().size() + ": " + band + "/" + rules.rateBands().size() + " × "
              + ScoreNode.plain(weight) + " = " + ScoreNode.plain(points);
          why = "performance points by rate band";
        } else {
          points = reported.yes(id) ? weight : 0.0;
          why = "performance points for a Yes";
        }
        performance += points;
      } else if (rules.iaCehrtBonus().containsKey(id)) {
        if (reported.yes(id)) {
          bonus += rules.iaCehrtBonus().get(id);
          points = rules.iaCehrtBonus().get(id);
        }
        why = reported.yes(id) ? "bonus: an improvement activity done with CEHRT" : "not answered Yes: no bonus";
      } else {
        why = measure.required() ? "required for the base score: met" : "earns no points";
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("messages", List.of(why));
      if (formula != null) {
        metadata.put("formula", formula);
      }
      return new ScoreNode(id, measure == null ? id : measure.title(), points, "", List.of(), metadata);
    }

    /**
     * A registry answered Yes earns its performance points while the registries' maximum lasts; a further one, or
     * one the catalog counts as a bonus only, earns the registry bonus (once, added at the end).
     */
    private Double registry(String id) {
      if (!reported.yes(id)) {
        return null;
      }
      Double weight = rules.performance().get(id);
      if (weight == null || publicHealth >= rules.publicHealthMax()) {
        furtherRegistry = true;
        return null;
      }
      double earned = Math.min(weight, rules.publicHealthMax() - publicHealth);
      publicHealth += earned;
      performance += earned;
      return earned;
    }
  }

  /**
   * The required base measures of the set in use that are not met: a boolean must be Yes, a proportion needs a
   * numerator of at least 1 unless its exclusion is answered Yes. The attestations (no objective) belong to both sets.
   */
  static List<String> baseFailures(YearRules rules, ReportedMeasures reported, CatalogYear catalog,
      boolean transition) {
    List<String> failures = new ArrayList<>();
    aciMeasures(catalog).filter(PiMeasure::required)
        .filter(m -> m.objective() == null || isTransition(m.measureId()) == transition)
        .forEach(measure -> {
          String id = measure.measureId();
          if ("boolean".equals(measure.metricType())) {
            if (!reported.yes(id)) {
              failures.add(id + " (required) must be answered Yes");
            }
          } else if (!reported.performed(id) && !excluded(id, rules, reported)) {
            failures.add(id + " (required) needs a numerator of at least 1 or its exclusion");
          }
        });
    return failures;
  }

  private static boolean excluded(String measureId, YearRules rules, ReportedMeasures reported) {
    return rules.exclusions().entrySet().stream()
        .anyMatch(e -> e.getValue().equals(measureId) && reported.yes(e.getKey()));
  }

  /**
   * Which of the two 2017-2018 measure sets the submitter used: the one most of the reported measures belong to
   * (attestations belong to both); a tie is the ACI set.
   */
  static boolean usesTransitionSet(ReportedMeasures reported, CatalogYear catalog) {
    long transition = 0;
    long aci = 0;
    for (String id : reported.ids()) {
      if (aciMeasure(catalog, id).map(m -> m.objective() != null).orElse(false)) {
        if (isTransition(id)) {
          transition++;
        } else {
          aci++;
        }
      }
    }
    return transition > aci;
  }

  /** The rate band k (1..n) of a proportion: rate above 0 and at most bands[k-1] percent; 0 for a rate of 0. */
  static int band(MeasureValue.Proportion proportion, List<Integer> bands) {
    if (proportion.numerator() <= 0 || proportion.denominator() <= 0) {
      return 0;
    }
    for (int k = 0; k < bands.size(); k++) {
      // exact: numerator/denominator ≤ bound/100, in whole numbers
      if (proportion.numerator() * 100 <= (long) bands.get(k) * proportion.denominator()) {
        return k + 1;
      }
    }
    return bands.size(); // a numerator above its denominator: the top band
  }

  private static boolean isTransition(String measureId) {
    return measureId.contains(TRANSITION_MARK);
  }

  private static String edition(String cehrtId) {
    return cehrtId.length() < EDITION_OFFSET + 3 ? "" : cehrtId.substring(EDITION_OFFSET, EDITION_OFFSET + 3);
  }

  /** 2017's catalog files these measures under aci, 2018's under pi. */
  private static Stream<PiMeasure> aciMeasures(CatalogYear catalog) {
    return Stream.concat(catalog.inCategory("aci").stream(), catalog.inCategory("pi").stream())
        .filter(PiMeasure.class::isInstance).map(PiMeasure.class::cast);
  }

  private static Optional<PiMeasure> aciMeasure(CatalogYear catalog, String measureId) {
    return catalog.measure(measureId).filter(PiMeasure.class::isInstance).map(PiMeasure.class::cast);
  }

  private static ScoreNode zero(MeasurementSet set, List<String> messages) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("hasCehrtId", set.cehrtId() != null);
    metadata.put("baseScore", 0.0);
    metadata.put("performanceScore", 0.0);
    metadata.put("bonusScore", 0.0);
    metadata.put("messages", messages);
    return node(set, 0.0, List.of(), metadata);
  }

  private static ScoreNode node(MeasurementSet set, Double value, List<ScoreNode> parts, Map<String, Object> metadata) {
    return new ScoreNode(NAME, TITLE, value, set.submissionMethod(), parts, metadata);
  }

  private static YearRules read(int year, JsonNode node) {
    JsonNode publicHealth = node.get("publicHealth");
    JsonNode cehrt2015 = node.get("cehrt2015Bonus");
    boolean has2015Bonus = cehrt2015 != null && !cehrt2015.isNull();
    return new YearRules(year, node.get("basePoints").asDouble(), YearTable.numbers(node.get("performance")),
        YearTable.ints(node.get("rateBands")), YearTable.texts(node.get("exclusions")),
        YearTable.strings(publicHealth.get("objectives")), publicHealth.get("performanceMax").asDouble(),
        publicHealth.get("registryBonus").asDouble(), YearTable.numbers(node.get("iaCehrtBonus")),
        has2015Bonus ? cehrt2015.get("points").asDouble() : 0,
        has2015Bonus ? YearTable.strings(cehrt2015.get("markers")) : List.of(), node.get("bonusCap").asDouble(),
        node.get("cap").asDouble(), node.get("minimumDays").asInt());
  }
}

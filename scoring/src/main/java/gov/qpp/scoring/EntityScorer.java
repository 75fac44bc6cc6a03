package gov.qpp.scoring;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full MIPS score of one entity (a clinician's TIN/NPI, a group's TIN, an APM entity) for a year, from all its
 * current measurement sets: per category the highest-scoring set, the final score with reweighting and bonuses,
 * the estimated payment adjustment, and the eligibility that decides whether any of it applies. Pure: the
 * scoring verticle and the batch re-score load the inputs and store the tree.
 */
public final class EntityScorer {

  /** Only traditional MIPS sets are scored here; APP and MVP sets are listed as such. */
  static final String MIPS_PROGRAM = MeasurementSet.DEFAULT_PROGRAM;

  /**
   * @param sets every stored set of the entity for the year, resubmissions included (merged here)
   * @param priorAchievementPercent last year's quality achievement percent of the same entity, when stored
   * @param scalingFactor the budget-neutrality scaling factor assumed for the estimate (CMS sets it later)
   * @param exceptionalScaling the share of the exceptional-performance pool assumed (2017–2022)
   */
  public record Inputs(List<StoredSet> sets, Eligibility eligibility, Double priorAchievementPercent,
      double scalingFactor, double exceptionalScaling) {
  }

  private EntityScorer() {
  }

  public static ScoreNode score(Inputs inputs, CatalogYear catalog) {
    int year = catalog.year();
    Optional<FinalScore.YearRules> finalRules = FinalScore.rules(year);
    Optional<PaymentAdjustment.YearRules> paymentRules = PaymentAdjustment.rules(year);
    if (finalRules.isEmpty() || paymentRules.isEmpty()) {
      return new ScoreNode("total", "Total Score", null, "not scored", List.of(), Map.of("status", "NOT_SCORED",
          "messages", List.of("no scoring rules for performance year " + year + " yet (docs/scoring.md)")));
    }
    Eligibility eligibility = inputs.eligibility();
    List<StoredSet> current = CurrentSets.of(inputs.sets());
    List<StoredSet> mips = current.stream().filter(s -> MIPS_PROGRAM.equals(s.set().programName())).toList();
    List<String> messages = new ArrayList<>();
    current.stream().filter(s -> !MIPS_PROGRAM.equals(s.set().programName())).forEach(s -> messages.add(
        "set " + s.set().uniqueKey() + " is reported under program " + s.set().programName()
            + ", which traditional MIPS scoring does not count"));

    Map<FinalScore.Category, ScoreNode> categories = new EnumMap<>(FinalScore.Category.class);
    List<StoredSet> quality = ofCategory(mips, Category.QUALITY);
    categories.put(FinalScore.Category.QUALITY, withSources(QualityScorer.category(quality.stream()
        .map(StoredSet::set).toList(), catalog, new QualityScorer.Context(eligibility.smallPractice(),
        inputs.priorAchievementPercent())), quality));
    categories.put(FinalScore.Category.PI, best("pi", "Promoting Interoperability", ofCategory(mips, Category.PI),
        set -> interoperability(set, year, catalog)));
    var iaStatus = new ImprovementActivityScorer.Status(eligibility.specialStatus(),
        eligibility.apmEntityId() != null);
    categories.put(FinalScore.Category.IA, best("ia", "Improvement Activities", ofCategory(mips, Category.IA),
        set -> ImprovementActivityScorer.score(set, catalog, iaStatus)));
    categories.put(FinalScore.Category.COST, eligibility.cost().isEmpty()
        ? new ScoreNode("cost", "Cost", null, "no cost measure values are supplied for this entity", List.of(),
            Map.of())
        : CostScorer.score(year, catalog, eligibility.cost()));

    Map<FinalScore.Category, Double> percents = new EnumMap<>(FinalScore.Category.class);
    categories.forEach((category, node) -> percents.put(category, node.value()));
    ScoreNode total = FinalScore.score(finalRules.get(), new FinalScore.Inputs(percents, eligibility.smallPractice(),
        eligibility.complexPatientBonus()), paymentRules.get().performanceThreshold());
    return assemble(total, categories, eligibility, paymentRules.get(), inputs, messages);
  }

  /** ACI in the years that have ACI rules (2017–2018), Promoting Interoperability after. */
  private static ScoreNode interoperability(MeasurementSet set, int year, CatalogYear catalog) {
    return AciScorer.rules(year).isPresent() ? AciScorer.score(set, year, catalog) : PiScorer.score(set, year, catalog);
  }

  private static List<StoredSet> ofCategory(List<StoredSet> sets, Category category) {
    return sets.stream().filter(s -> s.set().category() == category).toList();
  }

  /** The category node from its highest-scoring set (an unscored set, value null, loses to any scored one). */
  private static ScoreNode best(String name, String title, List<StoredSet> sets,
      java.util.function.Function<MeasurementSet, ScoreNode> scorer) {
    if (sets.isEmpty()) {
      return new ScoreNode(name, title, null, "no " + title + " measurement set submitted", List.of(), Map.of());
    }
    List<ScoreNode> scored = new ArrayList<>();
    for (StoredSet stored : sets) {
      ScoreNode node = scorer.apply(stored.set());
      scored.add(new ScoreNode(name, "Measurement set " + stored.set().submissionMethod(), node.value(),
          stored.set().submissionMethod(), node.parts(), node.metadata()));
    }
    ScoreNode picked = scored.stream().filter(node -> node.value() != null)
        .max(Comparator.comparingDouble(ScoreNode::value)).orElse(scored.get(0));
    List<ScoreNode> marked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      marked.add(annotate(scored.get(i), sets.get(i), scored.get(i) == picked));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("categoryScore", picked.value());
    metadata.put("measurementSetPicked", picked.detail());
    if (picked.metadata().get("messages") != null) {
      metadata.put("messages", picked.metadata().get("messages"));
    }
    return new ScoreNode(name, title, picked.value(), picked.value() == null ? "not scored"
        : "picked the highest scoring measurement set " + picked.detail(), marked, metadata);
  }

  /** The quality node with each set's source added (the quality scorer keeps the order of the sets given). */
  private static ScoreNode withSources(ScoreNode quality, List<StoredSet> sets) {
    List<ScoreNode> parts = new ArrayList<>();
    for (int i = 0; i < quality.parts().size(); i++) {
      ScoreNode set = quality.parts().get(i);
      parts.add(annotate(set, sets.get(i), Boolean.TRUE.equals(set.metadata().get("measurementSetPicked"))));
    }
    return new ScoreNode(quality.name(), quality.title(), quality.value(), quality.detail(), parts,
        quality.metadata());
  }

  private static ScoreNode annotate(ScoreNode set, StoredSet source, boolean picked) {
    Map<String, Object> metadata = new LinkedHashMap<>(set.metadata());
    metadata.put("measurementSetPicked", picked);
    metadata.put("submissionId", source.submissionId().toString());
    metadata.put("programName", source.set().programName());
    return new ScoreNode(set.name(), set.title(), set.value(), set.detail(), set.parts(), metadata);
  }

  /** total → category contributions → the category's sets → measures, with the adjustment and eligibility. */
  private static ScoreNode assemble(ScoreNode total, Map<FinalScore.Category, ScoreNode> categories,
      Eligibility eligibility, PaymentAdjustment.YearRules paymentRules, Inputs inputs, List<String> messages) {
    List<ScoreNode> parts = new ArrayList<>();
    for (ScoreNode contribution : total.parts()) {
      ScoreNode category = categories.get(byTreeName(contribution.name()));
      Map<String, Object> metadata = new LinkedHashMap<>(category.metadata());
      metadata.putAll(contribution.metadata());
      String detail = category.value() == null ? category.detail() + "; " + contribution.detail()
          : contribution.detail() + " " + category.detail();
      parts.add(new ScoreNode(contribution.name(), contribution.title(), contribution.value(), detail,
          category.parts(), metadata));
    }
    Map<String, Object> metadata = new LinkedHashMap<>(total.metadata());
    List<String> allMessages = new ArrayList<>(messages);
    if (total.metadata().get("messages") instanceof List<?> finalMessages) {
      finalMessages.forEach(message -> allMessages.add(String.valueOf(message)));
    }
    metadata.put("eligibility", eligibilityMetadata(eligibility));
    String exclusion = eligibility.exclusion();
    Double value = total.value();
    if (exclusion != null) {
      metadata.put("status", "EXCLUDED");
      metadata.put("voluntaryScore", value);
      allMessages.add("not scored under MIPS: " + exclusion + "; the categories are scored for feedback only and"
          + " no payment adjustment applies");
      value = null;
    } else {
      metadata.put("status", "SCORED");
      PaymentAdjustment.Result adjustment = PaymentAdjustment.of(paymentRules, value, inputs.scalingFactor(),
          inputs.exceptionalScaling());
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("estimatedAdjustmentPercent", ScoreNode.round4(adjustment.adjustment()));
      payment.put("basePercent", ScoreNode.round4(adjustment.base()));
      payment.put("exceptionalPercent", ScoreNode.round4(adjustment.exceptional()));
      payment.put("performanceThreshold", paymentRules.performanceThreshold());
      payment.put("scalingFactor", inputs.scalingFactor());
      payment.put("paymentYear", paymentRules.year() + 2);
      metadata.put("paymentAdjustment", payment);
    }
    if (eligibility.lowVolume() == null) {
      allMessages.add("no low-volume determination (no claims or eligibility file): scored as required to report");
    }
    metadata.put("messages", allMessages);
    return new ScoreNode("total", "Total Score", value, total.detail(), parts, metadata);
  }

  private static Map<String, Object> eligibilityMetadata(Eligibility eligibility) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("smallPractice", eligibility.smallPractice());
    out.put("rural", eligibility.rural());
    out.put("hpsa", eligibility.hpsa());
    out.put("nonPatientFacing", eligibility.nonPatientFacing());
    out.put("complexPatientBonus", eligibility.complexPatientBonus());
    out.put("lowVolumeStatus", eligibility.lowVolume() == null ? null : eligibility.lowVolume().status().name());
    out.put("lowVolumeReasons", eligibility.lowVolume() == null ? List.of() : eligibility.lowVolume().atOrBelow());
    out.put("lowVolumeSource", eligibility.lowVolumeSource());
    out.put("lowVolumeOptIn", eligibility.lowVolumeOptIn());
    out.put("apmEntityId", eligibility.apmEntityId());
    out.put("qpStatus", eligibility.qp() == null ? null : eligibility.qp().status().name());
    out.put("qpReason", eligibility.qp() == null ? null : eligibility.qp().why());
    return out;
  }

  private static FinalScore.Category byTreeName(String name) {
    return "aci".equals(name) ? FinalScore.Category.PI : FinalScore.Category.byName(name);
  }
}

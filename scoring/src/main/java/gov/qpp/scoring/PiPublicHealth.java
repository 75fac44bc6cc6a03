package gov.qpp.scoring;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.PiMeasure;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The public health and clinical data exchange objective of PI. Through 2021 any registries count: points per
 * registry answered Yes, up to the objective's maximum. From 2022 named registries are required (immunization and
 * electronic case reporting): each must be answered Yes or have one of its catalog exclusions claimed, and the
 * objective earns its maximum. Either way, exclusions only (no Yes) excludes the objective, whose points the year
 * redistributes.
 */
final class PiPublicHealth {

  /** The year's values: the catalog objective, the required registries (empty through 2021), points and maximum. */
  record Rules(String objective, List<String> requiredRegistries, double pointsPerYes, double max) {
  }

  /** Points earned, or the objective excluded, or the reason the whole category scores 0. */
  record Outcome(double points, boolean excluded, Optional<String> failure) {
    static Outcome failed(String why) {
      return new Outcome(0, false, Optional.of(why));
    }
  }

  private PiPublicHealth() {
  }

  /**
   * @param met whether a measure counts as answered (Yes, or either answer where the year accepts either)
   * @param bonus whether a measure belongs to a bonus group (a bonus registry earns no objective points)
   */
  static Outcome score(Rules rules, ReportedMeasures reported, CatalogYear catalog, Predicate<String> met,
      Predicate<String> bonus) {
    return rules.requiredRegistries().isEmpty() ? anyRegistries(rules, reported, catalog, bonus)
        : requiredRegistries(rules, reported, catalog, met);
  }

  private static Outcome anyRegistries(Rules rules, ReportedMeasures reported, CatalogYear catalog,
      Predicate<String> bonus) {
    double registries = 0;
    boolean exclusionClaimed = false;
    for (String id : reported.ids()) {
      Optional<PiMeasure> measure = piMeasure(catalog, id);
      if (measure.isEmpty() || !rules.objective().equals(measure.get().objective()) || !reported.yes(id)) {
        continue;
      }
      if ("exclusion".equals(measure.get().reportingCategory())) {
        exclusionClaimed = true;
      } else if (!bonus.test(id)) {
        registries++;
      }
    }
    if (registries == 0 && exclusionClaimed) {
      return new Outcome(0, true, Optional.empty());
    }
    if (registries == 0) {
      return Outcome.failed("public health: no registry is answered Yes and no exclusion is claimed");
    }
    // one registry Yes and the rest excluded: the full points (an open question in docs/scoring.md)
    return new Outcome(exclusionClaimed ? rules.max() : Math.min(rules.max(), registries * rules.pointsPerYes()),
        false, Optional.empty());
  }

  private static Outcome requiredRegistries(Rules rules, ReportedMeasures reported, CatalogYear catalog,
      Predicate<String> met) {
    int excluded = 0;
    for (String registry : rules.requiredRegistries()) {
      if (met.test(registry)) {
        continue;
      }
      List<String> exclusions = piMeasure(catalog, registry).map(PiMeasure::exclusions).orElse(List.of());
      if (exclusions.stream().anyMatch(reported::yes)) {
        excluded++;
      } else {
        return Outcome.failed("public health: " + registry + " is required: answer Yes or claim its exclusion");
      }
    }
    boolean allExcluded = excluded == rules.requiredRegistries().size();
    return new Outcome(allExcluded ? 0 : rules.max(), allExcluded, Optional.empty());
  }

  private static Optional<PiMeasure> piMeasure(CatalogYear catalog, String id) {
    return catalog.measure(id).filter(PiMeasure.class::isInstance).map(PiMeasure.class::cast);
  }
}

package gov.qpp.scoring;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.ImprovementActivity;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The improvement activities category of one measurement set (MIPS-RULES.md §3.4), pure: 2017–2024 a medium
 * activity earns 10 points and a high one 20, doubled for small-practice, rural, HPSA and non-patient-facing
 * clinicians, 40 points for the category; from 2025 the weights are gone and each attested activity earns half the
 * category (all of it for those clinicians). A certified patient-centered medical home (IA_PCMH attested) and an
 * APM entity get full credit. Only activities attested as performed ("Y") count.
 */
public final class ImprovementActivityScorer {

  static final double CATEGORY_POINTS = 40;
  static final int WEIGHTLESS_FROM = 2025;
  static final String PCMH = "IA_PCMH";

  private ImprovementActivityScorer() {
  }

  /** What the gateway cannot read from a submission: the clinician's statuses for the year. */
  public record Status(boolean doubled, boolean apmEntity) {
    public static final Status NONE = new Status(false, false);
  }

  public static ScoreNode score(MeasurementSet set, CatalogYear catalog, Status status) {
    List<ScoreNode> parts = new ArrayList<>();
    double points = 0;
    boolean fullCredit = status.apmEntity();
    for (Measurement measurement : set.measurements()) {
      boolean performed = measurement.value() instanceof MeasureValue.BooleanValue yes && yes.value();
      ImprovementActivity activity = catalog.measure(measurement.measureId())
          .filter(ImprovementActivity.class::isInstance).map(ImprovementActivity.class::cast).orElse(null);
      double earned = 0;
      String detail;
      if (!performed) {
        detail = "not attested as performed";
      } else if (activity == null) {
        detail = "not an improvement activity of " + catalog.year();
      } else if (activity.measureId().equals(PCMH)) {
        fullCredit = true;
        detail = "certified patient-centered medical home: full credit";
      } else {
        earned = activityPoints(catalog.year(), activity.weight(), status.doubled());
        detail = catalog.year() >= WEIGHTLESS_FROM ? "an attested activity" + (status.doubled() ? ", doubled" : "")
            : activity.weight() == null ? "the catalog gives this activity no weight"
            : activity.weight() + " weight" + (status.doubled() ? ", doubled" : "");
      }
      points += earned;
      parts.add(new ScoreNode(measurement.measureId(), activity == null ? measurement.measureId() : activity.title(),
          earned, detail, List.of(), Map.of()));
    }
    double capped = fullCredit ? CATEGORY_POINTS : Math.min(CATEGORY_POINTS, points);
    double percent = ScoreNode.round4(capped / CATEGORY_POINTS * 100);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("points", capped);
    metadata.put("maxPoints", CATEGORY_POINTS);
    metadata.put("doubled", status.doubled());
    metadata.put("fullCredit", fullCredit);
    String detail = fullCredit ? (status.apmEntity() ? "APM entity: full credit" : "medical home: full credit")
        : capped + " of " + CATEGORY_POINTS + " points";
    return new ScoreNode("ia", "Measurement set " + set.submissionMethod(), percent, detail, parts, metadata);
  }

  /** One attested activity's points for the year. */
  static double activityPoints(int year, String weight, boolean doubled) {
    double points;
    if (year >= WEIGHTLESS_FROM) {
      points = CATEGORY_POINTS / 2; // two activities fill the category
    } else if ("high".equals(weight)) {
      points = 20;
    } else if ("medium".equals(weight)) {
      points = 10;
    } else {
      return 0;
    }
    return doubled ? points * 2 : points;
  }
}

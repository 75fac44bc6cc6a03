package gov.qpp.gateway.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plain-language feedback for one clinician from the stored score trees of their individual and group entities:
 * which score counts (the higher of the two, as QPP gives a group's score to each of its clinicians), which
 * measures pulled the score down, what data completeness is missing, the estimated payment adjustment, and the
 * eligibility status. Reads stored trees only, so feedback never disagrees with the stored score.
 */
public final class Feedback {

  /** Measures below this many points are named as pulling the score down. */
  static final double FULL_POINTS = 10;

  private Feedback() {
  }

  /**
   * @param individual the clinician's current version (with {@code score}), or null; likewise the group's
   * @param qpExclusion why the clinician is a Qualifying APM Participant, from their eligibility data, when they
   *     have no score of their own to say it (null otherwise): a QP is outside MIPS whatever the group reports
   */
  public static JsonObject of(JsonObject individual, JsonObject group, String qpExclusion) {
    JsonObject out = new JsonObject();
    if (individual == null && qpExclusion != null) {
      return out.put("status", "EXCLUDED").put("finalScore", null).put("feedback", new JsonArray()
          .add("You are " + qpExclusion + ": no MIPS score or payment adjustment applies, whatever your TIN's"
              + " group reports."));
    }
    JsonObject counting = counting(individual, group);
    if (counting == null) {
      return out.put("status", "NO_SCORE").put("summary", "No score yet: nothing has been submitted for this"
          + " clinician or their TIN's group this year.");
    }
    boolean fromGroup = counting == group;
    JsonObject tree = counting.getJsonObject("score");
    JsonObject meta = tree.getJsonObject("metadata", new JsonObject());
    out.put("scoreUsed", fromGroup ? "group" : "individual");
    out.put("version", counting.getInteger("version"));
    out.put("computedAt", counting.getString("computedAt"));
    out.put("status", meta.getString("status"));
    out.put("finalScore", tree.getDouble("value"));
    JsonObject payment = meta.getJsonObject("paymentAdjustment");
    List<String> lines = new ArrayList<>();
    lines.add(summary(tree, meta, payment, fromGroup, individual != null && group != null));
    out.put("estimatedPaymentAdjustment", payment);
    out.put("eligibility", eligibility(meta.getJsonObject("eligibility", new JsonObject()), lines));
    JsonArray categories = new JsonArray();
    JsonArray pulledDown = new JsonArray();
    JsonArray completeness = new JsonArray();
    for (Object item : tree.getJsonArray("parts", new JsonArray())) {
      JsonObject category = (JsonObject) item;
      categories.add(category(category, lines));
      if ("quality".equals(category.getString("name"))) {
        quality(category, pulledDown, completeness);
      }
    }
    out.put("categories", categories).put("measuresPullingDown", pulledDown)
        .put("dataCompletenessMissing", completeness);
    meta.getJsonArray("messages", new JsonArray()).forEach(message -> lines.add(String.valueOf(message)));
    return out.put("feedback", new JsonArray(lines));
  }

  /**
   * The version whose score counts: the higher final score; a scored one over one that is not. A Qualifying APM
   * Participant is outside MIPS whatever their group reports, so their own (excluded) score is the one shown.
   */
  static JsonObject counting(JsonObject individual, JsonObject group) {
    if (individual == null || group == null) {
      return individual != null ? individual : group;
    }
    JsonObject eligibility = individual.getJsonObject("score").getJsonObject("metadata", new JsonObject())
        .getJsonObject("eligibility", new JsonObject());
    if ("QP".equals(eligibility.getString("qpStatus"))) {
      return individual;
    }
    Double mine = individual.getJsonObject("score").getDouble("value");
    Double theirs = group.getJsonObject("score").getDouble("value");
    if (theirs == null) {
      return individual;
    }
    return mine == null || theirs > mine ? group : individual;
  }

  private static String summary(JsonObject tree, JsonObject meta, JsonObject payment, boolean fromGroup,
      boolean both) {
    String whose = fromGroup ? "Your TIN's group score" : "Your individual score";
    String choice = both ? " (the higher of your individual and group scores)" : "";
    if (tree.getValue("value") == null) {
      return whose + choice + " is not a MIPS score: " + meta.getString("status", "NOT_SCORED").toLowerCase()
          + ".";
    }
    String text = whose + choice + " is " + fmt(tree.getDouble("value")) + " of 100.";
    if (payment != null) {
      text += " The estimated payment adjustment for " + payment.getValue("paymentYear") + " is "
          + signed(payment.getDouble("estimatedAdjustmentPercent")) + " % (performance threshold "
          + fmt(payment.getDouble("performanceThreshold")) + ", scaling factor "
          + fmt(payment.getDouble("scalingFactor")) + " assumed; CMS sets the final factor).";
    }
    return text;
  }

  private static JsonObject eligibility(JsonObject eligibility, List<String> lines) {
    String lowVolume = eligibility.getString("lowVolumeStatus");
    if (lowVolume == null) {
      lines.add("Low-volume status: not determined (no claims or eligibility file yet); scored as required.");
    } else {
      lines.add("Low-volume status: " + lowVolume.toLowerCase().replace('_', ' ') + " (from "
          + eligibility.getString("lowVolumeSource") + ").");
    }
    if (eligibility.getString("qpStatus") != null) {
      lines.add("APM: " + eligibility.getString("qpStatus") + " in APM entity " + eligibility.getString("apmEntityId")
          + ".");
    }
    return eligibility;
  }

  private static JsonObject category(JsonObject category, List<String> lines) {
    JsonObject meta = category.getJsonObject("metadata", new JsonObject());
    Double percent = meta.getDouble("originalValue");
    String title = category.getString("title", category.getString("name")).replace(" component of total score", "");
    if (percent == null) {
      lines.add(title + ": not scored (" + category.getString("detail") + ").");
    }
    return new JsonObject().put("name", category.getString("name")).put("percent", percent)
        .put("weight", meta.getValue("maxContribution")).put("contribution", category.getValue("value"));
  }

  /** Picked measures below full points, lowest first; and the measures whose data completeness fell short. */
  private static void quality(JsonObject quality, JsonArray pulledDown, JsonArray completeness) {
    for (Object setItem : quality.getJsonArray("parts", new JsonArray())) {
      JsonObject set = (JsonObject) setItem;
      if (!set.getJsonObject("metadata", new JsonObject()).getBoolean("measurementSetPicked", false)) {
        continue;
      }
      List<JsonObject> low = new ArrayList<>();
      for (Object measureItem : set.getJsonArray("parts", new JsonArray())) {
        JsonObject measure = (JsonObject) measureItem;
        JsonObject meta = measure.getJsonObject("metadata", new JsonObject());
        double points = measure.getDouble("value", 0.0);
        if ("PICKED".equals(meta.getString("processingStatus")) && points < FULL_POINTS) {
          low.add(new JsonObject().put("measureId", measure.getString("name")).put("points", points)
              .put("measureClass", meta.getString("measureClass")).put("performanceRate",
                  meta.getValue("performanceRate")).put("decile", meta.getValue("decile"))
              .put("why", why(meta)));
        }
        if ("Class 3".equals(meta.getString("measureClass"))) {
          completeness.add(new JsonObject().put("measureId", measure.getString("name"))
              .put("reportingRate", meta.getValue("reportingRate"))
              .put("why", messages(meta).getString("measurementClass")));
        }
      }
      low.sort(Comparator.comparingDouble(item -> item.getDouble("points")));
      low.forEach(pulledDown::add);
    }
  }

  private static String why(JsonObject meta) {
    String measureClass = meta.getString("measureClass");
    if ("Class 1".equals(measureClass)) {
      return "performance rate " + meta.getValue("performanceRate") + " % falls in decile " + meta.getValue("decile")
          + " of the benchmark";
    }
    return measureClass + ": " + messages(meta).getString("measurementClass");
  }

  private static JsonObject messages(JsonObject meta) {
    return meta.getValue("messages") instanceof JsonObject messages ? messages : new JsonObject();
  }

  private static String signed(Double value) {
    return value == null ? "unknown" : (value > 0 ? "+" : "") + fmt(value);
  }

  private static String fmt(Double value) {
    return value == null ? "unknown" : ScoreNode.plain(value);
  }
}

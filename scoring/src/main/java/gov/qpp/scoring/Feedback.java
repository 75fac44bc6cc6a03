package gov.qpp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Feedback() {
  }

  /**
   * @param individual the clinician's current version ({@code {version, computedAt, score: tree}}), or null;
   *     likewise the group's
   * @param qpExclusion why the clinician is a Qualifying APM Participant, from their eligibility data, when they
   *     have no score of their own to say it (null otherwise): a QP is outside MIPS whatever the group reports
   */
  public static ObjectNode of(JsonNode individual, JsonNode group, String qpExclusion) {
    ObjectNode out = JSON.objectNode();
    if (individual == null && qpExclusion != null) {
      out.put("status", "EXCLUDED").putNull("finalScore");
      out.putArray("feedback").add("You are " + qpExclusion + ": no MIPS score or payment adjustment applies,"
          + " whatever your TIN's group reports.");
      return out;
    }
    JsonNode counting = counting(individual, group);
    if (counting == null) {
      return out.put("status", "NO_SCORE").put("summary", "No score yet: nothing has been submitted for this"
          + " clinician or their TIN's group this year.");
    }
    boolean fromGroup = counting == group;
    JsonNode tree = counting.path("score");
    JsonNode meta = object(tree, "metadata");
    out.put("scoreUsed", fromGroup ? "group" : "individual");
    out.set("version", counting.get("version"));
    out.put("computedAt", text(counting, "computedAt"));
    out.put("status", text(meta, "status"));
    out.put("finalScore", number(tree, "value"));
    JsonNode payment = meta.get("paymentAdjustment");
    List<String> lines = new ArrayList<>();
    lines.add(summary(tree, meta, payment, fromGroup, individual != null && group != null));
    out.set("estimatedPaymentAdjustment", payment);
    out.set("eligibility", eligibility(object(meta, "eligibility"), lines));
    ArrayNode categories = JSON.arrayNode();
    ArrayNode pulledDown = JSON.arrayNode();
    ArrayNode completeness = JSON.arrayNode();
    for (JsonNode category : tree.path("parts")) {
      categories.add(category(category, lines));
      if ("quality".equals(text(category, "name"))) {
        quality(category, pulledDown, completeness);
      }
    }
    out.set("categories", categories);
    out.set("measuresPullingDown", pulledDown);
    out.set("dataCompletenessMissing", completeness);
    meta.path("messages").forEach(message -> lines.add(message.isTextual() ? message.asText() : message.toString()));
    ArrayNode feedback = out.putArray("feedback");
    lines.forEach(feedback::add);
    return out;
  }

  /**
   * The version whose score counts: the higher final score; a scored one over one that is not. A Qualifying APM
   * Participant is outside MIPS whatever their group reports, so their own (excluded) score is the one shown.
   */
  static JsonNode counting(JsonNode individual, JsonNode group) {
    if (individual == null || group == null) {
      return individual != null ? individual : group;
    }
    JsonNode eligibility = object(object(individual.path("score"), "metadata"), "eligibility");
    if ("QP".equals(text(eligibility, "qpStatus"))) {
      return individual;
    }
    Double mine = number(individual.path("score"), "value");
    Double theirs = number(group.path("score"), "value");
    if (theirs == null) {
      return individual;
    }
    return mine == null || theirs > mine ? group : individual;
  }

  private static String summary(JsonNode tree, JsonNode meta, JsonNode payment, boolean fromGroup, boolean both) {
    String whose = fromGroup ? "Your TIN's group score" : "Your individual score";
    String choice = both ? " (the higher of your individual and group scores)" : "";
    if (number(tree, "value") == null) {
      String status = text(meta, "status");
      return whose + choice + " is not a MIPS score: " + (status == null ? "NOT_SCORED" : status).toLowerCase()
          + ".";
    }
    String text = whose + choice + " is " + fmt(number(tree, "value")) + " of 100.";
    if (payment != null && payment.isObject()) {
      text += " The estimated payment adjustment for " + value(payment, "paymentYear") + " is "
          + signed(number(payment, "estimatedAdjustmentPercent")) + " % (performance threshold "
          + fmt(number(payment, "performanceThreshold")) + ", scaling factor "
          + fmt(number(payment, "scalingFactor")) + " assumed; CMS sets the final factor).";
    }
    return text;
  }

  private static JsonNode eligibility(JsonNode eligibility, List<String> lines) {
    String lowVolume = text(eligibility, "lowVolumeStatus");
    if (lowVolume == null) {
      lines.add("Low-volume status: not determined (no claims or eligibility file yet); scored as required.");
    } else {
      lines.add("Low-volume status: " + lowVolume.toLowerCase().replace('_', ' ') + " (from "
          + text(eligibility, "lowVolumeSource") + ").");
    }
    if (text(eligibility, "qpStatus") != null) {
      lines.add("APM: " + text(eligibility, "qpStatus") + " in APM entity " + text(eligibility, "apmEntityId")
          + ".");
    }
    return eligibility;
  }

  private static ObjectNode category(JsonNode category, List<String> lines) {
    JsonNode meta = object(category, "metadata");
    Double percent = number(meta, "originalValue");
    String name = text(category, "name");
    String title = text(category, "title");
    title = (title == null ? name : title).replace(" component of total score", "");
    if (percent == null) {
      lines.add(title + ": not scored (" + text(category, "detail") + ").");
    }
    ObjectNode out = JSON.objectNode().put("name", name).put("percent", percent);
    out.set("weight", meta.get("maxContribution"));
    out.set("contribution", category.get("value"));
    return out;
  }

  /** Picked measures below full points, lowest first; and the measures whose data completeness fell short. */
  private static void quality(JsonNode quality, ArrayNode pulledDown, ArrayNode completeness) {
    for (JsonNode set : quality.path("parts")) {
      if (!object(set, "metadata").path("measurementSetPicked").asBoolean(false)) {
        continue;
      }
      List<ObjectNode> low = new ArrayList<>();
      for (JsonNode measure : set.path("parts")) {
        JsonNode meta = object(measure, "metadata");
        Double value = number(measure, "value");
        double points = value == null ? 0.0 : value;
        if ("PICKED".equals(text(meta, "processingStatus")) && points < FULL_POINTS) {
          ObjectNode item = JSON.objectNode().put("measureId", text(measure, "name")).put("points", points)
              .put("measureClass", text(meta, "measureClass"));
          item.set("performanceRate", meta.get("performanceRate"));
          item.set("decile", meta.get("decile"));
          low.add(item.put("why", why(meta)));
        }
        if ("Class 3".equals(text(meta, "measureClass"))) {
          ObjectNode item = JSON.objectNode().put("measureId", text(measure, "name"));
          item.set("reportingRate", meta.get("reportingRate"));
          completeness.add(item.put("why", text(messages(meta), "measurementClass")));
        }
      }
      low.sort(Comparator.comparingDouble(item -> item.get("points").asDouble()));
      low.forEach(pulledDown::add);
    }
  }

  private static String why(JsonNode meta) {
    String measureClass = text(meta, "measureClass");
    if ("Class 1".equals(measureClass)) {
      return "performance rate " + value(meta, "performanceRate") + " % falls in decile " + value(meta, "decile")
          + " of the benchmark";
    }
    return measureClass + ": " + text(messages(meta), "measurementClass");
  }

  private static JsonNode messages(JsonNode meta) {
    JsonNode messages = meta.get("messages");
    return messages != null && messages.isObject() ? messages : JSON.objectNode();
  }

  /** A field that holds an object, or an empty object (absent or null). */
  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? JSON.objectNode() : value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }

  /** A field's value as it reads in a sentence: 57.98, 6, null. */
  private static String value(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "null" : value.isTextual() ? value.asText() : value.toString();
  }

  private static String signed(Double value) {
    return value == null ? "unknown" : (value > 0 ? "+" : "") + fmt(value);
  }

  private static String fmt(Double value) {
    return value == null ? "unknown" : ScoreNode.plain(value);
  }
}

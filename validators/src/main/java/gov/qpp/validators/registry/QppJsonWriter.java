package gov.qpp.validators.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Submission;

/**
 * Writes the normalised submission as QPP Submissions API JSON, the one spelling the gateway stores and answers
 * with whatever format the data arrived in. {@link RegistryJsonReader} reads it back unchanged.
 */
public final class QppJsonWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private QppJsonWriter() {
  }

  public static ObjectNode submission(Submission submission) {
    ObjectNode out = JSON.createObjectNode();
    out.put("entityType", submission.entityType().apiName());
    if (submission.entityId() != null) {
      out.put("entityId", submission.entityId());
    }
    if (submission.tin() != null) {
      out.put("taxpayerIdentificationNumber", submission.tin().value());
    }
    if (submission.npi() != null) {
      out.put("nationalProviderIdentifier", submission.npi().value());
    }
    out.put("performanceYear", submission.performanceYear());
    ArrayNode sets = out.putArray("measurementSets");
    submission.measurementSets().forEach(set -> sets.add(measurementSet(set)));
    return out;
  }

  public static ObjectNode measurementSet(MeasurementSet set) {
    ObjectNode out = JSON.createObjectNode();
    out.put("category", set.category().apiName());
    out.put("submissionMethod", set.submissionMethod());
    out.put("programName", set.programName());
    if (set.performanceStart() != null) {
      out.put("performanceStart", set.performanceStart().toString());
    }
    if (set.performanceEnd() != null) {
      out.put("performanceEnd", set.performanceEnd().toString());
    }
    if (set.cehrtId() != null) {
      out.put("cehrtId", set.cehrtId());
    }
    ArrayNode measurements = out.putArray("measurements");
    set.measurements().forEach(measurement -> measurements.add(measurement(measurement)));
    return out;
  }

  public static ObjectNode measurement(Measurement measurement) {
    ObjectNode out = JSON.createObjectNode();
    out.put("measureId", measurement.measureId());
    MeasureValue value = measurement.value();
    if (value instanceof MeasureValue.BooleanValue bool) {
      out.put("value", bool.value());
    } else {
      out.set("value", value(value));
    }
    return out;
  }

  /** The value object of a non-boolean measurement. */
  static ObjectNode value(MeasureValue value) {
    ObjectNode out = JSON.createObjectNode();
    if (value instanceof MeasureValue.Proportion proportion) {
      out.put("numerator", proportion.numerator()).put("denominator", proportion.denominator());
    } else if (value instanceof MeasureValue.NonProportion non) {
      out.put("numerator", non.numerator()).put("denominator", non.denominator())
          .put("isEndToEndReported", non.endToEndReported());
      putIfSet(out, "numeratorExclusion", non.numeratorExclusion());
      putIfSet(out, "denominatorException", non.denominatorException());
      putIfSet(out, "observationInstances", non.observationInstances());
    } else if (value instanceof MeasureValue.SinglePerformanceRate single) {
      out.put("isEndToEndReported", single.endToEndReported());
      rate(out, single.rate());
      putIfSet(out, "performanceRate", single.performanceRate());
    } else if (value instanceof MeasureValue.MultiPerformanceRate multi) {
      out.put("isEndToEndReported", multi.endToEndReported());
      ArrayNode strata = out.putArray("strata");
      for (MeasureValue.Rate rate : multi.strata()) {
        ObjectNode stratum = strata.addObject();
        stratum.put("stratum", rate.stratum());
        rate(stratum, rate);
      }
      putIfSet(out, "performanceRate", multi.performanceRate());
    }
    return out;
  }

  private static void rate(ObjectNode out, MeasureValue.Rate rate) {
    out.put("performanceMet", rate.performanceMet());
    putIfSet(out, "performanceNotMet", rate.performanceNotMet());
    out.put("eligiblePopulation", rate.eligiblePopulation());
    putIfSet(out, "eligiblePopulationExclusion", rate.eligiblePopulationExclusion());
    putIfSet(out, "eligiblePopulationException", rate.eligiblePopulationException());
    putIfSet(out, "numeratorExclusion", rate.numeratorExclusion());
  }

  private static void putIfSet(ObjectNode out, String field, Number value) {
    if (value instanceof Long whole) {
      out.put(field, whole);
    } else if (value instanceof Double real) {
      out.put(field, real);
    }
  }
}

package gov.qpp.load;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.catalog.QualityMeasure;
import gov.qpp.validators.catalog.Stratum;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A large, valid QRDA III report of a group for 2025: every eCQM of the year's catalog with its real population
 * UUIDs, and each population padded with supplemental data (sex, race, ethnicity, payer counts) to reach the
 * wanted size, as a large practice's export is. Generated lazily, one population at a time, so the generator
 * itself holds almost nothing in memory.
 */
final class SyntheticQrda3 {

  private static final String[][] SUPPLEMENTAL = {
      {"2.16.840.1.113883.10.20.27.3.6", "76689-9", "M"}, {"2.16.840.1.113883.10.20.27.3.6", "76689-9", "F"},
      {"2.16.840.1.113883.10.20.27.3.8", "72826-1", "2106-3"}, {"2.16.840.1.113883.10.20.27.3.8", "72826-1", "2054-5"},
      {"2.16.840.1.113883.10.20.27.3.7", "69490-1", "2186-5"}, {"2.16.840.1.113883.10.20.27.3.18", "48768-6", "A"}};
  private static final int SUPPLEMENTAL_BYTES = 700;

  private final List<QualityMeasure> measures;
  private final int supplementalPerPopulation;

  SyntheticQrda3(CatalogYear year, long targetBytes) {
    this.measures = year.inCategory("quality").stream().map(m -> (Measure) m).filter(QualityMeasure.class::isInstance)
        .map(QualityMeasure.class::cast)
        .filter(m -> m.eMeasureUuid() != null && m.strata().stream().anyMatch(s -> !s.populationUuids().isEmpty()))
        .filter(m -> m.allowedPrograms().isEmpty() || m.allowedPrograms().contains("mips"))
        .toList();
    long populations = measures.stream().mapToLong(m -> m.strata().stream()
        .mapToLong(s -> s.populationUuids().values().stream().filter(v -> v != null).count()).sum()).sum();
    this.supplementalPerPopulation = (int) Math.max(0, targetBytes / Math.max(1, populations) / SUPPLEMENTAL_BYTES);
  }

  int measureCount() {
    return measures.size();
  }

  InputStream stream() {
    List<Supplier<String>> parts = new ArrayList<>();
    parts.add(SyntheticQrda3::header);
    for (QualityMeasure measure : measures) {
      parts.add(() -> "<entry><organizer classCode=\"CLUSTER\" moodCode=\"EVN\">"
          + "<templateId root=\"2.16.840.1.113883.10.20.27.3.1\" extension=\"2016-09-01\"/>"
          + "<templateId root=\"2.16.840.1.113883.10.20.27.3.17\" extension=\"2019-05-01\"/>"
          + "<statusCode code=\"completed\"/><reference typeCode=\"REFR\"><externalDocument classCode=\"DOC\""
          + " moodCode=\"EVN\"><id root=\"2.16.840.1.113883.4.738\" extension=\"" + measure.eMeasureUuid() + "\"/>"
          + "</externalDocument></reference>");
      for (Stratum stratum : measure.strata()) {
        for (Map.Entry<String, String> population : stratum.populationUuids().entrySet()) {
          if (population.getValue() != null) {
            parts.add(() -> population(population.getKey(), population.getValue(), stratum.stratificationUuids()));
          }
        }
      }
      parts.add(() -> "</organizer></entry>");
    }
    parts.add(() -> "</section></component></structuredBody></component></ClinicalDocument>");
    Iterator<Supplier<String>> next = parts.iterator();
    return new SequenceInputStream(new Enumeration<InputStream>() {
      public boolean hasMoreElements() {
        return next.hasNext();
      }

      public InputStream nextElement() {
        return new ByteArrayInputStream(next.next().get().getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  /** One population's data; measures stratified by reporting strata (370) get each stratum's share of the count. */
  private String population(String catalogKey, String uuid, List<String> stratifications) {
    String code = switch (catalogKey) {
      case "initialPopulationUuid" -> "IPOP";
      case "denominatorUuid" -> "DENOM";
      case "numeratorUuid" -> "NUMER";
      case "denominatorExclusionUuid" -> "DENEX";
      case "denominatorExceptionUuid" -> "DENEXCEP";
      default -> "NUMEX";
    };
    int count = switch (code) {
      case "IPOP" -> 1000;
      case "DENOM" -> 900;
      case "NUMER" -> 600;
      default -> 10;
    };
    StringBuilder out = new StringBuilder(supplementalPerPopulation * SUPPLEMENTAL_BYTES + 1024);
    out.append("<component><observation classCode=\"OBS\" moodCode=\"EVN\">")
        .append("<templateId root=\"2.16.840.1.113883.10.20.27.3.5\" extension=\"2016-09-01\"/>")
        .append("<templateId root=\"2.16.840.1.113883.10.20.27.3.16\" extension=\"2019-05-01\"/>")
        .append("<code code=\"ASSERTION\" codeSystem=\"2.16.840.1.113883.5.4\"/><statusCode code=\"completed\"/>")
        .append("<value xsi:type=\"CD\" code=\"").append(code).append("\" codeSystem=\"2.16.840.1.113883.5.4\"/>")
        .append(count(count));
    for (String stratification : stratifications) {
      out.append("<entryRelationship typeCode=\"COMP\"><observation classCode=\"OBS\" moodCode=\"EVN\">")
          .append("<templateId root=\"2.16.840.1.113883.10.20.27.3.4\"/>")
          .append("<value xsi:type=\"CD\" nullFlavor=\"OTH\"><originalText>Stratum</originalText></value>")
          .append(count(count / stratifications.size()))
          .append("<reference typeCode=\"REFR\"><externalObservation classCode=\"OBS\" moodCode=\"EVN\">")
          .append("<id root=\"").append(stratification).append("\"/></externalObservation></reference>")
          .append("</observation></entryRelationship>");
    }
    for (int i = 0; i < supplementalPerPopulation; i++) {
      String[] kind = SUPPLEMENTAL[i % SUPPLEMENTAL.length];
      out.append("<entryRelationship typeCode=\"COMP\"><observation classCode=\"OBS\" moodCode=\"EVN\">")
          .append("<templateId root=\"").append(kind[0]).append("\" extension=\"2016-09-01\"/>")
          .append("<code code=\"").append(kind[1]).append("\" codeSystem=\"2.16.840.1.113883.6.1\"/>")
          .append("<statusCode code=\"completed\"/><value xsi:type=\"CD\" code=\"").append(kind[2])
          .append("\" codeSystem=\"2.16.840.1.113883.6.238\"/>").append(count(i % 50)).append("</observation>")
          .append("</entryRelationship>");
    }
    return out.append("<reference typeCode=\"REFR\"><externalObservation classCode=\"OBS\" moodCode=\"EVN\">")
        .append("<id root=\"").append(uuid).append("\"/></externalObservation></reference></observation></component>")
        .toString();
  }

  private static String count(int value) {
    return "<entryRelationship typeCode=\"SUBJ\" inversionInd=\"true\"><observation classCode=\"OBS\" moodCode=\"EVN\">"
        + "<templateId root=\"2.16.840.1.113883.10.20.27.3.3\"/><code code=\"MSRAGG\" codeSystem=\"2.16.840.1.113883.5.4\"/>"
        + "<statusCode code=\"completed\"/><value xsi:type=\"INT\" value=\"" + value + "\"/>"
        + "<methodCode code=\"COUNT\" codeSystem=\"2.16.840.1.113883.5.84\"/></observation></entryRelationship>";
  }

  private static String header() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<templateId root=\"2.16.840.1.113883.10.20.27.1.1\" extension=\"2017-06-01\"/>"
        + "<templateId root=\"2.16.840.1.113883.10.20.27.1.2\" extension=\"2024-12-01\"/>"
        + "<informationRecipient><intendedRecipient><id root=\"2.16.840.1.113883.3.249.7\" extension=\"MIPS_GROUP\"/>"
        + "</intendedRecipient></informationRecipient>"
        + "<participant typeCode=\"DEV\"><associatedEntity classCode=\"RGPR\"><id root=\"2.16.840.1.113883.3.2074.1\""
        + " extension=\"0015C01ABCDEFGH\"/></associatedEntity></participant>"
        + "<documentationOf><serviceEvent classCode=\"PCPR\"><performer typeCode=\"PRF\"><assignedEntity>"
        + "<representedOrganization><id root=\"2.16.840.1.113883.4.2\" extension=\"000456789\"/>"
        + "</representedOrganization></assignedEntity></performer></serviceEvent></documentationOf>"
        + "<component><structuredBody><component><section>"
        + "<templateId root=\"2.16.840.1.113883.10.20.27.2.1\" extension=\"2020-12-01\"/>"
        + "<templateId root=\"2.16.840.1.113883.10.20.27.2.3\" extension=\"2022-05-01\"/>"
        + "<entry><act classCode=\"ACT\" moodCode=\"EVN\"><templateId root=\"2.16.840.1.113883.10.20.17.3.8\"/>"
        + "<effectiveTime><low value=\"20250101\"/><high value=\"20251231\"/></effectiveTime></act></entry>";
  }
}

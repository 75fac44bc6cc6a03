package gov.qpp.validators.catalog;

import java.util.List;

/** A MIPS Value Pathway (2023 on): its id is a programName, and it limits the measures reported under it. */
public record Mvp(String mvpId, String title, List<String> qualityMeasureIds, List<String> iaMeasureIds,
    List<String> costMeasureIds, List<String> foundationPiMeasureIds, List<String> foundationQualityMeasureIds) {

  static Mvp read(CatalogNode node) {
    return new Mvp(node.requiredText("mvpId"), node.requiredText("title"),
        node.optionalTextList("qualityMeasureIds"), node.optionalTextList("iaMeasureIds"),
        node.optionalTextList("costMeasureIds"), node.optionalTextList("foundationPiMeasureIds"),
        node.optionalTextList("foundationQualityMeasureIds"));
  }
}

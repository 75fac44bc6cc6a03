package gov.qpp.validators.catalog;

import java.util.List;

/** Who is in a claims measure's denominator: age, sex, diagnoses and procedures (one option of several). */
public record EligibilityOption(Double minAge, Double maxAge, String sexCode, List<String> diagnosisCodes,
    List<String> diagnosisExclusionCodes, List<String> additionalDiagnosisCodes,
    List<CodeWithModifiers> procedureCodes, List<CodeWithModifiers> additionalProcedureCodes, String optionGroup,
    List<String> submissionMethods) {

  static EligibilityOption read(CatalogNode node) {
    return new EligibilityOption(optionalNumber(node, "minAge"), optionalNumber(node, "maxAge"),
        node.optionalText("sexCode"), node.optionalTextList("diagnosisCodes"),
        node.optionalTextList("diagnosisExclusionCodes"), node.optionalTextList("additionalDiagnosisCodes"),
        CatalogNode.map(node.optionalArray("procedureCodes"), CodeWithModifiers::read),
        CatalogNode.map(node.optionalArray("additionalProcedureCodes"), CodeWithModifiers::read),
        node.optionalText("optionGroup"), node.optionalTextList("submissionMethods"));
  }

  private static Double optionalNumber(CatalogNode node, String name) {
    return node.has(name) ? node.field(name).number() : null;
  }
}

package gov.qpp.validators.claims;

/**
 * How a format names a claim's fields in problem locations: JSON Lines by path ({@code lines[1].hcpcs}), CSV by
 * column ({@code hcpcs}); the line number in the file comes first either way.
 */
interface ClaimFieldNames {

  /** A claim-level field: claimId, tin, npi, beneficiaryId, birthDate, sex, fromDate, thruDate, diagnoses. */
  String claimField(String field, int index);

  /** A field of the claim's {@code line}-th line (0-based): number, hcpcs, modifiers, placeOfService, ... */
  String lineField(int line, String field, int index);

  ClaimFieldNames JSON = new ClaimFieldNames() {
    @Override
    public String claimField(String field, int index) {
      return switch (field) {
        case "beneficiaryId" -> "bene.mbi";
        case "birthDate" -> "bene.dob";
        case "sex" -> "bene.sex";
        case "diagnoses" -> "dx[" + index + "]";
        default -> field;
      };
    }

    @Override
    public String lineField(int line, String field, int index) {
      String name = switch (field) {
        case "number" -> "n";
        case "modifiers" -> "mods[" + index + "]";
        case "placeOfService" -> "pos";
        default -> field;
      };
      return "lines[" + line + "]." + name;
    }
  };

  ClaimFieldNames CSV = new ClaimFieldNames() {
    @Override
    public String claimField(String field, int index) {
      return switch (field) {
        case "claimId" -> "claim_id";
        case "beneficiaryId" -> "mbi";
        case "birthDate" -> "bene_dob";
        case "sex" -> "bene_sex";
        case "fromDate" -> "from_date";
        case "thruDate" -> "thru_date";
        case "diagnoses" -> "dx" + (index + 1);
        default -> field;
      };
    }

    @Override
    public String lineField(int line, String field, int index) {
      return switch (field) {
        case "number" -> "line_num";
        case "modifiers" -> "mod" + (index + 1);
        case "placeOfService" -> "pos";
        case "fromDate" -> "line_from_date";
        case "thruDate" -> "line_thru_date";
        default -> field;
      };
    }
  };
}

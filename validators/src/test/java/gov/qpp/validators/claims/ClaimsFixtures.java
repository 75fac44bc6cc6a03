package gov.qpp.validators.claims;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.TestCatalog;
import gov.qpp.validators.catalog.MeasureCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written claims for tests: one JSON Lines claim per call, then evaluated against the packed catalog
 * (2017-2022; 2021 is its last year with claims specifications) or, for 2023+ claims, the shared one.
 */
final class ClaimsFixtures {

  static final String TIN = "000123456";
  static final String NPI = "1234567893";
  static final String OTHER_NPI = "1245319599";

  private final List<String> lines = new ArrayList<>();

  /**
   * A claim of clinician {@code npi} for beneficiary {@code mbi} (born {@code dob}) on {@code date}: diagnoses
   * separated by spaces, lines as "HCPCS[-MOD][@POS]" separated by spaces (place of service 11 by default).
   */
  ClaimsFixtures claim(String npi, String mbi, String dob, String sex, String date, String diagnoses,
      String codes) {
    StringBuilder json = new StringBuilder("{\"claimId\":\"C").append(lines.size() + 1).append("\",\"tin\":\"")
        .append(TIN).append("\",\"npi\":\"").append(npi).append("\",\"bene\":{\"mbi\":\"").append(mbi)
        .append("\",\"dob\":\"").append(dob).append("\",\"sex\":\"").append(sex).append("\"},\"fromDate\":\"")
        .append(date).append("\",\"dx\":[");
    String[] dx = diagnoses.isBlank() ? new String[0] : diagnoses.split(" ");
    for (int i = 0; i < dx.length; i++) {
      json.append(i == 0 ? "\"" : ",\"").append(dx[i]).append('"');
    }
    json.append("],\"lines\":[");
    String[] items = codes.split(" ");
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      String pos = item.contains("@") ? item.substring(item.indexOf('@') + 1) : "11";
      String code = item.contains("@") ? item.substring(0, item.indexOf('@')) : item;
      String[] parts = code.split("-");
      json.append(i == 0 ? "" : ",").append("{\"hcpcs\":\"").append(parts[0]).append("\",\"mods\":[")
          .append(parts.length > 1 ? "\"" + parts[1] + "\"" : "").append("],\"pos\":\"").append(pos).append("\"}");
    }
    lines.add(json.append("]}").toString());
    return this;
  }

  String jsonLines() {
    return String.join("\n", lines) + "\n";
  }

  /** Against the packed catalog, which every build has. */
  ClaimsOutcome evaluate(Integer year) throws Exception {
    return evaluate(PackedCatalog.get(), year);
  }

  /** Against the shared folder's catalog (2017-2026): skipped without it. */
  ClaimsOutcome evaluateShared(Integer year) throws Exception {
    return evaluate(TestCatalog.get(), year);
  }

  ClaimsOutcome evaluate(MeasureCatalog catalog, Integer year) throws Exception {
    return new ClaimsIntake(catalog, ClaimsIntake.Limits.DEFAULT).intake(ClaimsFormat.JSON_LINES,
        new ByteArrayInputStream(jsonLines().getBytes(StandardCharsets.UTF_8)), year);
  }

  static ClaimsOutcome.Derived of(ClaimsOutcome outcome, String npi) {
    return outcome.submissions().stream().filter(derived -> java.util.Objects.equals(derived.clinician().npi(), npi))
        .findFirst().orElseThrow(() -> new AssertionError("no set for NPI " + npi + ": " + outcome.submissions()));
  }
}

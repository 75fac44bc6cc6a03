package gov.qpp.load;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.CodeWithModifiers;
import gov.qpp.validators.catalog.EligibilityOption;
import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.catalog.PerformanceOption;
import gov.qpp.validators.catalog.QualityMeasure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible Part B claims file of a given number of claim lines for one year, in both claims formats: 400
 * TINs of 5 clinicians each, 150,000 beneficiaries mostly seen by one clinician, each claim a visit coded for one
 * of the year's claims measures (its procedure and diagnosis codes), with that measure's quality data codes on 85 %
 * of claims and a $0.00 charge on those lines.
 */
final class SyntheticClaims {

  static final int TINS = 400;
  static final int CLINICIANS_PER_TIN = 5;
  static final int BENEFICIARIES = 150_000;

  /** What a generated claim is coded for: one measure's visit, diagnosis and quality codes. */
  private record Coding(String procedure, String diagnosis, List<List<String>> qualityCodeSets) {
  }

  private record Line(String hcpcs, String modifier, String charge) {
  }

  private final int year;
  private final List<Coding> codings = new ArrayList<>();
  private final String[] tins = new String[TINS];
  private final String[][] npis = new String[TINS][CLINICIANS_PER_TIN];

  SyntheticClaims(CatalogYear catalog) {
    this.year = catalog.year();
    for (Measure measure : catalog.inCategory("quality")) {
      if (measure instanceof QualityMeasure quality && !quality.performanceOptions().isEmpty()) {
        coding(quality);
      }
    }
    Random random = new Random(17);
    for (int t = 0; t < TINS; t++) {
      tins[t] = String.format("%09d", 100_000 + t * 7);
      for (int c = 0; c < CLINICIANS_PER_TIN; c++) {
        npis[t][c] = NpiGenerator.next(random);
      }
    }
  }

  private void coding(QualityMeasure measure) {
    for (EligibilityOption option : measure.eligibilityOptions()) {
      for (CodeWithModifiers procedure : option.procedureCodes()) {
        if (procedure.modifiers().isEmpty() && (procedure.placesOfService().isEmpty()
            || procedure.placesOfService().contains("11"))) {
          String dx = option.diagnosisCodes().isEmpty() ? null : option.diagnosisCodes().get(0);
          List<List<String>> qualitySets = new ArrayList<>();
          for (PerformanceOption performance : measure.performanceOptions()) {
            if (performance.optionGroup() == null || performance.optionGroup().equals(option.optionGroup())) {
              List<String> codes = new ArrayList<>();
              performance.qualityCodes().forEach(code -> codes.add(code.code()
                  + (code.modifiers().isEmpty() ? "" : "-" + code.modifiers().get(0))));
              qualitySets.add(codes);
            }
          }
          codings.add(new Coding(procedure.code(), dx, qualitySets));
          return;
        }
      }
    }
  }

  /** Writes the same claims as JSON Lines and as CSV; returns the number of claims. */
  long write(long claimLines, Path jsonLines, Path csv) throws IOException {
    Random random = new Random(42);
    long claims = 0;
    long lines = 0;
    try (Writer json = Files.newBufferedWriter(jsonLines, StandardCharsets.UTF_8);
        BufferedWriter rows = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      rows.write("claim_id,line_num,tin,npi,mbi,bene_dob,bene_sex,from_date,pos,hcpcs,mod1,dx1,dx2,charge\n");
      while (lines < claimLines) {
        int bene = random.nextInt(BENEFICIARIES);
        int tin = bene % TINS;
        int clinician = random.nextInt(10) < 9 ? bene / TINS % CLINICIANS_PER_TIN : random.nextInt(CLINICIANS_PER_TIN);
        Coding coding = codings.get(random.nextInt(codings.size()));
        List<Line> claimLinesOf = new ArrayList<>();
        claimLinesOf.add(new Line(coding.procedure(), null, (80 + random.nextInt(120)) + ".00"));
        if (random.nextInt(100) < 85 && !coding.qualityCodeSets().isEmpty()) {
          List<String> codes = coding.qualityCodeSets().get(random.nextInt(coding.qualityCodeSets().size()));
          for (String code : codes) {
            String[] parts = code.split("-");
            claimLinesOf.add(new Line(parts[0], parts.length > 1 ? parts[1] : null, "0.00"));
          }
        }
        if (random.nextInt(100) < 40) {
          claimLinesOf.add(new Line("99213", null, "95.00"));
        }
        LocalDate from = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        LocalDate birth = LocalDate.of(year - 20 - bene % 70, 1 + bene % 12, 1 + bene % 28);
        String sex = bene % 2 == 0 ? "F" : "M";
        String mbi = mbi(bene);
        String claimId = "C" + claims;
        String dx1 = coding.diagnosis() == null ? "I10" : coding.diagnosis();
        String dx2 = bene % 3 == 0 ? "E11.9" : "";
        json.write(jsonClaim(claimId, tins[tin], npis[tin][clinician], mbi, birth, sex, from, dx1, dx2, claimLinesOf));
        for (int n = 0; n < claimLinesOf.size(); n++) {
          Line line = claimLinesOf.get(n);
          rows.write(claimId + "," + (n + 1) + "," + tins[tin] + "," + npis[tin][clinician] + "," + mbi + ","
              + birth + "," + sex + "," + from + ",11," + line.hcpcs() + ","
              + (line.modifier() == null ? "" : line.modifier()) + "," + dx1 + "," + dx2 + "," + line.charge() + "\n");
        }
        lines += claimLinesOf.size();
        claims++;
      }
    }
    return claims;
  }

  private static String jsonClaim(String claimId, String tin, String npi, String mbi, LocalDate birth, String sex,
      LocalDate from, String dx1, String dx2, List<Line> lines) {
    StringBuilder json = new StringBuilder(400).append("{\"claimId\":\"").append(claimId).append("\",\"tin\":\"")
        .append(tin).append("\",\"npi\":\"").append(npi).append("\",\"bene\":{\"mbi\":\"").append(mbi)
        .append("\",\"dob\":\"").append(birth).append("\",\"sex\":\"").append(sex).append("\"},\"fromDate\":\"")
        .append(from).append("\",\"dx\":[\"").append(dx1).append('"');
    if (!dx2.isEmpty()) {
      json.append(",\"").append(dx2).append('"');
    }
    json.append("],\"lines\":[");
    for (int n = 0; n < lines.size(); n++) {
      Line line = lines.get(n);
      json.append(n == 0 ? "" : ",").append("{\"n\":").append(n + 1).append(",\"hcpcs\":\"").append(line.hcpcs())
          .append("\",\"mods\":[").append(line.modifier() == null ? "" : "\"" + line.modifier() + "\"")
          .append("],\"pos\":\"11\",\"charge\":\"").append(line.charge()).append("\"}");
    }
    return json.append("]}\n").toString();
  }

  /** An MBI-shaped id from a number: digit, letter, alnum, digit, letter, alnum, digit, 2 letters, 2 digits. */
  static String mbi(int n) {
    String letters = "ACDEFGHJKMNPQRTUVWXY";
    return "" + (1 + n % 9) + letters.charAt(n / 9 % 20) + letters.charAt(n / 180 % 20) + (n / 3600 % 10)
        + letters.charAt(n / 36000 % 20) + letters.charAt(n % 20) + (n % 10) + letters.charAt(n / 7 % 20)
        + letters.charAt(n / 11 % 20) + String.format("%02d", n % 100);
  }
}

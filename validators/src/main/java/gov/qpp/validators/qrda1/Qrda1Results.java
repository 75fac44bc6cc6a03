package gov.qpp.validators.qrda1;

import gov.qpp.validators.claims.Claim;
import gov.qpp.validators.claims.ClaimLine;
import gov.qpp.validators.claims.ClaimsIntake;
import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.claims.Clinician;
import gov.qpp.validators.claims.MeasureCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measure results from QRDA I patients, for the measures whose logic the claims specifications can express: each
 * patient's CPT/HCPCS-coded encounters, procedures and interventions of one day become one claim (with the ICD-10-CM
 * diagnoses active that day), and the claims evaluation does the rest. eCQM logic proper (CQL over QDM: lab values,
 * value sets, timing) is not run: a measure whose numerator lives in results rather than quality data codes
 * shows its eligible population with nothing reported. QRDA I has no place of service: "99" (other) stands in, so
 * codes limited to a place of service do not match and codes excluding one do.
 */
public final class Qrda1Results {

  static final String CPT = "2.16.840.1.113883.6.12";
  static final String HCPCS = "2.16.840.1.113883.6.285";
  static final String ICD10CM = "2.16.840.1.113883.6.90";
  static final String NO_PLACE_OF_SERVICE = "99";
  private static final Set<String> CODED_SERVICES = Set.of("encounterPerformed", "procedurePerformed",
      "interventionPerformed", "diagnosticStudyPerformed", "physicalExamPerformed", "assessmentPerformed",
      "laboratoryTestPerformed");

  /** The counts of one referenced measure for one clinician or group. */
  public record MeasureResult(Clinician clinician, String measureId, List<MeasureCounts> strata) {
  }

  /** Computed results, and each referenced measure that is stored but not computed, with why. */
  public record Results(List<MeasureResult> computed, Map<String, String> notComputed) {
  }

  private Qrda1Results() {
  }

  public static Results compute(ClaimsIntake claims, List<Qrda1Patient> patients) {
    Map<Integer, List<Qrda1Patient>> byYear = new TreeMap<>();
    patients.forEach(patient -> byYear.computeIfAbsent(patient.performanceYear(), y -> new ArrayList<>())
        .add(patient));
    List<MeasureResult> computed = new ArrayList<>();
    Map<String, String> notComputed = new TreeMap<>();
    for (var year : byYear.entrySet()) {
      Map<Clinician, Set<String>> referenced = new HashMap<>();
      List<Claim> asClaims = new ArrayList<>();
      for (Qrda1Patient patient : year.getValue()) {
        referenced.computeIfAbsent(new Clinician(patient.tin(), patient.npi()), c -> new TreeSet<>())
            .addAll(patient.measureIds());
        referenced.computeIfAbsent(new Clinician(patient.tin(), null), c -> new TreeSet<>())
            .addAll(patient.measureIds());
        asClaims.addAll(claims(patient));
      }
      ClaimsIntake.Evaluated evaluated = claims.evaluate(year.getKey(), asClaims);
      for (Qrda1Patient patient : year.getValue()) {
        for (String measure : patient.measureIds()) {
          if (!evaluated.computed().contains(measure)) {
            notComputed.put(measure, reason(measure, year.getKey(), evaluated.notComputed()));
          }
        }
      }
      for (var clinician : evaluated.results().entrySet()) {
        Set<String> wanted = referenced.getOrDefault(clinician.getKey(), Set.of());
        clinician.getValue().forEach((measure, strata) -> {
          if (wanted.contains(measure)) {
            computed.add(new MeasureResult(clinician.getKey(), measure, strata));
          }
        });
      }
    }
    return new Results(computed, notComputed);
  }

  private static String reason(String measure, int year, List<ClaimsOutcome.NotComputed> notComputed) {
    for (ClaimsOutcome.NotComputed not : notComputed) {
      if (not.measureId().equals(measure)) {
        return not.reason();
      }
    }
    return "no claims specification (eligibilityOptions, performanceOptions) for this measure in " + year
        + "; its eCQM logic needs a CQL engine";
  }

  /** One claim per day with CPT/HCPCS-coded services, with the diagnoses active that day. */
  static List<Claim> claims(Qrda1Patient patient) {
    Map<LocalDate, Set<String>> codesByDay = new LinkedHashMap<>();
    List<Qrda1Entry> diagnoses = new ArrayList<>();
    for (Qrda1Entry entry : patient.entries()) {
      if (entry.code() == null || entry.start() == null) {
        continue;
      }
      if (entry.datatype().equals("diagnosis") && ICD10CM.equals(entry.codeSystem())) {
        diagnoses.add(entry);
      } else if (CODED_SERVICES.contains(entry.datatype())
          && (CPT.equals(entry.codeSystem()) || HCPCS.equals(entry.codeSystem()))) {
        codesByDay.computeIfAbsent(entry.start(), d -> new java.util.LinkedHashSet<>()).add(entry.code().trim()
            .toUpperCase(java.util.Locale.ROOT));
      }
    }
    Claim.Sex sex = switch (patient.sex()) {
      case "F" -> Claim.Sex.FEMALE;
      case "M" -> Claim.Sex.MALE;
      default -> Claim.Sex.UNKNOWN;
    };
    List<Claim> claims = new ArrayList<>();
    int n = 0;
    for (var day : codesByDay.entrySet()) {
      Set<String> active = new HashSet<>();
      for (Qrda1Entry diagnosis : diagnoses) {
        if (!diagnosis.start().isAfter(day.getKey())
            && (diagnosis.end() == null || !diagnosis.end().isBefore(day.getKey()))) {
          active.add(diagnosis.code().replace(".", "").trim().toUpperCase(java.util.Locale.ROOT));
        }
      }
      List<ClaimLine> lines = new ArrayList<>();
      int line = 1;
      for (String code : day.getValue()) {
        lines.add(new ClaimLine(line++, code, List.of(), NO_PLACE_OF_SERVICE, 1, ClaimLine.NO_AMOUNT));
      }
      claims.add(new Claim(patient.documentName() + "#" + (++n), patient.tin(), patient.npi(), patient.patientId(),
          patient.birthDate(), sex, day.getKey(), day.getKey(), Set.copyOf(active), List.copyOf(lines), 0));
    }
    return claims;
  }
}

package gov.qpp.validators.claims;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.CodeWithModifiers;
import gov.qpp.validators.catalog.Measure;
import gov.qpp.validators.catalog.PerformanceOption;
import gov.qpp.validators.catalog.QualityMeasure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a stream of claims against every claims quality measure of one performance year and aggregates them
 * per clinician (TIN+NPI) and per group (TIN), one claim at a time: a claim is looked at once and dropped, and only
 * one small state per eligible instance is kept (per beneficiary, or beneficiary and date, per measure).
 */
final class ClaimsEvaluation {

  /** Claims measurement sets report under traditional MIPS. */
  static final String PROGRAM = "mips";
  /**
   * An instance key packs clinician, rate, beneficiary and day of year into one long: 21 + 8 + 25 + 9 bits. These
   * are the largest numbers each may reach in one file (2 million clinicians, 256 rates, 33 million beneficiaries).
   */
  static final int MAX_CLINICIANS = 1 << 21;
  static final int MAX_RATES = InstanceTable.MAX_RATES;
  static final int MAX_BENEFICIARIES = 1 << 25;

  private final int year;
  private final LocalDate yearStart;
  private final List<ClaimsMeasure> measures = new ArrayList<>();
  private final List<ClaimsOutcome.NotComputed> notComputed = new ArrayList<>();
  private final Map<String, int[]> measuresByProcedure = new HashMap<>();
  private final int[] alwaysCandidates;
  private final Set<String> qualityDataCodes = new HashSet<>();
  private final long maxInstances;
  private final long maxBeneficiaries;

  private final Map<Clinician, Integer> clinicianIndex = new HashMap<>();
  private String lastTin;
  private String lastNpi;
  private int lastIndividual;
  private int lastGroup;
  private final List<Clinician> clinicians = new ArrayList<>();
  private final Map<String, Integer> beneficiaryIndex = new HashMap<>();
  /** Volume per clinician: allowed cents, services, whether any amount was given, distinct beneficiaries. */
  private long[] allowedCents = new long[64];
  private long[] services = new long[64];
  private boolean[] amountsGiven = new boolean[64];
  private long[] beneficiaryCount = new long[64];
  private final LongIndex clinicianBeneficiaries = new LongIndex();

  /** Each clinician's eligible instances; groups' are folded from these at the end. */
  private final InstanceTable instances = new InstanceTable();
  /** For each clinician index, the index of its TIN's group. */
  private int[] groupOf = new int[64];
  /** The measure of each rate, by the rate's number ({@code Stratum.rate}). */
  private final List<ClaimsMeasure> rateMeasures = new ArrayList<>();
  private final boolean[] candidate;
  private final int[] found;

  ClaimsEvaluation(CatalogYear catalog, long maxInstances) {
    this(catalog, maxInstances, MAX_BENEFICIARIES);
  }

  ClaimsEvaluation(CatalogYear catalog, long maxInstances, long maxBeneficiaries) {
    this.maxBeneficiaries = Math.min(maxBeneficiaries, MAX_BENEFICIARIES);
    this.year = catalog.year();
    this.yearStart = LocalDate.of(year, 1, 1);
    this.maxInstances = maxInstances;
    List<Integer> always = new ArrayList<>();
    for (Measure measure : catalog.inCategory("quality")) {
      if (!(measure instanceof QualityMeasure quality) || quality.performanceOptions().isEmpty()
          || !quality.submissionMethods().contains("claims")) {
        continue;
      }
      quality.performanceOptions().stream().map(PerformanceOption::qualityCodes).flatMap(List::stream)
          .map(CodeWithModifiers::code).forEach(qualityDataCodes::add);
      if (!quality.allowedPrograms().isEmpty() && !quality.allowedPrograms().contains(PROGRAM)) {
        // claims sets report under traditional MIPS; the measure data moved some claims measures out of it
        notComputed.add(new ClaimsOutcome.NotComputed(quality.measureId(), "not in the year's traditional MIPS"
            + " program (allowedPrograms " + quality.allowedPrograms() + ")"));
        continue;
      }
      ClaimsMeasure.Compiled compiled = ClaimsMeasure.compile(quality, year);
      if (compiled.measure() == null) {
        notComputed.add(new ClaimsOutcome.NotComputed(quality.measureId(), compiled.notComputedReason()));
        continue;
      }
      ClaimsMeasure claimsMeasure = compiled.measure();
      int index = measures.size();
      measures.add(claimsMeasure);
      for (ClaimsMeasure.Stratum stratum : claimsMeasure.strata) {
        stratum.rate = rateMeasures.size();
        rateMeasures.add(claimsMeasure);
      }
      if (claimsMeasure.anyClaimCandidate) {
        always.add(index);
      }
      for (String code : claimsMeasure.procedureCodes) {
        measuresByProcedure.merge(code, new int[] {index}, ClaimsEvaluation::append);
      }
    }
    this.alwaysCandidates = always.stream().mapToInt(Integer::intValue).toArray();
    this.candidate = new boolean[measures.size()];
    this.found = new int[measures.size()];
    if (rateMeasures.size() > MAX_RATES) {
      throw new IllegalStateException(year + " has " + rateMeasures.size() + " claims rates; instance keys hold "
          + MAX_RATES);
    }
  }

  int year() {
    return year;
  }

  /** How many measures the year has with claims specifications (computed or not). */
  int claimsMeasureCount() {
    return measures.size() + notComputed.size();
  }

  List<String> computedMeasureIds() {
    return measures.stream().map(measure -> measure.measureId).toList();
  }

  List<ClaimsOutcome.NotComputed> notComputed() {
    return List.copyOf(notComputed);
  }

  long instanceCount() {
    return instances.size();
  }

  /**
   * Null, or which limit was reached (instances, clinicians or beneficiaries): the caller refuses the file rather
   * than run out of memory. Claims must be of the evaluation's year.
   */
  String add(Claim claim) {
    if (clinicians.size() + 2 > MAX_CLINICIANS) {
      return "more than " + MAX_CLINICIANS + " clinicians and groups";
    }
    if (beneficiaryIndex.size() + 1 > maxBeneficiaries) {
      return "more than " + maxBeneficiaries + " beneficiaries";
    }
    int beneficiary = beneficiaryIndex.computeIfAbsent(claim.beneficiaryId(), id -> beneficiaryIndex.size());
    // files extracted per clinician have runs of the same one: those skip the map lookups
    if (!claim.npi().equals(lastNpi) || !claim.tin().equals(lastTin)) {
      lastIndividual = clinician(new Clinician(claim.tin(), claim.npi()));
      lastGroup = clinician(new Clinician(claim.tin(), null));
      groupOf[lastIndividual] = lastGroup;
      lastTin = claim.tin();
      lastNpi = claim.npi();
    }
    int individual = lastIndividual;
    int group = lastGroup;
    volume(individual, claim, beneficiary);
    amounts(group, claim);

    int candidates = candidates(claim);
    if (candidates == 0) {
      return null;
    }
    double age = age(claim.birthDate(), claim.fromDate());
    int day = (int) ChronoUnit.DAYS.between(yearStart, claim.fromDate());
    for (int c = 0; c < candidates; c++) {
      ClaimsMeasure measure = measures.get(found[c]);
      for (ClaimsMeasure.Stratum stratum : measure.strata) {
        if (!stratum.eligible(claim, age)) {
          continue;
        }
        Marker marker = stratum.marker(claim, measure.rank);
        int rate = stratum.rate;
        fold(individual, rate, measure, stratum, beneficiary, day, claim, marker);
      }
    }
    return instances.size() <= maxInstances ? null
        : "more than " + maxInstances + " eligible instances (patients or visits per measure)";
  }

  /** The measures one of whose procedure codes is on the claim, as indexes in {@code found[0..n)}. */
  private int candidates(Claim claim) {
    int n = 0;
    for (int index : alwaysCandidates) {
      n = mark(index, n);
    }
    for (ClaimLine line : claim.lines()) {
      int[] indexes = measuresByProcedure.get(line.hcpcs());
      if (indexes != null) {
        for (int index : indexes) {
          n = mark(index, n);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      candidate[found[i]] = false;
    }
    return n;
  }

  private int mark(int index, int n) {
    if (candidate[index]) {
      return n;
    }
    candidate[index] = true;
    found[n] = index;
    return n + 1;
  }

  private void fold(int clinician, int rate, ClaimsMeasure measure, ClaimsMeasure.Stratum stratum,
      int beneficiary, int day, Claim claim, Marker marker) {
    int[] rank = measure.rank;
    int m = marker.ordinal();
    switch (measure.kind) {
      case PATIENT_PROCESS -> instances.better(instances.instance(InstanceTable.key(clinician, rate, beneficiary, 0)),
          m, rank);
      case PROCEDURE -> instances.better(instances.instance(InstanceTable.key(clinician, rate, beneficiary,
          day + 1)), m, rank);
      case VISIT -> {
        int visit = instances.instance(InstanceTable.key(clinician, rate, beneficiary, day + 1));
        instances.better(visit, m, rank);
        instances.addWeight(visit, Math.max(1, stratum.matchingProcedureLines(claim)));
      }
      case PATIENT_INTERMEDIATE -> instances.latest(instances.instance(InstanceTable.key(clinician, rate,
          beneficiary, 0)), day, m, rank);
      case INTERSECTING_DIAGNOSIS -> {
        Set<String> relevant = new HashSet<>();
        for (String dx : claim.diagnoses()) {
          if (stratum.diagnoses.contains(dx)) {
            relevant.add(dx);
          }
        }
        instances.episode(instances.instance(InstanceTable.key(clinician, rate, beneficiary, 0)), relevant, m,
            rank);
      }
      default -> throw new IllegalStateException("unhandled class " + measure.kind);
    }
  }

  private int clinician(Clinician clinician) {
    Integer index = clinicianIndex.get(clinician);
    if (index == null) {
      index = clinicians.size();
      clinicianIndex.put(clinician, index);
      clinicians.add(clinician);
      if (index == allowedCents.length) {
        allowedCents = Arrays.copyOf(allowedCents, index * 2);
        services = Arrays.copyOf(services, index * 2);
        amountsGiven = Arrays.copyOf(amountsGiven, index * 2);
        beneficiaryCount = Arrays.copyOf(beneficiaryCount, index * 2);
        groupOf = Arrays.copyOf(groupOf, index * 2);
      }
    }
    return index;
  }

  private void volume(int clinician, Claim claim, int beneficiary) {
    int before = clinicianBeneficiaries.size();
    clinicianBeneficiaries.indexOf((long) clinician << 32 | beneficiary);
    if (clinicianBeneficiaries.size() > before) {
      beneficiaryCount[clinician]++;
    }
    amounts(clinician, claim);
  }

  private void amounts(int clinician, Claim claim) {
    for (ClaimLine line : claim.lines()) {
      if (line.allowedCents() == ClaimLine.NO_AMOUNT) {
        continue;
      }
      amountsGiven[clinician] = true;
      allowedCents[clinician] += line.allowedCents();
      if (line.allowedCents() > 0 && !isQualityDataCode(line.hcpcs())) {
        services[clinician] += line.units();
      }
    }
  }

  /** A code of some measure's performance options, or any CPT Category II code (4 digits and F). */
  private boolean isQualityDataCode(String hcpcs) {
    return hcpcs.charAt(4) == 'F' || qualityDataCodes.contains(hcpcs);
  }

  /**
   * Age at the date of service in years, with the fraction of the year since the last birthday, so that
   * "75 and under" can be compared as C2Q does (age < 76).
   */
  static double age(LocalDate birth, LocalDate on) {
    long years = ChronoUnit.YEARS.between(birth, on);
    LocalDate lastBirthday = birth.plusYears(years);
    LocalDate nextBirthday = birth.plusYears(years + 1);
    double fraction = (double) ChronoUnit.DAYS.between(lastBirthday, on)
        / ChronoUnit.DAYS.between(lastBirthday, nextBirthday);
    return years + fraction;
  }

  /**
   * Every clinician and group with the counts of each measure it reported, in order of first appearance. A group's
   * instances are its clinicians' folded together: a beneficiary two clinicians of a TIN both saw is one instance.
   */
  Map<Clinician, Map<String, List<MeasureCounts>>> results() {
    return results(true);
  }

  /** With {@code onlyReported} false, every measure with an eligible instance, reported or not. */
  Map<Clinician, Map<String, List<MeasureCounts>>> results(boolean onlyReported) {
    int markers = Marker.values().length;
    Map<Integer, long[]> counts = new HashMap<>(); // sparse: most clinicians report a few of the year's rates
    InstanceTable groups = new InstanceTable();
    instances.forEach((key, i) -> {
      int clinician = InstanceTable.clinicianOf(key);
      int rate = InstanceTable.rateOf(key);
      ClaimsMeasure measure = rateMeasures.get(rate);
      instances.count(i, tally(counts, clinician * rateMeasures.size() + rate),
          measure.kind == MeasureClass.INTERSECTING_DIAGNOSIS);
      groups.merge(groups.instance(InstanceTable.withClinician(key, groupOf[clinician])), instances, i,
          measure.kind, measure.rank);
    });
    groups.forEach((key, g) -> groups.count(g, tally(counts, InstanceTable.clinicianOf(key) * rateMeasures.size()
        + InstanceTable.rateOf(key)), rateMeasures.get(InstanceTable.rateOf(key)).kind
        == MeasureClass.INTERSECTING_DIAGNOSIS));
    Map<Clinician, Map<String, List<MeasureCounts>>> results = new LinkedHashMap<>();
    for (int c = 0; c < clinicians.size(); c++) {
      Map<String, List<MeasureCounts>> byMeasure = new LinkedHashMap<>();
      for (ClaimsMeasure measure : measures) {
        List<MeasureCounts> strata = new ArrayList<>();
        boolean reported = false;
        for (ClaimsMeasure.Stratum stratum : measure.strata) {
          long[] tally = counts.get(c * rateMeasures.size() + stratum.rate);
          MeasureCounts rate = tally == null ? new MeasureCounts(stratum.name, 0, 0, 0, 0, 0)
              : new MeasureCounts(stratum.name, tally[Marker.PERFORMANCE_MET.ordinal()],
                  tally[Marker.PERFORMANCE_NOT_MET.ordinal()], tally[Marker.EXCLUSION.ordinal()],
                  tally[Marker.EXCEPTION.ordinal()], tally[markers]);
          reported |= rate.reported();
          strata.add(rate);
        }
        boolean eligible = strata.stream().anyMatch(rate -> rate.eligiblePopulation() > 0);
        if (reported || !onlyReported && eligible) {
          byMeasure.put(measure.measureId, strata);
        }
      }
      results.put(clinicians.get(c), byMeasure);
    }
    return results;
  }

  private static long[] tally(Map<Integer, long[]> counts, int cell) {
    return counts.computeIfAbsent(cell, c -> new long[Marker.values().length + 1]);
  }

  /** Each clinician's and group's volume; a group's beneficiaries are its clinicians' without repeats. */
  List<ClaimsVolume> volumes() {
    LongIndex groupBeneficiaries = new LongIndex();
    long[] beneficiaries = Arrays.copyOf(beneficiaryCount, clinicians.size());
    clinicianBeneficiaries.forEach((key, number) -> {
      int group = groupOf[(int) (key >>> 32)];
      int before = groupBeneficiaries.size();
      groupBeneficiaries.indexOf((long) group << 32 | (key & 0xffff_ffffL));
      if (groupBeneficiaries.size() > before) {
        beneficiaries[group]++;
      }
    });
    List<ClaimsVolume> all = new ArrayList<>(clinicians.size());
    for (int c = 0; c < clinicians.size(); c++) {
      all.add(new ClaimsVolume(clinicians.get(c), BigDecimal.valueOf(allowedCents[c], 2), beneficiaries[c],
          services[c], amountsGiven[c]));
    }
    return all;
  }

  private static int[] append(int[] a, int[] b) {
    int[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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

  /** The state of one eligible instance (which fields are used depends on the measure class). */
  private static final class Instance {
    int best = Marker.NONE.ordinal();
    long weight;
    long latestDay = Long.MIN_VALUE;
    List<Episode> episodes;
  }

  /** An intersecting-diagnosis episode: the measure diagnoses its claims share, and its best marker. */
  private static final class Episode {
    final Set<String> diagnoses = new HashSet<>();
    int best = Marker.NONE.ordinal();
  }

  private record InstanceKey(int clinician, int rate, String beneficiary, long day) {
  }

  /** One rate of one measure: the unit counts are kept for. */
  private record Rate(ClaimsMeasure measure, ClaimsMeasure.Stratum stratum) {
  }

  private final int year;
  private final List<ClaimsMeasure> measures = new ArrayList<>();
  private final List<ClaimsOutcome.NotComputed> notComputed = new ArrayList<>();
  private final Map<ClaimsMeasure.Stratum, Integer> rateIndex = new HashMap<>();
  private final List<Rate> rates = new ArrayList<>();
  private final Map<String, int[]> measuresByProcedure = new HashMap<>();
  private final int[] alwaysCandidates;
  private final Set<String> qualityDataCodes = new HashSet<>();
  private final long maxInstances;

  private final Map<Clinician, Integer> clinicianIndex = new HashMap<>();
  private final List<Clinician> clinicians = new ArrayList<>();
  private final List<VolumeTally> volumes = new ArrayList<>();
  private final Map<String, String> beneficiaryPool = new HashMap<>();
  private final Map<InstanceKey, Instance> instances = new HashMap<>();
  private final boolean[] candidate;

  /** Running volume of one clinician. */
  private static final class VolumeTally {
    long allowedCents;
    long services;
    boolean amountsGiven;
    final Set<String> beneficiaries = new HashSet<>();
  }

  ClaimsEvaluation(CatalogYear catalog, long maxInstances) {
    this.year = catalog.year();
    this.maxInstances = maxInstances;
    List<Integer> always = new ArrayList<>();
    for (Measure measure : catalog.inCategory("quality")) {
      if (!(measure instanceof QualityMeasure quality) || quality.performanceOptions().isEmpty()
          || !quality.submissionMethods().contains("claims")) {
        continue;
      }
      quality.performanceOptions().stream().map(PerformanceOption::qualityCodes).flatMap(List::stream)
          .map(CodeWithModifiers::code).forEach(qualityDataCodes::add);
      ClaimsMeasure.Compiled compiled = ClaimsMeasure.compile(quality, year);
      if (compiled.measure() == null) {
        notComputed.add(new ClaimsOutcome.NotComputed(quality.measureId(), compiled.notComputedReason()));
        continue;
      }
      ClaimsMeasure claimsMeasure = compiled.measure();
      int index = measures.size();
      measures.add(claimsMeasure);
      for (ClaimsMeasure.Stratum stratum : claimsMeasure.strata) {
        rateIndex.put(stratum, rates.size());
        rates.add(new Rate(claimsMeasure, stratum));
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

  /** False when the instance limit is reached: the caller refuses the file rather than run out of memory. */
  boolean add(Claim claim) {
    String beneficiary = beneficiaryPool.computeIfAbsent(claim.beneficiaryId(), id -> id);
    int individual = clinician(new Clinician(claim.tin(), claim.npi()));
    int group = clinician(new Clinician(claim.tin(), null));
    volume(volumes.get(individual), claim, beneficiary);
    volume(volumes.get(group), claim, beneficiary);

    List<ClaimsMeasure> candidates = candidates(claim);
    if (candidates.isEmpty()) {
      return true;
    }
    double age = age(claim.birthDate(), claim.fromDate());
    long day = claim.fromDate().toEpochDay();
    for (ClaimsMeasure measure : candidates) {
      for (ClaimsMeasure.Stratum stratum : measure.strata) {
        if (!stratum.eligible(claim, age)) {
          continue;
        }
        Marker marker = stratum.marker(claim, measure.rank);
        int rate = rateIndex.get(stratum);
        fold(individual, rate, measure, stratum, beneficiary, day, claim, marker);
        fold(group, rate, measure, stratum, beneficiary, day, claim, marker);
      }
    }
    return instances.size() <= maxInstances;
  }

  private List<ClaimsMeasure> candidates(Claim claim) {
    List<ClaimsMeasure> found = new ArrayList<>(4);
    for (int index : alwaysCandidates) {
      mark(index, found);
    }
    for (ClaimLine line : claim.lines()) {
      int[] indexes = measuresByProcedure.get(line.hcpcs());
      if (indexes != null) {
        for (int index : indexes) {
          mark(index, found);
        }
      }
    }
    for (ClaimsMeasure measure : found) {
      candidate[measures.indexOf(measure)] = false;
    }
    return found;
  }

  private void mark(int index, List<ClaimsMeasure> found) {
    if (!candidate[index]) {
      candidate[index] = true;
      found.add(measures.get(index));
    }
  }

  private void fold(int clinician, int rate, ClaimsMeasure measure, ClaimsMeasure.Stratum stratum,
      String beneficiary, long day, Claim claim, Marker marker) {
    int[] rank = measure.rank;
    int m = marker.ordinal();
    switch (measure.kind) {
      case PATIENT_PROCESS -> better(instance(clinician, rate, beneficiary, 0), m, rank);
      case PROCEDURE -> better(instance(clinician, rate, beneficiary, day), m, rank);
      case VISIT -> {
        Instance visit = instance(clinician, rate, beneficiary, day);
        better(visit, m, rank);
        visit.weight += Math.max(1, stratum.matchingProcedureLines(claim));
      }
      case PATIENT_INTERMEDIATE -> {
        // judged by the most recent claim that carries a quality code; all claims of that day count
        Instance patient = instance(clinician, rate, beneficiary, 0);
        if (marker != Marker.NONE) {
          if (day > patient.latestDay) {
            patient.latestDay = day;
            patient.best = m;
          } else if (day == patient.latestDay) {
            better(patient, m, rank);
          }
        }
      }
      case INTERSECTING_DIAGNOSIS -> episode(instance(clinician, rate, beneficiary, 0), stratum, claim, m, rank);
      default -> throw new IllegalStateException("unhandled class " + measure.kind);
    }
  }

  /** Joins the claim to every episode sharing one of its measure diagnoses, merging them; or starts a new one. */
  private static void episode(Instance patient, ClaimsMeasure.Stratum stratum, Claim claim, int marker,
      int[] rank) {
    if (patient.episodes == null) {
      patient.episodes = new ArrayList<>(1);
    }
    Set<String> relevant = new HashSet<>();
    for (String dx : claim.diagnoses()) {
      if (stratum.diagnoses.contains(dx)) {
        relevant.add(dx);
      }
    }
    Episode joined = new Episode();
    joined.diagnoses.addAll(relevant);
    joined.best = marker;
    for (Iterator<Episode> it = patient.episodes.iterator(); it.hasNext(); ) {
      Episode episode = it.next();
      if (!relevant.isEmpty() && episode.diagnoses.stream().anyMatch(relevant::contains)) {
        joined.diagnoses.addAll(episode.diagnoses);
        if (rank[episode.best] < rank[joined.best]) {
          joined.best = episode.best;
        }
        it.remove();
      }
    }
    patient.episodes.add(joined);
  }

  private static void better(Instance instance, int marker, int[] rank) {
    if (rank[marker] < rank[instance.best]) {
      instance.best = marker;
    }
  }

  private Instance instance(int clinician, int rate, String beneficiary, long day) {
    return instances.computeIfAbsent(new InstanceKey(clinician, rate, beneficiary, day), key -> new Instance());
  }

  private int clinician(Clinician clinician) {
    Integer index = clinicianIndex.get(clinician);
    if (index == null) {
      index = clinicians.size();
      clinicianIndex.put(clinician, index);
      clinicians.add(clinician);
      volumes.add(new VolumeTally());
    }
    return index;
  }

  private void volume(VolumeTally volume, Claim claim, String beneficiary) {
    volume.beneficiaries.add(beneficiary);
    for (ClaimLine line : claim.lines()) {
      if (line.allowedCents() == ClaimLine.NO_AMOUNT) {
        continue;
      }
      volume.amountsGiven = true;
      volume.allowedCents += line.allowedCents();
      if (line.allowedCents() > 0 && !isQualityDataCode(line.hcpcs())) {
        volume.services += line.units();
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

  /** Every clinician and group with the counts of each measure it reported, in order of first appearance. */
  Map<Clinician, Map<String, List<MeasureCounts>>> results() {
    long[][] counts = new long[clinicians.size() * rates.size()][];
    for (Map.Entry<InstanceKey, Instance> entry : instances.entrySet()) {
      InstanceKey key = entry.getKey();
      Instance instance = entry.getValue();
      int cell = key.clinician() * rates.size() + key.rate();
      long[] tally = counts[cell];
      if (tally == null) {
        tally = counts[cell] = new long[Marker.values().length + 1];
      }
      if (instance.episodes != null) {
        for (Episode episode : instance.episodes) {
          tally[episode.best]++;
          tally[Marker.values().length]++;
        }
      } else {
        long weight = Math.max(1, instance.weight);
        tally[instance.best] += weight;
        tally[Marker.values().length] += weight;
      }
    }
    Map<Clinician, Map<String, List<MeasureCounts>>> results = new LinkedHashMap<>();
    for (int c = 0; c < clinicians.size(); c++) {
      Map<String, List<MeasureCounts>> byMeasure = new LinkedHashMap<>();
      for (ClaimsMeasure measure : measures) {
        List<MeasureCounts> strata = new ArrayList<>();
        boolean reported = false;
        for (ClaimsMeasure.Stratum stratum : measure.strata) {
          long[] tally = counts[c * rates.size() + rateIndex.get(stratum)];
          MeasureCounts rate = tally == null ? new MeasureCounts(stratum.name, 0, 0, 0, 0, 0)
              : new MeasureCounts(stratum.name, tally[Marker.PERFORMANCE_MET.ordinal()],
                  tally[Marker.PERFORMANCE_NOT_MET.ordinal()], tally[Marker.EXCLUSION.ordinal()],
                  tally[Marker.EXCEPTION.ordinal()], tally[Marker.values().length]);
          reported |= rate.reported();
          strata.add(rate);
        }
        if (reported) {
          byMeasure.put(measure.measureId, strata);
        }
      }
      results.put(clinicians.get(c), byMeasure);
    }
    return results;
  }

  List<ClaimsVolume> volumes() {
    List<ClaimsVolume> all = new ArrayList<>(clinicians.size());
    for (int c = 0; c < clinicians.size(); c++) {
      VolumeTally tally = volumes.get(c);
      all.add(new ClaimsVolume(clinicians.get(c), BigDecimal.valueOf(tally.allowedCents, 2),
          tally.beneficiaries.size(), tally.services, tally.amountsGiven));
    }
    return all;
  }

  private static int[] append(int[] a, int[] b) {
    int[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}

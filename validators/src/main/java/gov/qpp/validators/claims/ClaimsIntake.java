package gov.qpp.validators.claims;

import gov.qpp.validators.catalog.CatalogYear;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.model.Category;
import gov.qpp.validators.model.EntityType;
import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import gov.qpp.validators.model.MeasurementSet;
import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.problems.Problems;
import gov.qpp.validators.rules.Locator;
import gov.qpp.validators.rules.SubmissionValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a claims file (JSON Lines or CSV) as a stream, judges each claim, evaluates the performance year's claims
 * quality measures over the good ones, and builds one quality measurement set ({@code submissionMethod: claims})
 * per clinician (TIN+NPI) and per group (TIN) that reported at least one measure. Each set is validated by the
 * rules every submission passes. Runs on a worker thread; holds one claim at a time plus the instance states.
 *
 * <p>The rule for bad lines: a claim with any error is rejected whole and the others are used; the file is refused
 * (nothing stored) when it cannot be read as its format, when no claim is usable, when more than
 * {@link Limits#maxRejectedLinePercent} of its lines were rejected, or when it is past the size limits.
 */
public final class ClaimsIntake {

  /** The named limits of one upload. */
  public record Limits(int maxRejectedLinePercent, long maxClaims, long maxInstances, long maxBeneficiaries) {
    /**
     * 10 % rejected lines: beyond that the file is more likely wrong as a whole (a shifted column, another date
     * format) than in a few claims. Measured standalone at -Xmx512m (docs/benchmarks.md): 1 million claims of
     * distinct beneficiaries fit, 2 million did not; the gateway shares its heap, so one upload is held to 1 million
     * claims, 1 million beneficiaries and 4 million instance states (about 150 MB at most).
     */
    public static final Limits DEFAULT = new Limits(10, 1_000_000, 4_000_000, 1_000_000);

    public Limits(int maxRejectedLinePercent, long maxClaims, long maxInstances) {
      this(maxRejectedLinePercent, maxClaims, maxInstances, DEFAULT_BENEFICIARIES);
    }

    private static final long DEFAULT_BENEFICIARIES = 1_000_000;
  }

  private final MeasureCatalog catalog;
  private final Limits limits;

  public ClaimsIntake(MeasureCatalog catalog, Limits limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  /** Stops the readers when going on is pointless (unsupported year, past a limit). */
  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  /**
   * What {@link #evaluate} came to: the counts per clinician and group, which of the year's claims measures are
   * computed, and why the others are not.
   */
  public record Evaluated(Map<Clinician, Map<String, List<MeasureCounts>>> results, List<String> computed,
      List<ClaimsOutcome.NotComputed> notComputed) {
  }

  /**
   * Evaluates claims built by another intake (QRDA I encounters turned into claims) with the same logic, outside
   * any file: the counts per clinician and group of every measure with an eligible instance (reported or not),
   * for the claims of {@code year} only. Empty when the catalog has no such year.
   */
  public Evaluated evaluate(int year, Iterable<Claim> claims) {
    Optional<CatalogYear> catalogYear = catalog.year(year);
    if (catalogYear.isEmpty()) {
      return new Evaluated(Map.of(), List.of(), List.of());
    }
    ClaimsEvaluation evaluation = new ClaimsEvaluation(catalogYear.get(), limits.maxInstances());
    for (Claim claim : claims) {
      if (claim.fromDate().getYear() == year && evaluation.add(claim) != null) {
        break;
      }
    }
    return new Evaluated(evaluation.results(false), evaluation.computedMeasureIds(), evaluation.notComputed());
  }

  /**
   * @param requestedYear the performance year, or null to take the year of the first usable claim's date of service
   */
  public ClaimsOutcome intake(ClaimsFormat format, InputStream in, Integer requestedYear) throws IOException {
    ClaimsReport report = new ClaimsReport();
    Run run = new Run(report, requestedYear == null);
    if (requestedYear != null && !run.startYear(requestedYear, Location.of("year"))) {
      return run.outcome();
    }
    ClaimFieldNames names = format == ClaimsFormat.CSV ? ClaimFieldNames.CSV : ClaimFieldNames.JSON;
    ClaimHandler handler = (raw, readProblems, fileLines) -> run.claim(raw, readProblems, fileLines, names);
    try {
      if (format == ClaimsFormat.CSV) {
        new ClaimsCsv(report, handler).read(in);
      } else {
        new ClaimsJsonLines(report, handler).read(in);
      }
    } catch (StopReading stopped) {
      return run.outcome();
    }
    return run.finish();
  }

  /** The state of one file's intake. */
  private final class Run {
    final ClaimsReport report;
    final SeenClaims seen = new SeenClaims();
    final CodePool codes = new CodePool();
    final boolean yearInferred;
    ClaimsEvaluation evaluation;
    long yearFromLine;

    Run(ClaimsReport report, boolean yearInferred) {
      this.report = report;
      this.yearInferred = yearInferred;
    }

    boolean startYear(int year, Location where) {
      Optional<CatalogYear> catalogYear = catalog.year(year);
      if (catalogYear.isPresent()) {
        ClaimsEvaluation candidate = new ClaimsEvaluation(catalogYear.get(), limits.maxInstances(),
            limits.maxBeneficiaries());
        if (candidate.claimsMeasureCount() > 0) {
          evaluation = candidate;
          return true;
        }
      }
      report.fileProblem(ProblemCode.CLAIMS_YEAR_NOT_SUPPORTED, where, "the measure catalog has no claims measure"
          + " specifications (eligibilityOptions and performanceOptions) for " + year + "; the years with them are "
          + supportedYears());
      return false;
    }

    void claim(RawClaim raw, List<Problem> readProblems, long fileLines, ClaimFieldNames names) {
      Claim claim = ClaimChecks.check(raw, readProblems, names, report, codes);
      if (claim == null) {
        report.rejected(fileLines);
        return;
      }
      if (!seen.add(claim.tin(), claim.claimId())) {
        report.claimProblem(Problem.of(ProblemCode.CLAIM_DUPLICATE, Location.line(claim.firstLine(),
            names.claimField("claimId", 0)), "claim " + claim.claimId() + " of TIN " + claim.tin()
            + " was already read earlier in the file" + (names == ClaimFieldNames.CSV
            ? "; the rows of one claim must be adjacent" : "; send each claim once")));
        report.rejected(fileLines);
        return;
      }
      if (seen.size() > limits.maxClaims()) {
        tooLarge("more than " + limits.maxClaims() + " claims");
      }
      if (evaluation == null) {
        yearFromLine = claim.firstLine();
        if (!startYear(claim.fromDate().getYear(), Location.line(claim.firstLine()))) {
          throw new StopReading();
        }
      }
      if (claim.fromDate().getYear() != evaluation.year()) {
        report.claimProblem(Problem.of(ProblemCode.CLAIM_OUTSIDE_YEAR, Location.line(claim.firstLine(),
            names.claimField("fromDate", 0)), "the date of service " + claim.fromDate() + " is not in the"
            + " performance year " + evaluation.year() + "; the claim is skipped"));
        report.skipped(fileLines);
        return;
      }
      String limit = evaluation.add(claim);
      if (limit != null) {
        tooLarge(limit);
      }
      report.used(fileLines);
    }

    private void tooLarge(String what) {
      report.fileProblem(ProblemCode.CLAIMS_TOO_LARGE, "$", "the file has " + what + "; split it by TIN and send"
          + " the parts separately");
      throw new StopReading();
    }

    ClaimsOutcome finish() {
      ClaimsReport.Tally lines = report.lines();
      if (!report.fileRefused() && report.claims().used() == 0) {
        report.fileProblem(ProblemCode.CLAIMS_NONE_USABLE, "$", "none of the " + report.claims().read()
            + " claims read could be used (" + report.claims().rejected() + " rejected, " + report.claims().skipped()
            + " outside the performance year)");
      } else if (!report.fileRefused() && yearInferred && report.claims().skipped() > report.claims().used()) {
        // one stray claim at the top must not decide the year for all the others
        report.fileProblem(ProblemCode.CLAIMS_YEAR_UNCLEAR, Location.line(yearFromLine), "the performance year "
            + evaluation.year() + " was taken from the first usable claim, but " + report.claims().skipped()
            + " claims fall outside it and only " + report.claims().used() + " inside; send ?year= to say which"
            + " year the file reports");
      } else if (!report.fileRefused() && lines.rejected() * 100 > (long) limits.maxRejectedLinePercent()
          * lines.read()) {
        report.fileProblem(ProblemCode.CLAIMS_TOO_MANY_REJECTED, "$", lines.rejected() + " of " + lines.read()
            + " lines were rejected, more than the " + limits.maxRejectedLinePercent() + " % one file may have;"
            + " the problems above say why");
      }
      return outcome();
    }

    ClaimsOutcome outcome() {
      if (report.fileRefused() || evaluation == null) {
        return new ClaimsOutcome(evaluation == null ? null : evaluation.year(), report, List.of(), List.of(),
            evaluation == null ? List.of() : evaluation.computedMeasureIds(),
            evaluation == null ? List.of() : evaluation.notComputed(), 0);
      }
      CatalogYear catalogYear = catalog.year(evaluation.year()).orElseThrow();
      List<ClaimsOutcome.Derived> derived = new ArrayList<>();
      for (var entry : evaluation.results().entrySet()) {
        if (!entry.getValue().isEmpty()) {
          derived.add(derive(entry.getKey(), entry.getValue(), catalogYear));
        }
      }
      return new ClaimsOutcome(evaluation.year(), report, derived, evaluation.volumes(),
          evaluation.computedMeasureIds(), evaluation.notComputed(), evaluation.instanceCount());
    }

    private ClaimsOutcome.Derived derive(Clinician clinician, Map<String, List<MeasureCounts>> counts,
        CatalogYear catalogYear) {
      int year = catalogYear.year();
      List<Measurement> measurements = new ArrayList<>();
      counts.forEach((measureId, strata) -> measurements.add(new Measurement(measureId, value(strata))));
      MeasurementSet set = new MeasurementSet(Category.QUALITY, "claims", MeasurementSet.DEFAULT_PROGRAM,
          LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, measurements);
      Submission submission = new Submission(clinician.isGroup() ? EntityType.GROUP : EntityType.INDIVIDUAL,
          new Tin(clinician.tin()), clinician.isGroup() ? null : new Npi(clinician.npi()), null, year, List.of(set));
      Problems problems = new Problems();
      SubmissionValidator.validate(submission, catalogYear, locator(clinician, measurements), problems);
      return new ClaimsOutcome.Derived(clinician, submission, problems.list());
    }
  }

  private static MeasureValue value(List<MeasureCounts> strata) {
    List<MeasureValue.Rate> rates = strata.stream().map(counts -> new MeasureValue.Rate(counts.stratum(),
        counts.performanceMet(), counts.performanceNotMet(), counts.eligiblePopulation(), counts.exclusions(),
        counts.exceptions(), null)).toList();
    return rates.size() == 1 && rates.get(0).stratum() == null
        ? new MeasureValue.SinglePerformanceRate(false, rates.get(0), null)
        : new MeasureValue.MultiPerformanceRate(false, rates, null);
  }

  /** Locations in a computed set name the clinician and the measure, since there is no document to point into. */
  private static Locator locator(Clinician clinician, List<Measurement> measurements) {
    return new Locator() {
      @Override
      public Location set(int setIndex, String field) {
        return Location.of(field).in(clinician.toString());
      }

      @Override
      public Location measurement(int setIndex, int measurementIndex, String field) {
        return Location.of("measure " + measurements.get(measurementIndex).measureId() + " " + field)
            .in(clinician.toString());
      }
    };
  }

  private List<Integer> supportedYears() {
    List<Integer> years = new ArrayList<>();
    for (int year : catalog.years()) {
      CatalogYear catalogYear = catalog.year(year).orElseThrow();
      if (new ClaimsEvaluation(catalogYear, 0).claimsMeasureCount() > 0) {
        years.add(year);
      }
    }
    return years;
  }
}

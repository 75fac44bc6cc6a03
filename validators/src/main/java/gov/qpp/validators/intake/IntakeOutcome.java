package gov.qpp.validators.intake;

import gov.qpp.validators.claims.ClaimsOutcome;
import gov.qpp.validators.claims.ClaimsReport;
import gov.qpp.validators.claims.ClaimsVolume;
import gov.qpp.validators.eligibility.EligibilityFile;
import gov.qpp.validators.eligibility.EligibilityRow;
import gov.qpp.validators.fhir.FhirIntake;
import gov.qpp.validators.model.PartBVolume;
import gov.qpp.validators.model.Submission;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import gov.qpp.validators.qrda1.Qrda1Outcome;
import gov.qpp.validators.qrda1.Qrda1Results;
import gov.qpp.validators.rules.IntakeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What any format's intake made of one upload: accepted or not, every problem, and what it brings to store. One
 * document reads as one submission; a claims file, a QRDA I batch and an eligibility file bring batches of their
 * own. Nothing after the intake needs to know the format beyond which of these four it got.
 */
public sealed interface IntakeOutcome {

  Format format();

  /** Every problem, errors and warnings, capped per document. */
  List<Problem> problems();

  /** Whether the upload may be stored (some formats store it with warnings, or with some parts left out). */
  boolean accepted();

  /** Refused because it could not be read at all (HTTP 400), rather than read and found wrong (422). */
  boolean unreadable();

  /** When refused: what was refused and that nothing was stored, one sentence. */
  String refusal();

  /** One document that reads as one submission: registry JSON, QRDA III, FHIR (with what its reading found). */
  record Document(Format format, IntakeResult result, FhirIntake.Outcome fhir) implements IntakeOutcome {

    public Submission submission() {
      return result.submission();
    }

    public List<Problem> warnings() {
      return result.warnings();
    }

    @Override
    public List<Problem> problems() {
      return result.problems();
    }

    @Override
    public boolean accepted() {
      return result.accepted();
    }

    /**
     * XML that is not XML or carries a DOCTYPE; for FHIR also JSON that is not JSON or past a limit, as FHIR servers
     * answer. Registry JSON keeps the QPP API's 422 for its JSON problems.
     */
    @Override
    public boolean unreadable() {
      return result.submission() == null && result.problems().stream().anyMatch(problem -> {
        ProblemCode code = problem.code();
        return code.name().startsWith("XML_") || format == Format.FHIR && (code == ProblemCode.FHIR_UNREADABLE
            || code == ProblemCode.JSON_SYNTAX || code == ProblemCode.JSON_LIMIT_EXCEEDED
            || code == ProblemCode.JSON_DUPLICATE_KEY);
      });
    }

    @Override
    public String refusal() {
      long errors = result.problems().stream().filter(Problem::isError).count();
      String summary = errors + " error" + (errors == 1 ? "" : "s") + " found; nothing was stored";
      return unreadable() ? "the document cannot be read: " + summary : "invalid submission: " + summary;
    }
  }

  /** A claims file: one measurement set per clinician and group that reported a measure, and everyone's volume. */
  record Claims(Format format, ClaimsOutcome claims) implements IntakeOutcome {

    @Override
    public List<Problem> problems() {
      return claims.report().problems();
    }

    @Override
    public boolean accepted() {
      return claims.accepted();
    }

    @Override
    public boolean unreadable() {
      return false;
    }

    @Override
    public String refusal() {
      ClaimsReport report = claims.report();
      return "the claims file was refused: " + report.lines().read() + " lines read, " + report.lines().rejected()
          + " rejected; nothing was stored";
    }

    /** Every clinician's and group's Part B volume in the file (allowed charges null when no line had an amount). */
    public List<PartBVolume> volumes() {
      List<PartBVolume> volumes = new ArrayList<>(claims.volumes().size());
      for (ClaimsVolume volume : claims.volumes()) {
        volumes.add(new PartBVolume(volume.clinician().tin(), volume.clinician().npi(), claims.performanceYear(),
            volume.amountsGiven() ? volume.allowedCharges() : null, volume.beneficiaries(),
            volume.coveredServices()));
      }
      return volumes;
    }
  }

  /** QRDA I documents, one per patient: their patients' data and the results the claims logic computes from it. */
  record Qrda1(Format format, Qrda1Outcome documents, Qrda1Results.Results results) implements IntakeOutcome {

    @Override
    public List<Problem> problems() {
      return documents.problems();
    }

    @Override
    public boolean accepted() {
      return !documents.refused();
    }

    /** One document that cannot be read as XML at all. */
    @Override
    public boolean unreadable() {
      return documents.documentsRead() == 1 && documents.problems().stream()
          .allMatch(problem -> !problem.isError() || problem.code().name().startsWith("XML_"));
    }

    @Override
    public String refusal() {
      return "the QRDA I " + (documents.documentsRead() == 1 ? "document" : "batch") + " was refused: "
          + documents.documentsRejected() + " of " + documents.documentsRead() + " documents rejected; nothing was"
          + " stored";
    }
  }

  /** CMS's eligibility data: stored all or nothing. */
  record Eligibility(EligibilityFile.Result file) implements IntakeOutcome {

    @Override
    public Format format() {
      return Format.ELIGIBILITY;
    }

    @Override
    public List<Problem> problems() {
      return file.problems();
    }

    @Override
    public boolean accepted() {
      return file.accepted();
    }

    @Override
    public boolean unreadable() {
      return false;
    }

    @Override
    public String refusal() {
      return "the eligibility file was refused; nothing was stored";
    }

    /** The Part B volumes the rows give. */
    public List<PartBVolume> volumes() {
      List<PartBVolume> volumes = new ArrayList<>();
      for (EligibilityRow row : file.rows()) {
        if (row.lowVolume() != null) {
          volumes.add(new PartBVolume(row.tin(), row.npi(), row.performanceYear(), row.lowVolume().allowedCharges(),
              row.lowVolume().beneficiaries(), row.lowVolume().coveredServices()));
        }
      }
      return volumes;
    }
  }
}

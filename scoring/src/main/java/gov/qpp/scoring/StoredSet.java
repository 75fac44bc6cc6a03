package gov.qpp.scoring;

import gov.qpp.validators.model.MeasurementSet;
import java.time.Instant;
import java.util.UUID;

/** A measurement set as stored: from which submission, sent by whom, when. */
public record StoredSet(UUID submissionId, String submitter, Instant receivedAt, MeasurementSet set) {

  /** A submitter's later set with the same key replaces the earlier one (a resubmission). */
  String replacementKey() {
    return submitter + "\u0000" + set.uniqueKey();
  }
}

package gov.qpp.validators.intake;

import gov.qpp.validators.fhir.FhirEncoding;
import gov.qpp.validators.qrda1.Qrda1Intake;
import java.util.List;
import java.util.Optional;

/**
 * The formats one endpoint takes, and the one place an upload's format is told: by its Content-Type before the
 * body is read (refused with 415 when the endpoint takes no such type; spooled or held in memory by the format),
 * then, where two formats share a media type (QRDA I and III are both XML), by the head of the body.
 *
 * @param formats the formats, in the order a shared media type prefers them
 * @param fhirEndpoint a FHIR endpoint reads every body as FHIR, in whichever encoding its Content-Type names
 *     (application/json and application/xml too, as FHIR servers do)
 * @param names the media types as a refusal lists them
 */
public record Accepts(List<Format> formats, boolean fhirEndpoint, String names) {

  /** {@code /api/submissions} and its {@code /validate}: every submission format. */
  public static final Accepts SUBMISSIONS = new Accepts(List.of(Format.REGISTRY_JSON, Format.QRDA3, Format.QRDA1,
      Format.FHIR, Format.CLAIMS_JSONL, Format.CLAIMS_CSV, Format.QRDA1_ZIP), false,
      "one of application/json, application/vnd.qpp.cms.gov.v1+json, application/xml, text/xml,"
          + " application/fhir+json, application/fhir+xml, application/x-ndjson (claims), text/csv (claims),"
          + " application/zip (QRDA I documents)");
  /** The FHIR endpoints. */
  public static final Accepts FHIR = new Accepts(List.of(Format.FHIR), true,
      "application/fhir+json or application/fhir+xml");
  /** {@code /api/eligibility}. */
  public static final Accepts ELIGIBILITY = new Accepts(List.of(Format.ELIGIBILITY), false,
      "application/x-ndjson (the eligibility file: one JSON object per line)");
  /** {@code /api/convert}: a QRDA III document (sent as a multipart file, so its own Content-Type is not read). */
  public static final Accepts QRDA3 = new Accepts(List.of(Format.QRDA3), false, "application/xml");

  /** Bytes of the body's head read to tell QRDA I from QRDA III (the root's first children hold the templateIds). */
  public static final int HEAD_BYTES = 8192;

  public Accepts {
    formats = List.copyOf(formats);
  }

  /**
   * Before the body is read: the format the Content-Type declares (for XML, QRDA III until the body says QRDA I;
   * both are held in memory), or empty when this endpoint takes no such media type.
   */
  public Optional<Format> declared(String contentType) {
    String mediaType = Format.mediaType(contentType);
    if (mediaType == null) {
      return Optional.empty();
    }
    if (fhirEndpoint) {
      return FhirEncoding.forMediaType(mediaType).map(encoding -> Format.FHIR);
    }
    return formats.stream().filter(format -> format.mediaTypes().contains(mediaType)).findFirst();
  }

  /**
   * Once the body is here: its format, told by its templateId where the media type is shared.
   *
   * @param head the body's first {@link #HEAD_BYTES} bytes (or all of it when shorter)
   */
  public Optional<Format> detect(String contentType, byte[] head) {
    return declared(contentType).map(declared -> declared == Format.QRDA3 && formats.contains(Format.QRDA1)
        && Qrda1Intake.isQrda1(head) ? Format.QRDA1 : declared);
  }
}

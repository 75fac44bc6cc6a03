package gov.qpp.gateway.api;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * What {@code GET /fhir/metadata} says, and only what the gateway does: create MeasureReports (no read or search:
 * accepted data is read through /api/submissions), transactions and batches of them, $validate, and DEQM's
 * $submit-data. JSON and XML.
 */
public final class Capabilities {

  static final String SUBMIT_DATA = "http://hl7.org/fhir/OperationDefinition/Measure-submit-data";
  static final String VALIDATE = "http://hl7.org/fhir/OperationDefinition/Resource-validate";

  private Capabilities() {
  }

  public static CapabilityStatement statement(String version) {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setStatus(PublicationStatus.ACTIVE).setDate(new Date()).setKind(CapabilityStatementKind.INSTANCE)
        .setFhirVersion(FHIRVersion._4_0_1).setPublisher("QPP submission gateway")
        .setDescription("Takes MIPS quality results as Da Vinci DEQM individual and summary MeasureReports, validates"
            + " them against base R4 and the performance year's measure catalog, and stores and scores them with"
            + " the gateway's other formats. QI-Core and DEQM profiles are not loaded: references to them are"
            + " reported as warnings.");
    statement.addFormat("application/fhir+json").addFormat("application/fhir+xml");
    statement.getSoftware().setName("qpp-gateway").setVersion(version);
    statement.getImplementation().setDescription("QPP submission gateway FHIR endpoint");
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
        .setMode(RestfulCapabilityMode.SERVER);
    rest.getSecurity().setDescription("Bearer token (Authorization: Bearer ...) on every endpoint but metadata");
    rest.addInteraction().setCode(SystemRestfulInteraction.TRANSACTION)
        .setDocumentation("A transaction Bundle of MeasureReports with the Organization, Practitioner and"
            + " PractitionerRole they name; stored whole or not at all");
    rest.addInteraction().setCode(SystemRestfulInteraction.BATCH)
        .setDocumentation("Read like a transaction: the reports of one submission are stored together");
    var measureReport = rest.addResource().setType("MeasureReport");
    measureReport.addInteraction().setCode(TypeRestfulInteraction.CREATE)
        .setDocumentation("An individual or summary MeasureReport, with the reporter given by identifier or contained");
    measureReport.addOperation().setName("validate").setDefinition(VALIDATE);
    var measure = rest.addResource().setType("Measure");
    measure.addOperation().setName("submit-data").setDefinition(SUBMIT_DATA);
    return statement;
  }
}

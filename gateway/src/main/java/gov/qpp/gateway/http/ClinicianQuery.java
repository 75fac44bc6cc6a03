package gov.qpp.gateway.http;

import gov.qpp.validators.model.Npi;
import gov.qpp.validators.model.Tin;
import gov.qpp.validators.problems.Excerpt;
import gov.qpp.validators.problems.ProblemCode;
import io.vertx.ext.web.RoutingContext;

/**
 * The clinician and year a read asks about: {@code tin}, optional {@code npi} (none: the TIN's group), {@code year},
 * from the query or the path. One reading for every endpoint, so they refuse the same things the same way.
 */
public record ClinicianQuery(String tin, String npi, int year) {

  public static ClinicianQuery of(RoutingContext ctx) {
    String tin = param(ctx, "tin");
    String npi = param(ctx, "npi");
    String year = ctx.request().getParam("year");
    if (!Tin.isWellFormed(tin)) {
      throw invalid("tin", "tin is required: 9 digits");
    }
    if (npi != null && !Npi.isWellFormed(npi)) {
      throw invalid("npi", "npi must be 10 digits");
    }
    if (year == null || !year.matches("20\\d\\d")) {
      throw invalid("year", "year is required: a performance year such as 2025"
          + (year == null ? "" : ", not '" + Excerpt.of(year) + "'"));
    }
    return new ClinicianQuery(tin, npi, Integer.parseInt(year));
  }

  /** For answers: "TIN 000123456 NPI 1234567893" or "TIN 000123456 (group)". */
  public String describe() {
    return "TIN " + tin + (npi == null ? " (group)" : " NPI " + npi) + " in " + year;
  }

  private static String param(RoutingContext ctx, String name) {
    String fromPath = ctx.pathParam(name);
    return fromPath != null ? fromPath : ctx.queryParams().get(name);
  }

  private static ApiException invalid(String parameter, String message) {
    return ApiException.of(400, "BadRequest", ProblemCode.INVALID_PARAMETER, parameter, message);
  }
}

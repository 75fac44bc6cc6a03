package gov.qpp.validators.fhir;

/** One warmed validator per test JVM: building and warming it costs seconds. */
final class SharedValidator {

  private static BaseR4Validator validator;

  private SharedValidator() {
  }

  static synchronized BaseR4Validator get() {
    if (validator == null) {
      validator = new BaseR4Validator();
      validator.validate(WarmUp.BUNDLE);
    }
    return validator;
  }
}

package gov.qpp.conformance;

/** Something that validates a case's document: the validator in this JVM, or a running gateway. */
public interface Target {

  /**
   * Validates the case's document.
   *
   * @throws TargetException when no usable answer came back; its message is reported as the case's failure
   */
  Observation validate(ConformanceCase testCase) throws TargetException;

  /** One line naming the target for the run's header and reports. */
  String describe();
}

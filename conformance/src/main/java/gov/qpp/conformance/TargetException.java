package gov.qpp.conformance;

/** The target gave no usable answer for a case. The message is shown to testers as is, so it must explain. */
public final class TargetException extends Exception {

  private static final long serialVersionUID = 1L;

  public TargetException(String message) {
    super(message);
  }
}

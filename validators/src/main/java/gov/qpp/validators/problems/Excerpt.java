package gov.qpp.validators.problems;

/** How much of a submitter's value a problem message may quote: enough to recognise it, never a document. */
public final class Excerpt {

  public static final int MAX_QUOTED_CHARACTERS = 40;

  private Excerpt() {
  }

  public static String of(String text) {
    return text.length() > MAX_QUOTED_CHARACTERS ? text.substring(0, MAX_QUOTED_CHARACTERS) + "…" : text;
  }
}

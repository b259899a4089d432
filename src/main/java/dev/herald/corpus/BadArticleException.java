package dev.herald.corpus;

/** Thrown while converting one record into an {@link Article} when a field is missing or invalid. */
public class BadArticleException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong. */
  public BadArticleException(String message) {
    super(message);
  }
}

package dev.herald.index;

/** Thrown when an index's passage vectors do not fit the configured model or mode; the message says what to do. */
public final class ReembedNeededException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the fix. */
  public ReembedNeededException(String message) {
    super(message);
  }
}

package dev.herald.index;

import java.io.IOException;

/**
 * Thrown when part of the index could not be reached and the result would silently be smaller than
 * the truth (a digest, a list of quotes, statistics); answers that can say so are flagged instead.
 */
public final class PartialResultsException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what was unreachable and what to do. */
  public PartialResultsException(String message) {
    super(message);
  }
}

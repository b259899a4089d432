package dev.herald.cli;

/** Bad usage or bad input from the user: reported as one line, exit status 2. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what was wrong and what to do. */
  public UsageException(String message) {
    super(message);
  }
}

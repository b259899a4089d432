package dev.herald.store;

/** A state database operation failed; the message says which. */
public final class StoreException extends RuntimeException {

  /** Creates the exception with its SQL cause. */
  public StoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}

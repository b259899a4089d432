package dev.herald.config;

/** A configuration file or setting that cannot be used; the message says which and why. */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the file and the problem. */
  public ConfigException(String message) {
    super(message);
  }
}

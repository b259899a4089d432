package dev.herald.bot.telegram;

/** The Bot API refused the bot token (getMe answered 401 or 404). */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message never contains the token. */
  public TokenRejectedException(String message) {
    super(message);
  }
}

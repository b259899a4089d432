package dev.herald.bot.telegram;

import java.util.function.UnaryOperator;

/** Removes the bot token from text bound for logs: request urls carry it, and it must never be logged. */
final class TokenMask implements UnaryOperator<String> {

  private final String token;

  TokenMask(String token) {
    this.token = token;
  }

  @Override
  public String apply(String text) {
    return text == null || token.isEmpty() ? text : text.replace(token, "<token>");
  }
}

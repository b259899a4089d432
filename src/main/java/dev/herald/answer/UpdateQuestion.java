package dev.herald.answer;

import java.time.Instant;

/**
 * A question asking for updates on a topic or its timeline.
 *
 * @param kind updates (newest first, in a window) or timeline (everything, oldest first)
 * @param topic what it is about, without question and time words
 * @param since the window's start the question names ("since Monday"), or {@code null}
 */
public record UpdateQuestion(Kind kind, String topic, Instant since) {

  /** The two shapes of question. */
  public enum Kind { UPDATES, TIMELINE }
}

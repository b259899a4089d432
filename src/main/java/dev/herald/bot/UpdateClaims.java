package dev.herald.bot;

import java.util.List;
import java.util.function.Supplier;

/**
 * Decides which incoming Telegram updates this process answers, so that each is answered once:
 * {@link UpdateLedger} for a single process (a file of recently handled ids), {@link SharedUpdateClaims}
 * for several instances on one state database (a unique claim per bot and update id).
 */
public interface UpdateClaims {

  /**
   * Claims an update for handling; false when it was handled or claimed already. {@code payload} (the
   * update as JSON) is asked for only by implementations that let another process finish the work.
   */
  boolean begin(long updateId, Long chatId, Supplier<String> payload);

  /** Records that an update was handled. */
  void done(long updateId);

  /** Updates claimed by processes that died before handling them, now claimed by this one, as JSON; none by default. */
  default List<String> takeOrphans() {
    return List.of();
  }

  /** Whether other processes take updates of the same bot (so that, e.g., one leaving must not remove the webhook). */
  default boolean shared() {
    return false;
  }
}

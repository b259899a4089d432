package dev.herald.bot;

import java.time.Duration;
import java.util.Set;

/**
 * The {@code telegram:} settings of the bot.
 *
 * @param apiUrl Bot API base url, e.g. {@code https://api.telegram.org}
 * @param allowedUsers user ids that may use the bot; empty (with {@code allowedChats}) for everyone
 * @param allowedChats chat ids in which the bot answers; empty (with {@code allowedUsers}) for all
 * @param admins user ids that are always allowed and never rate limited
 * @param questionsPerMinute per-user token bucket: refill rate and burst size
 * @param followUpExpiry how long a chat's previous question serves as context for a follow-up
 * @param sendsPerSecond outgoing messages per second over all chats
 * @param sendIntervalPerChat minimum spacing of outgoing messages within one chat
 * @param sendsPerMinutePerGroup outgoing messages per minute within one group
 * @param workers threads handling updates
 * @param pollTimeoutSeconds long-polling timeout of {@code getUpdates}
 */
public record TelegramSettings(
    String apiUrl,
    Set<Long> allowedUsers,
    Set<Long> allowedChats,
    Set<Long> admins,
    int questionsPerMinute,
    Duration followUpExpiry,
    int sendsPerSecond,
    Duration sendIntervalPerChat,
    int sendsPerMinutePerGroup,
    int workers,
    int pollTimeoutSeconds) {

  /** The public Bot API. */
  public static final String PUBLIC_API = "https://api.telegram.org";

  /** Copies the id sets so the settings stay immutable. */
  public TelegramSettings {
    allowedUsers = Set.copyOf(allowedUsers);
    allowedChats = Set.copyOf(allowedChats);
    admins = Set.copyOf(admins);
  }

  /** Telegram's documented limits, everyone allowed, ten questions a minute. */
  public static TelegramSettings defaults() {
    return new TelegramSettings(
        PUBLIC_API, Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10), 30, Duration.ofSeconds(1), 20, 8, 50);
  }
}

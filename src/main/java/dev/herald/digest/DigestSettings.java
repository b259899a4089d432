package dev.herald.digest;

import java.time.Duration;

/**
 * The {@code digest:} settings: updates, timelines, digests and how long chat state is kept.
 *
 * @param staleAfter an update whose newest article is older than this says so up front
 * @param maxItems most developments in one update, timeline or digest
 * @param defaultWindow how far back an update looks when the chat never asked about the topic
 * @param sendEmpty whether a digest with nothing new is sent as "nothing new" (else skipped)
 * @param maxSubscriptions most subscriptions one chat may hold
 * @param topicMemory how long the time a chat last asked about a topic is kept
 * @param deliveryLog how long finished rows of the delivery log are kept
 * @param maxAttempts send attempts of one digest before it is given up
 * @param tick how often the scheduler looks for due digests
 */
public record DigestSettings(
    Duration staleAfter,
    int maxItems,
    Duration defaultWindow,
    boolean sendEmpty,
    int maxSubscriptions,
    Duration topicMemory,
    Duration deliveryLog,
    int maxAttempts,
    Duration tick) {

  /** Two days to stale, eight items, a 24-hour default window, empty digests skipped. */
  public static DigestSettings defaults() {
    return new DigestSettings(Duration.ofHours(48), 8, Duration.ofHours(24), false, 20, Duration.ofDays(30),
        Duration.ofDays(30), 5, Duration.ofSeconds(30));
  }

  /** Returns a copy that sends (or skips) empty digests. */
  public DigestSettings withSendEmpty(boolean send) {
    return new DigestSettings(staleAfter, maxItems, defaultWindow, send, maxSubscriptions, topicMemory, deliveryLog, maxAttempts, tick);
  }
}

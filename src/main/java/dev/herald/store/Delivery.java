package dev.herald.store;

import java.time.Instant;

/**
 * The delivery log's row for one due digest, keyed by subscription and due time.
 *
 * @param subscriptionId the subscription
 * @param due the due time the digest was for
 * @param state {@code claimed} (being sent, or the sender died), {@code sent}, {@code skipped} or {@code failed}
 * @param asOf the as-of moment fixed at the first claim, so a re-send after a crash covers the same window
 * @param attempts how many times it was claimed
 */
public record Delivery(long subscriptionId, Instant due, String state, Instant asOf, int attempts) {

  /** Whether this digest is finished (sent, skipped or given up) and must not be sent again. */
  public boolean finished() {
    return !state.equals(ChatStore.CLAIMED);
  }
}

package dev.herald.store;

import java.time.Instant;

/**
 * One chat's standing order for digests on a topic.
 *
 * @param id the subscription's key
 * @param chatId the chat the digests go to
 * @param group whether that chat is a group (stricter send limits)
 * @param topic the topic as the user wrote it
 * @param schedule the schedule in its canonical form, e.g. {@code daily 08:00}
 * @param coveredUntil the as-of moment of the previous digest: the next one holds only news after it
 * @param nextDue when the next digest is due
 * @param created when the chat subscribed
 */
public record Subscription(
    long id, long chatId, boolean group, String topic, String schedule, Instant coveredUntil, Instant nextDue, Instant created) {}

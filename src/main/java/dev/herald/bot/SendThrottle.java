package dev.herald.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spaces outgoing messages to stay within Telegram's limits: so many a second overall, one per interval
 * in a chat, and so many a minute in a group. Each send reserves the earliest slot that respects all
 * three; the sender waits for it. Nothing is ever dropped: a burst only waits longer.
 */
public final class SendThrottle {

  private static final long MINUTE = 60_000_000_000L;
  private static final int MAX_CHATS = 10_000;

  private final long globalInterval;
  private final long chatInterval;
  private final int perGroupMinute;
  private long nextGlobal;
  private final Map<Long, Long> nextInChat = lru();
  private final Map<Long, Deque<Long>> groupSends = lru();

  /** Creates a throttle; intervals and slots are in {@link System#nanoTime()} nanoseconds. */
  public SendThrottle(int perSecond, java.time.Duration perChat, int perGroupMinute) {
    this.globalInterval = 1_000_000_000L / Math.max(1, perSecond);
    this.chatInterval = perChat.toNanos();
    this.perGroupMinute = Math.max(1, perGroupMinute);
  }

  /** Reserves the next slot for a message to {@code chat} at or after {@code now}; returns the slot. */
  public synchronized long reserve(long chat, boolean group, long now) {
    long slot = Math.max(now, Math.max(nextGlobal, nextInChat.getOrDefault(chat, Long.MIN_VALUE)));
    Deque<Long> recent = null;
    if (group) {
      recent = groupSends.computeIfAbsent(chat, c -> new ArrayDeque<>());
      while (!recent.isEmpty() && recent.peekFirst() <= slot - MINUTE) {
        recent.pollFirst();
      }
      if (recent.size() >= perGroupMinute) {
        // The oldest of the last perGroupMinute sends must be a minute old.
        slot = Math.max(slot, recent.peekFirst() + MINUTE);
        recent.pollFirst();
      }
      recent.addLast(slot);
    }
    nextGlobal = slot + globalInterval;
    nextInChat.put(chat, slot + chatInterval);
    return slot;
  }

  private static <V> Map<Long, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
        return size() > MAX_CHATS;
      }
    };
  }
}

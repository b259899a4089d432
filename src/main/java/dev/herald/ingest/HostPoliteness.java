package dev.herald.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Spaces requests to the same host at least a fixed delay apart, across all fetch threads. */
final class HostPoliteness {

  private final long delayMillis;
  private final Map<String, Long> nextSlot = new HashMap<>();

  HostPoliteness(Duration delay) {
    this.delayMillis = delay.toMillis();
  }

  /** Blocks until this thread may send the next request to {@code host}. */
  void await(String host) throws InterruptedException {
    if (delayMillis <= 0) {
      return;
    }
    long slot;
    synchronized (nextSlot) {
      long now = System.currentTimeMillis();
      slot = Math.max(now, nextSlot.getOrDefault(host, now));
      nextSlot.put(host, slot + delayMillis);
    }
    long wait = slot - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}

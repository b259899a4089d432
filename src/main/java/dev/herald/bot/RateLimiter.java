package dev.herald.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per user: {@code perMinute} questions may come at once, and the bucket refills at
 * {@code perMinute} a minute. Buckets of users not seen for a while are forgotten (bounded memory).
 */
public final class RateLimiter {

  private static final int MAX_USERS = 100_000;

  private final double capacity;
  private final double perNano;
  private final Clock clock;
  private final Map<Long, double[]> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, double[]> eldest) {
          return size() > MAX_USERS;
        }
      };

  /** Creates a limiter allowing {@code perMinute} questions a minute per user. */
  public RateLimiter(int perMinute, Clock clock) {
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
    this.clock = clock;
  }

  /** Takes a token for {@code user}; returns zero when allowed, else how long until the next token. */
  public synchronized Duration acquire(long user) {
    double now = nanos();
    // bucket: [tokens, last refill time in nanos]
    double[] b = buckets.computeIfAbsent(user, u -> new double[] {capacity, now});
    b[0] = Math.min(capacity, b[0] + (now - b[1]) * perNano);
    b[1] = now;
    if (b[0] >= 1) {
      b[0] -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - b[0]) / perNano));
  }

  private double nanos() {
    var t = clock.instant();
    return t.getEpochSecond() * 1e9 + t.getNano();
  }
}

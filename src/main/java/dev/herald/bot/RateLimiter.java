package dev.herald.bot;

import dev.herald.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per user: {@code perMinute} questions may come at once, and the bucket refills at
 * {@code perMinute} a minute. Buckets of users not seen for a while are forgotten (bounded memory). With
 * a state store, buckets are also kept there, so a restart does not hand out a fresh allowance.
 */
public final class RateLimiter {

  private static final int MAX_USERS = 100_000;

  private final double capacity;
  private final double perNano;
  private final Clock clock;
  private final ChatStore store;
  private final Map<Long, double[]> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, double[]> eldest) {
          return size() > MAX_USERS;
        }
      };

  /** Creates a limiter allowing {@code perMinute} questions a minute per user, kept in this process. */
  public RateLimiter(int perMinute, Clock clock) {
    this(perMinute, clock, null);
  }

  /** Creates a limiter whose buckets are also kept in {@code store} ({@code null}: this process only). */
  public RateLimiter(int perMinute, Clock clock, ChatStore store) {
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
    this.clock = clock;
    this.store = store;
  }

  /** Takes a token for {@code user}; returns zero when allowed, else how long until the next token. */
  public synchronized Duration acquire(long user) {
    return acquire(user, user);
  }

  /** Takes a token for {@code user} asking in {@code chat}; returns zero when allowed, else how long to wait. */
  public synchronized Duration acquire(long user, long chat) {
    double now = nanos();
    // bucket: [tokens, last refill time in nanos]
    double[] b = buckets.computeIfAbsent(user, u -> stored(u).orElse(new double[] {capacity, now}));
    b[0] = Math.min(capacity, b[0] + (now - b[1]) * perNano);
    b[1] = now;
    Duration wait;
    if (b[0] >= 1) {
      b[0] -= 1;
      wait = Duration.ZERO;
    } else {
      wait = Duration.ofNanos((long) Math.ceil((1 - b[0]) / perNano));
    }
    if (store != null) {
      store.saveBucket(user, chat, new ChatStore.Bucket(b[0], clock.instant()));
    }
    return wait;
  }

  private java.util.Optional<double[]> stored(long user) {
    if (store == null) {
      return java.util.Optional.empty();
    }
    return store.bucket(user).map(x -> new double[] {x.tokens(), x.at().getEpochSecond() * 1e9 + x.at().getNano()});
  }

  private double nanos() {
    var t = clock.instant();
    return t.getEpochSecond() * 1e9 + t.getNano();
  }
}

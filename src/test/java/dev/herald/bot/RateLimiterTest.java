package dev.herald.bot;

import dev.herald.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-16T10:00:00Z"));

  @Test
  void should_allow_burst_then_say_when_next_token_comes() {
    RateLimiter limiter = new RateLimiter(10, clock);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire(1)).isZero();
    }

    Duration wait = limiter.acquire(1);

    assertThat(wait).isBetween(Duration.ofMillis(5900), Duration.ofMillis(6000));
    assertThat(limiter.acquire(2)).as("other users have their own bucket").isZero();
  }

  @Test
  void should_refill_over_time() {
    RateLimiter limiter = new RateLimiter(2, clock);
    limiter.acquire(1);
    limiter.acquire(1);
    assertThat(limiter.acquire(1)).isPositive();

    clock.advance(Duration.ofSeconds(30));

    assertThat(limiter.acquire(1)).isZero();
    assertThat(limiter.acquire(1)).isPositive();
  }

  @Test
  void should_keep_a_spent_allowance_across_a_restart_until_it_refills(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    dev.herald.MutableClock clock = new dev.herald.MutableClock(java.time.Instant.parse("2025-10-16T12:00:00Z"));
    java.nio.file.Path file = dir.resolve("herald.db");
    try (dev.herald.store.StateDb db = dev.herald.store.StateDb.open(file)) {
      RateLimiter limiter = new RateLimiter(2, clock, new dev.herald.store.ChatStore(db));
      limiter.acquire(7, 7);
      limiter.acquire(7, 7);
    }
    try (dev.herald.store.StateDb db = dev.herald.store.StateDb.open(file)) {
      dev.herald.store.ChatStore store = new dev.herald.store.ChatStore(db);
      RateLimiter restarted = new RateLimiter(2, clock, store);

      org.assertj.core.api.Assertions.assertThat(restarted.acquire(7, 7)).isPositive();
      clock.advance(java.time.Duration.ofSeconds(30));
      org.assertj.core.api.Assertions.assertThat(restarted.acquire(7, 7)).isZero();

      store.forget(7);
      org.assertj.core.api.Assertions.assertThat(store.bucket(7)).isEmpty();
    }
  }
}

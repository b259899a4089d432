package dev.herald.llm;

import dev.herald.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  final MutableClock clock = new MutableClock(Instant.parse("2025-10-16T12:00:00Z"));
  final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), clock);

  @Test
  void should_open_after_consecutive_failures_only() {
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void should_let_one_trial_through_after_the_pause_and_close_on_success() {
    for (int i = 0; i < 3; i++) {
      breaker.recordFailure();
    }
    clock.advance(Duration.ofSeconds(59));
    assertThat(breaker.tryAcquire()).isFalse();

    clock.advance(Duration.ofSeconds(1));

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void should_reopen_at_once_when_the_trial_fails() {
    for (int i = 0; i < 3; i++) {
      breaker.recordFailure();
    }
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
  }
}

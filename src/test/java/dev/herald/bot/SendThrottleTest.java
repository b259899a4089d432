package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendThrottleTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void should_space_messages_in_one_chat_by_a_second() {
    SendThrottle t = new SendThrottle(30, Duration.ofSeconds(1), 20);

    long first = t.reserve(1, false, 0);
    long second = t.reserve(1, false, 0);

    assertThat(first).isZero();
    assertThat(second).isEqualTo(SECOND);
  }

  @Test
  void should_keep_overall_rate_at_thirty_a_second() {
    SendThrottle t = new SendThrottle(30, Duration.ofSeconds(1), 20);
    long last = 0;
    for (int chat = 0; chat < 31; chat++) {
      last = t.reserve(chat, false, 0);
    }
    assertThat(last).isGreaterThanOrEqualTo(SECOND - SECOND / 30);
  }

  @Test
  void should_allow_twenty_a_minute_in_a_group_and_queue_the_rest() {
    SendThrottle t = new SendThrottle(1000, Duration.ZERO, 20);
    long last = 0;
    for (int i = 0; i < 21; i++) {
      last = t.reserve(-5, true, 0);
    }
    assertThat(last).isGreaterThanOrEqualTo(60 * SECOND);
  }
}

package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChatMemoryTest {

  private final Instant t0 = Instant.parse("2025-10-16T10:00:00Z");

  @Test
  void should_give_back_the_chat_s_previous_question() {
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC));

    memory.remember(1, "Where will Trump and Putin meet?");

    assertThat(memory.previous(1)).isEqualTo("Where will Trump and Putin meet?");
    assertThat(memory.previous(2)).isNull();
  }

  @Test
  void should_keep_only_the_latest_question_of_a_chat() {
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC));

    memory.remember(1, "Where will Trump and Putin meet?");
    memory.remember(1, "When will Trump and Putin meet?");

    assertThat(memory.previous(1)).isEqualTo("When will Trump and Putin meet?");
  }

  @Test
  void should_forget_a_question_once_it_expires_or_is_forgotten() {
    MutableClock clock = new MutableClock(t0);
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), clock);
    memory.remember(1, "Where did Freedonia and Sylvania discuss the ceasefire?");
    memory.remember(2, "Who won the Ryder Cup?");

    clock.advance(Duration.ofMinutes(11));
    assertThat(memory.previous(1)).isNull();

    memory.remember(2, "Who won the Ryder Cup?");
    memory.forget(2);
    assertThat(memory.previous(2)).isNull();
  }
}

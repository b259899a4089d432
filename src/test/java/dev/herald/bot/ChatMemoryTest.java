package dev.herald.bot;

import dev.herald.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.retrieve.QuestionAnalysis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChatMemoryTest {

  private final Instant t0 = Instant.parse("2025-10-16T10:00:00Z");

  @Test
  void should_add_previous_question_names_to_short_follow_up() {
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC), new QuestionAnalysis());
    memory.withContext(1, "Where did Freedonia and Sylvania discuss the ceasefire?");

    String followUp = memory.withContext(1, "and what did Russia say?");

    assertThat(followUp).startsWith("and what did Russia say?").contains("Freedonia", "Sylvania").doesNotContain("ceasefire");
  }

  @Test
  void should_carry_content_words_when_previous_question_named_nobody() {
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC), new QuestionAnalysis());
    memory.withContext(1, "why did the dock workers strike?");

    assertThat(memory.withContext(1, "and when did it end?")).contains("dock", "workers", "strike");
  }

  @Test
  void should_leave_standalone_questions_and_other_chats_alone() {
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC), new QuestionAnalysis());
    memory.withContext(1, "Where did Freedonia and Sylvania discuss the ceasefire?");

    assertThat(memory.withContext(2, "and what did Russia say?")).isEqualTo("and what did Russia say?");
    assertThat(memory.withContext(1, "Which harbour strike ended after two weeks in Port Verdant?"))
        .isEqualTo("Which harbour strike ended after two weeks in Port Verdant?");
  }

  @Test
  void should_forget_after_expiry() {
    MutableClock clock = new MutableClock(t0);
    ChatMemory memory = new ChatMemory(Duration.ofMinutes(10), clock, new QuestionAnalysis());
    memory.withContext(1, "Where did Freedonia and Sylvania discuss the ceasefire?");
    clock.advance(Duration.ofMinutes(9));
    assertThat(memory.withContext(1, "and Russia?")).contains("Sylvania");

    clock.advance(Duration.ofMinutes(11));

    assertThat(memory.withContext(1, "and Russia?")).isEqualTo("and Russia?");
  }
}

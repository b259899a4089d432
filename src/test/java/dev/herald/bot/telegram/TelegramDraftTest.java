package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TelegramDraftTest {

  final List<String> calls = new ArrayList<>();
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  boolean failEdits;

  final TelegramDraft.Poster poster = new TelegramDraft.Poster() {
    @Override
    public int send(String html) {
      calls.add("send " + html);
      return 77;
    }

    @Override
    public void edit(int id, String html) {
      if (failEdits) {
        throw new IllegalStateException("429 Too Many Requests");
      }
      calls.add("edit " + id + " " + html);
    }
  };

  TelegramDraft draft() {
    return new TelegramDraft(poster, Duration.ofSeconds(1), now::get);
  }

  @Test
  void should_send_the_first_draft_then_edit_it_at_most_once_a_second() {
    TelegramDraft d = draft();

    d.show("The council");
    d.show("The council approved");
    now.addAndGet(500_000_000L);
    d.show("The council approved a budget");
    now.addAndGet(600_000_000L);
    d.show("The council approved a budget of 4.2 million");

    assertThat(calls).containsExactly("send The council", "edit 77 The council approved a budget of 4.2 million");
    assertThat(d.messageId()).isEqualTo(77);
  }

  @Test
  void should_stop_drafting_quietly_when_telegram_refuses_an_edit() {
    TelegramDraft d = draft();
    d.show("One");
    failEdits = true;
    now.addAndGet(2_000_000_000L);

    d.show("One two");
    failEdits = false;
    now.addAndGet(2_000_000_000L);
    d.show("One two three");

    assertThat(calls).containsExactly("send One");
    assertThat(d.messageId()).isEqualTo(77);
  }

  @Test
  void should_send_nothing_when_no_text_was_streamed() {
    TelegramDraft d = draft();

    d.show("  ");

    assertThat(calls).isEmpty();
    assertThat(d.messageId()).isNull();
  }
}

package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Telegram-free core: messages in, HTML replies out. */
class BotHandlerTest {

  @TempDir static Path dir;
  private static Herald herald;
  private final AtomicInteger typing = new AtomicInteger();

  @BeforeAll
  static void index() throws Exception {
    herald = NewsFixture.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    herald.close();
  }

  private BotHandler handler() {
    return new BotHandler(herald, TelegramSettings.defaults(), "herald_bot", Clock.systemUTC());
  }

  private List<Outgoing> say(BotHandler h, boolean group, String text) {
    return h.handle(new Incoming(1, group ? -9 : 9, group, 9, 100, text, false), typing::incrementAndGet);
  }

  @Test
  void should_tell_what_herald_knows_on_start() {
    List<Outgoing> out = say(handler(), false, "/start");

    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.html()).contains("I know 13 articles; the newest is from 16 Oct 2025.");
      assertThat(o.replyTo()).isEqualTo(100);
    });
    assertThat(typing).hasValue(0);
  }

  @Test
  void should_list_sources_with_counts_and_freshness() {
    String html = say(handler(), false, "/sources").get(0).html();

    assertThat(html).contains("Alpine Times: 10, 19 Sep 2025", "Coast Gazette: 2, 16 Oct 2025", "Daily &lt;Planet&gt;: 1, 14 Oct 2025");
  }

  @Test
  void should_list_newest_articles_without_topic() {
    String html = say(handler(), false, "/latest").get(0).html();

    assertThat(html).contains("<b>Latest articles</b>");
    assertThat(html.indexOf("Sylvania answers")).isLessThan(html.indexOf("Harbour strike ends"));
  }

  @Test
  void should_find_who_said_a_quote() {
    String html = say(handler(), false, "/who \"We will not give up on safety\"").get(0).html();

    assertThat(html).contains("Mara Quill").contains("<a href=");
    assertThat(typing).hasValue(1);
  }

  @Test
  void should_understand_follow_up_in_context() {
    BotHandler h = handler();
    say(h, false, "What did Sylvania's foreign minister say about the ceasefire proposal?");

    String html = say(h, false, "and what do they want?").get(0).html();

    assertThat(html).contains("Sylvania wants observers along the border");
  }

  @Test
  void should_ignore_commands_for_other_bots_and_unknown_commands_in_groups() {
    BotHandler h = handler();

    assertThat(say(h, true, "/help@other_bot")).isEmpty();
    assertThat(say(h, false, "/start@other_bot")).isEmpty();
    assertThat(say(h, true, "/weather")).isEmpty();
    assertThat(say(h, false, "/weather").get(0).html()).contains("/help");
    assertThat(say(h, true, "/help@Herald_Bot").get(0).html()).contains("/latest");
  }

  @Test
  void should_apologise_when_answering_fails() throws Exception {
    Path broken = dir.resolve("broken");
    java.nio.file.Files.createDirectories(broken);
    Herald closed = NewsFixture.open(broken);
    closed.close();
    BotHandler h = new BotHandler(closed, TelegramSettings.defaults(), "herald_bot", Clock.systemUTC());

    List<Outgoing> out = say(h, false, "Where did the presidents meet?");

    assertThat(out).singleElement().satisfies(o -> assertThat(o.html()).startsWith("Sorry, something went wrong"));
  }

  @Test
  void should_ask_for_a_question_after_empty_ask() {
    assertThat(say(handler(), true, "/ask").get(0).html()).contains("What would you like to know?");
  }
}

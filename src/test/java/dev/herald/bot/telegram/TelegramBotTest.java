package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.NewsFixture;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.FakeBotApi.Fault;
import dev.herald.bot.telegram.FakeBotApi.Sent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** End to end: the real telegrambots client against the fake Bot API, answering from a fixture index. */
class TelegramBotTest {

  private static final String TOKEN = "123456:TEST-token";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String QUESTION = "Where did the presidents of Freedonia and Sylvania meet?";

  @TempDir static Path indexDir;
  private static Herald herald;

  @TempDir Path stateDir;
  private FakeBotApi api;
  private TelegramBot bot;

  @BeforeAll
  static void index() throws Exception {
    herald = NewsFixture.open(indexDir);
  }

  @AfterAll
  static void closeIndex() throws Exception {
    herald.close();
  }

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeBotApi(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.stop(Duration.ofSeconds(5));
    }
    api.close();
  }

  private TelegramSettings settings() {
    return new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10), 1000,
        Duration.ofMillis(5), 1000, 4, 1);
  }

  private TelegramBot start(TelegramSettings s) throws Exception {
    return TelegramBot.start(s, TOKEN, stateDir, name -> new BotHandler(herald, s, name, Clock.systemUTC()),
        Duration.ofMillis(20));
  }

  private List<Sent> awaitReplies(long chat, int n) throws InterruptedException {
    return api.awaitSent(s -> s.chatId() == chat, n, WAIT);
  }

  @Test
  void should_answer_private_question_with_cited_links() throws Exception {
    bot = start(settings());
    int asked = api.privateText(42, QUESTION);

    List<Sent> replies = awaitReplies(42, 1);

    assertThat(replies).hasSize(1);
    Sent reply = replies.get(0);
    assertThat(reply.parseMode()).isEqualToIgnoringCase("HTML");
    assertThat(reply.replyTo()).isEqualTo(asked);
    assertThat(reply.text()).contains("Geneva");
    assertThat(reply.html()).contains("<a href=\"https://news.example/geneva?a=1&amp;b=2\">[1]</a>");
    assertThat(reply.text()).contains("[1] Daily <Planet>, 14 Oct 2025");
    // setMyCommands runs in the background, so its place among the other calls is not fixed.
    assertThat(api.calls()).containsSubsequence("getMe", "getUpdates", "sendChatAction", "sendMessage");
  }

  @Test
  void should_register_commands_at_start_up() throws Exception {
    bot = start(settings());

    JsonNode commands = api.awaitMyCommands(WAIT);
    assertThat(commands).isNotNull();
    assertThat(commands.toString())
        .contains("\"ask\"", "\"latest\"", "\"who\"", "\"sources\"", "\"start\"", "\"help\"");
    assertThat(api.requests("setMyCommands")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 500})
  void should_answer_while_setMyCommands_is_refused_and_set_commands_once_accepted(int status) throws Exception {
    api.rejectEvery("setMyCommands", status == 400 ? Fault.badRequest() : Fault.serverError(status));
    ListAppender<ILoggingEvent> log = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent e) {
        // An event reads its thread's name lazily, on whichever thread first asks: fix it now, on the
        // logging thread, or this test may read it on its own thread before any other appender has.
        e.prepareForDeferredProcessing();
        super.append(e);
      }
    };
    Logger logger = (Logger) LoggerFactory.getLogger(TelegramBot.class);
    log.start();
    logger.addAppender(log);
    try {
      bot = start(settings());
      api.privateText(52, QUESTION);
      List<Sent> replies = awaitReplies(52, 1);

      assertThat(replies).hasSize(1);
      assertThat(replies.get(0).text()).contains("Geneva");
      assertThat(api.awaitCalls("setMyCommands", 2, WAIT)).as("retried in the background").isTrue();
      assertThat(api.myCommands()).isNull();
      List<ILoggingEvent> failures = List.copyOf(log.list).stream()
          .filter(e -> e.getFormattedMessage().startsWith("setMyCommands failed")).toList();
      assertThat(failures).isNotEmpty().allSatisfy(e -> {
        assertThat(e.getFormattedMessage()).contains(String.valueOf(status)).doesNotContain(TOKEN).doesNotContain("\n");
        assertThat(e.getThrowableProxy()).as("one line, no stack trace").isNull();
        assertThat(e.getThreadName()).startsWith("herald-bot-optional-calls");
      });
    } finally {
      logger.detachAppender(log);
    }

    api.stopRejecting("setMyCommands");

    JsonNode commands = api.awaitMyCommands(Duration.ofSeconds(20));
    assertThat(commands).as("set once the Bot API accepts it").isNotNull();
    assertThat(commands.toString()).contains("\"ask\"", "\"help\"");
    int calls = api.requests("setMyCommands").size();
    api.privateText(52, "/help");
    awaitReplies(52, 2);
    assertThat(api.requests("setMyCommands")).as("no retries after success").hasSize(calls);
  }

  @Test
  void should_answer_lower_random_update_id_after_restart() throws Exception {
    api.restartUpdateIds(900_000);
    bot = start(settings());
    api.privateText(53, QUESTION);
    api.privateText(53, "/sources");
    awaitReplies(53, 2);
    bot.stop(Duration.ofSeconds(5));

    // A week without updates: Telegram picks the next id at random, here far below those handled.
    api.restartUpdateIds(17);
    bot = start(settings());
    api.privateText(53, "/help");
    List<Sent> replies = awaitReplies(53, 3);

    assertThat(replies).hasSize(3);
    assertThat(replies.get(2).text()).contains("/ask QUESTION");
  }

  @Test
  void should_answer_lower_update_id_when_ledger_file_holds_old_high_watermark() throws Exception {
    // The file an earlier version wrote: a watermark line and the ids done above it.
    java.nio.file.Files.writeString(stateDir.resolve("offset"), "2000000\n2000002 2000005\n");
    api.restartUpdateIds(41);

    bot = start(settings());
    api.privateText(54, "/help");
    List<Sent> replies = awaitReplies(54, 1);

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).text()).contains("/ask QUESTION");
    assertThat(api.requests("getUpdates").get(0).has("offset")).as("first poll forces no old offset").isFalse();
  }

  @Test
  void should_not_answer_redelivered_update_twice() throws Exception {
    api.restartUpdateIds(5_000);
    bot = start(settings());
    int asked = api.privateText(55, QUESTION);
    awaitReplies(55, 1);
    bot.stop(Duration.ofSeconds(5));
    // Telegram delivers update 5000 again (it never saw it confirmed), then a new one follows.
    api.forgetConfirmations();

    bot = start(settings());
    int help = api.privateText(55, "/help");
    // Replies in a chat go out in update order, so a doubled answer would come before this one.
    List<Sent> all = awaitReplies(55, 2);

    assertThat(all).extracting(Sent::replyTo).containsExactly(asked, help);
  }

  @Test
  void should_stay_silent_in_group_unless_mentioned() throws Exception {
    bot = start(settings());
    api.groupText(-100, 7, QUESTION, null);
    int mentioned = api.groupText(-100, 7, "@" + FakeBotApi.BOT_USERNAME + " " + QUESTION, null);
    api.groupText(-100, 7, "/help@other_bot", null);
    int command = api.groupText(-100, 7, "/sources@" + FakeBotApi.BOT_USERNAME, null);

    List<Sent> replies = awaitReplies(-100, 2);

    assertThat(replies).extracting(Sent::replyTo).containsExactly(mentioned, command);
    assertThat(replies.get(0).text()).contains("Geneva");
  }

  @Test
  void should_answer_group_reply_to_its_own_message() throws Exception {
    bot = start(settings());
    int first = api.groupText(-200, 7, "/ask " + QUESTION, null);
    Sent answer = awaitReplies(-200, 1).get(0);
    assertThat(answer.replyTo()).isEqualTo(first);

    int followUp = api.groupText(-200, 7, "Which harbour strike ended?", answer.messageId());

    assertThat(awaitReplies(-200, 2)).extracting(Sent::replyTo).containsExactly(first, followUp);
  }

  @Test
  void should_split_long_reply_into_valid_parts() throws Exception {
    bot = start(settings());
    int asked = api.privateText(43, "/latest glacier");

    // The latest developments with their long-titled sources, then the newest reports on the topic.
    List<Sent> parts = api.awaitSent(s -> s.chatId() == 43, 3, WAIT);

    // Each part passed the fake's HTML and length checks; together they list the eight newest reports.
    assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(parts).allSatisfy(p -> {
      assertThat(p.html().length()).isLessThanOrEqualTo(4096);
      assertThat(p.replyTo()).isEqualTo(asked);
    });
    String all = String.join("\n", parts.stream().map(Sent::text).toList());
    assertThat(all).contains("Glacier report 9", "Glacier report 2").doesNotContain("Glacier report 1:");
    assertThat(all.indexOf("Glacier report 9")).isLessThan(all.indexOf("Glacier report 8"));
  }

  @Test
  void should_escape_html_in_question_and_titles() throws Exception {
    bot = start(settings());
    api.privateText(44, "/latest <b>Geneva</b> & <script>");
    api.privateText(44, "<i>" + QUESTION + "</i> & <u>");

    List<Sent> replies = awaitReplies(44, 2);

    assertThat(replies).hasSize(2);
    assertThat(replies.get(0).html()).contains("&lt;b&gt;Geneva&lt;/b&gt; &amp; &lt;script&gt;");
    assertThat(replies.get(0).text()).contains("Leaders <meet> in Geneva & talk peace");
    assertThat(replies.get(1).text()).contains("Geneva", "Daily <Planet>");
  }

  @Test
  void should_retry_after_429_without_losing_or_doubling_reply() throws Exception {
    bot = start(settings());
    api.failNext("sendMessage", Fault.tooManyRequests(1));
    api.failNext("sendMessage", Fault.serverError(502));
    api.failNext("sendMessage", Fault.dropConnection());
    api.privateText(45, QUESTION);

    List<Sent> replies = awaitReplies(45, 1);
    // Give a doubled reply the chance to show up before checking there is none.
    api.privateText(45, "/help");
    List<Sent> all = awaitReplies(45, 2);

    assertThat(replies).hasSize(1);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).text()).contains("/ask QUESTION");
    assertThat(api.requests("sendMessage")).hasSize(5);
  }

  @Test
  void should_apologise_and_keep_going_when_reply_is_refused() throws Exception {
    bot = start(settings());
    api.failNext("sendMessage", Fault.badRequest());
    int asked = api.privateText(51, QUESTION);
    api.privateText(51, "/help");

    List<Sent> replies = awaitReplies(51, 2);

    assertThat(replies.get(0).text()).startsWith("Sorry, I could not send that answer.");
    assertThat(replies.get(0).replyTo()).isEqualTo(asked);
    assertThat(replies.get(1).text()).contains("/ask QUESTION");
  }

  @Test
  void should_not_answer_old_updates_after_restart() throws Exception {
    bot = start(settings());
    api.privateText(46, QUESTION);
    api.privateText(46, "/sources");
    awaitReplies(46, 2);
    bot.stop(Duration.ofSeconds(5));
    // As if the bot had died before its next getUpdates confirmed these updates to Telegram.
    api.forgetConfirmations();

    bot = start(settings());
    api.privateText(46, "/help");
    List<Sent> replies = awaitReplies(46, 3);

    assertThat(replies).hasSize(3);
    assertThat(replies.get(2).text()).contains("/ask QUESTION");
  }

  @Test
  void should_refuse_users_not_on_allowlist() throws Exception {
    TelegramSettings s = settings();
    bot = start(new TelegramSettings(s.apiUrl(), Set.of(1L), Set.of(), Set.of(), 10, s.followUpExpiry(),
        s.sendsPerSecond(), s.sendIntervalPerChat(), s.sendsPerMinutePerGroup(), s.workers(), s.pollTimeoutSeconds()));
    api.privateText(47, QUESTION);
    api.privateText(1, QUESTION);

    assertThat(awaitReplies(47, 1).get(0).text()).contains("this bot is private");
    assertThat(awaitReplies(1, 1).get(0).text()).contains("Geneva");
  }

  @Test
  void should_tell_user_over_rate_limit_when_to_try_again() throws Exception {
    TelegramSettings s = settings();
    bot = start(new TelegramSettings(s.apiUrl(), Set.of(), Set.of(), Set.of(), 2, s.followUpExpiry(),
        s.sendsPerSecond(), s.sendIntervalPerChat(), s.sendsPerMinutePerGroup(), s.workers(), s.pollTimeoutSeconds()));
    for (int i = 0; i < 3; i++) {
      api.privateText(48, QUESTION);
    }

    List<Sent> replies = awaitReplies(48, 3);

    assertThat(replies.get(0).text()).contains("Geneva");
    assertThat(replies.get(1).text()).contains("Geneva");
    assertThat(replies.get(2).text()).containsPattern("2 questions a minute\\)\\. Please try again in \\d+ s\\.");
  }

  @Test
  void should_hint_at_text_for_photos_and_cut_long_questions() throws Exception {
    bot = start(settings());
    api.privatePhoto(49);
    api.privateText(49, QUESTION + " " + "x".repeat(2500));

    List<Sent> replies = awaitReplies(49, 2);

    assertThat(replies.get(0).text()).contains("I can only read text");
    assertThat(replies.get(1).text()).startsWith("Your question was cut to 2000 characters.");
  }

  @Test
  void should_offer_answer_to_inline_query() throws Exception {
    bot = start(settings());
    api.inlineQuery(50, "q1", QUESTION);

    assertThat(api.awaitCalls("answerInlineQuery", 1, WAIT)).isTrue();
    String request = api.requests("answerInlineQuery").get(0).toString();
    assertThat(request).contains("\"inline_query_id\":\"q1\"", "Geneva", "\"parse_mode\":\"HTML\"");
  }

  @Test
  void should_reject_unknown_token_with_clear_message() {
    TelegramSettings s = settings();

    assertThatThrownBy(() -> TelegramBot.start(s, "999:wrong", stateDir,
        name -> new BotHandler(herald, s, name, Clock.systemUTC())))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("rejected the bot token")
        .hasMessageNotContaining("999:wrong");
  }
}

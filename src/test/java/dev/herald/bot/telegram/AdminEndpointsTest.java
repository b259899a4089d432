package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.NewsFixture;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.FakeBotApi.Fault;
import dev.herald.bot.telegram.FakeBotApi.Sent;
import dev.herald.metrics.AdminServer;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.metrics.PrometheusText;
import dev.herald.metrics.Readiness;
import dev.herald.store.StateDb;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin port end to end: the bot answers through the fake Bot API while the test scrapes
 * {@code /metrics} over HTTP and reads {@code /readyz} as its dependencies go away and come back.
 */
class AdminEndpointsTest {

  private static final String TOKEN = "123456:ADMIN-secret-token";
  private static final String QUESTION = "Where did the presidents of Freedonia and Sylvania meet?";
  private static final String UNCOVERED = "What is the best recipe for sourdough bread?";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path home;
  private Herald herald;
  private StateDb state;
  private FakeBotApi api;
  private TelegramBot bot;
  private HeraldMetrics metrics;
  private AdminServer admin;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    herald = NewsFixture.open(home);
    state = StateDb.open(home.resolve("data/herald.db"));
    metrics = HeraldMetrics.prometheus(Clock.systemUTC());
    herald.useMetrics(metrics);
    api = new FakeBotApi(TOKEN);
    TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 100, Duration.ofMinutes(10), 1000,
        Duration.ofMillis(5), 1000, 2, 1);
    bot = TelegramBot.start(s, TOKEN, home.resolve("bot"), name -> new BotHandler(herald, s, name, Clock.systemUTC()),
        Duration.ofMillis(20), metrics);
    Readiness readiness = new Readiness()
        .add("index", herald::indexProblem)
        .add("state-db", state::problem)
        .add("bot-api", bot::apiProblem);
    admin = AdminServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics, readiness);
  }

  @AfterEach
  void stop() throws Exception {
    admin.close();
    bot.stop(Duration.ofSeconds(5));
    api.close();
    state.close();
    herald.close();
    metrics.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.address().getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private PrometheusText scrape() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return PrometheusText.parse(r.body());
  }

  @Test
  void should_count_questions_and_time_answers_while_the_bot_answers() throws Exception {
    PrometheusText before = scrape();
    api.failNext("sendMessage", Fault.tooManyRequests(1));
    api.privateText(42, QUESTION);
    api.privateText(42, UNCOVERED);
    api.privateText(42, "/help");

    List<Sent> replies = api.awaitSent(s -> s.chatId() == 42, 3, WAIT);
    // The fake has the third message before the sender has read its response and counted it: wait for that.
    PrometheusText after = scrape();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (after.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "ok")
        - before.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "ok") < 3
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      after = scrape();
    }

    assertThat(replies).hasSize(3);
    assertThat(replies.get(0).text()).contains("Geneva");
    assertThat(replies.get(1).text()).contains("do not cover");
    assertThat(after.value("herald_questions_total", "intent", "question", "outcome", "answered")
        - before.value("herald_questions_total", "intent", "question", "outcome", "answered")).isEqualTo(1);
    assertThat(after.value("herald_questions_total", "intent", "question", "outcome", "abstained")
        - before.value("herald_questions_total", "intent", "question", "outcome", "abstained")).isEqualTo(1);
    // /help is a command, not a question: two answers timed, in the histogram's count and its +Inf bucket.
    assertThat(after.value("herald_answer_seconds_count", "intent", "question")
        - before.value("herald_answer_seconds_count", "intent", "question")).isEqualTo(2);
    assertThat(after.value("herald_answer_seconds_bucket", "intent", "question", "le", "+Inf")).isEqualTo(2);
    assertThat(after.value("herald_answer_seconds_sum", "intent", "question")).isPositive();
    assertThat(after.value("herald_retrieval_seconds_count") - before.value("herald_retrieval_seconds_count"))
        .isGreaterThanOrEqualTo(2);
    assertThat(after.value("herald_retrieval_seconds_bucket", "le", "30.0"))
        .isEqualTo(after.value("herald_retrieval_seconds_count"));
    // The first reply met a 429 and was sent again after retry_after.
    assertThat(after.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "too_many_requests")).isEqualTo(1);
    assertThat(after.value("herald_telegram_retries_total", "method", "sendmessage", "reason", "too_many_requests")).isEqualTo(1);
    assertThat(after.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "ok")
        - before.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "ok")).isEqualTo(3);
    assertThat(after.value("herald_index_articles")).isEqualTo(13);
    assertThat(after.value("herald_index_passages")).isGreaterThanOrEqualTo(13);
    assertThat(after.value("herald_index_size_bytes")).isPositive();
    assertThat(after.value("herald_llm_circuit_state")).isZero();
    assertThat(after.has("jvm_memory_used_bytes")).isTrue();
    assertThat(after.has("process_uptime_seconds")).isTrue();
    assertThat(after.has("jvm_threads_live_threads")).isTrue();
  }

  @Test
  void should_never_put_token_or_chat_text_in_metrics() throws Exception {
    api.privateText(43, QUESTION);
    api.awaitSent(s -> s.chatId() == 43, 1, WAIT);

    String body = get("/metrics").body();

    assertThat(body).contains("herald_questions_total").doesNotContain(TOKEN).doesNotContain("ADMIN-secret")
        .doesNotContain("Freedonia").doesNotContain("Sylvania");
  }

  @Test
  void should_report_ready_only_while_index_and_state_database_are_in_place() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("index", "state-db", "bot-api");

    Path index = home.resolve("data/index");
    Path away = home.resolve("data/index-away");
    Files.move(index, away);
    HttpResponse<String> noIndex = get("/readyz");
    assertThat(noIndex.statusCode()).isEqualTo(503);
    assertThat(noIndex.body()).contains("index: index folder").contains("is missing").doesNotContain("state-db:");
    Files.move(away, index);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    Path db = home.resolve("data/herald.db");
    Path dbAway = home.resolve("data/herald.db.away");
    Files.move(db, dbAway);
    HttpResponse<String> noDb = get("/readyz");
    assertThat(noDb.statusCode()).isEqualTo(503);
    assertThat(noDb.body()).contains("state-db: state database").doesNotContain("index:");
    Files.move(dbAway, db);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void should_report_not_ready_once_the_bot_api_cannot_be_reached() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    api.close();
    // The next long poll fails to connect; wait for it rather than for a fixed time.
    long deadline = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> r = get("/readyz");
    while (r.statusCode() == 200 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      r = get("/readyz");
    }

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("bot-api: cannot reach the Bot API").doesNotContain(TOKEN);
  }

  @Test
  void should_count_digest_deliveries() throws Exception {
    java.time.Instant now = java.time.Instant.parse("2025-10-16T12:00:00Z");
    var digest = herald.updates().digest("glacier", List.of(), now.minus(Duration.ofDays(1)), now, java.time.ZoneOffset.UTC);

    bot.deliver(44, false, digest);
    api.failNext("sendMessage", Fault.badRequest());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bot.deliver(44, false, digest))
        .isInstanceOf(java.io.IOException.class);

    PrometheusText t = scrape();
    assertThat(t.value("herald_digest_deliveries_total", "outcome", "delivered")).isEqualTo(1);
    assertThat(t.value("herald_digest_deliveries_total", "outcome", "failed")).isEqualTo(1);
    assertThat(t.value("herald_telegram_requests_total", "method", "sendmessage", "outcome", "client_error")).isEqualTo(1);
  }

  @Test
  void should_refuse_other_methods_and_paths() throws Exception {
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + admin.address().getPort() + "/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get("/secrets").statusCode()).isEqualTo(404);
  }
}

package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.NewsFixture;
import dev.herald.bot.TelegramSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode: Telegram posts updates to our endpoint; replies still go through the Bot API. */
class WebhookTest {

  private static final String TOKEN = "123456:TEST-token";
  private static final String SECRET = "s3cret_Value-1";

  @TempDir static Path indexDir;
  private static Herald herald;
  @TempDir Path stateDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void index() throws Exception {
    herald = NewsFixture.open(indexDir);
  }

  @AfterAll
  static void closeIndex() throws Exception {
    herald.close();
  }

  private HttpResponse<String> post(InetSocketAddress at, String secret, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + "/hook"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      r.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_answer_updates_with_right_secret_and_reject_others_with_401() throws Exception {
    try (FakeBotApi api = new FakeBotApi(TOKEN)) {
      TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10),
          1000, Duration.ofMillis(5), 1000, 2, 1);
      TelegramBot bot = TelegramBot.startWebhook(s, TOKEN, stateDir, n -> new BotHandler(herald, s, n, Clock.systemUTC()),
          new Webhook(URI.create("https://bot.example/hook"), new InetSocketAddress("127.0.0.1", 0), SECRET));
      try {
        assertThat(api.webhook().path("url").asText()).isEqualTo("https://bot.example/hook");
        assertThat(api.webhook().path("secret_token").asText()).isEqualTo(SECRET);
        String update = api.privateTextUpdateJson(60, "Where did the presidents of Freedonia and Sylvania meet?");

        assertThat(post(bot.webhookAddress(), "wrong", update).statusCode()).isEqualTo(401);
        assertThat(post(bot.webhookAddress(), null, update).statusCode()).isEqualTo(401);
        assertThat(post(bot.webhookAddress(), SECRET, update).statusCode()).isEqualTo(200);
        // Telegram redelivers when unsure; the ledger keeps it to one answer.
        assertThat(post(bot.webhookAddress(), SECRET, update).statusCode()).isEqualTo(200);
        assertThat(post(bot.webhookAddress(), SECRET, api.privateTextUpdateJson(60, "/help")).statusCode()).isEqualTo(200);

        List<FakeBotApi.Sent> replies = api.awaitSent(x -> x.chatId() == 60, 2, Duration.ofSeconds(10));
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text()).contains("Geneva");
        assertThat(replies.get(1).text()).contains("/ask QUESTION");
        assertThat(api.calls()).doesNotContain("getUpdates");
      } finally {
        bot.stop(Duration.ofSeconds(5));
      }
      assertThat(api.webhook()).isNull();
    }
  }
}

package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Fixtures;
import dev.herald.Herald;
import dev.herald.ingest.Ingestion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands /feeds, /addfeed and /removefeed, for admins only. */
class FeedCommandsTest {

  static final long ADMIN = 7;
  static final long USER = 8;

  @TempDir Path dir;
  Herald herald;
  Ingestion ingestion;
  BotHandler handler;

  @BeforeEach
  void setUp() throws IOException {
    herald = Fixtures.herald(dir);
    ingestion = herald.openIngestion(Clock.systemUTC());
    TelegramSettings settings = new TelegramSettings(TelegramSettings.PUBLIC_API, Set.of(), Set.of(), Set.of(ADMIN), 10,
        Duration.ofMinutes(10), 30, Duration.ofSeconds(1), 20, 2, 50);
    handler = new BotHandler(herald, settings, "herald_bot", Clock.systemUTC(), ingestion.feeds());
  }

  @AfterEach
  void tearDown() throws IOException {
    ingestion.close();
    herald.close();
  }

  String say(long user, String text) {
    return handler.handle(new Incoming(1, user, false, user, 10, text, false), () -> {}).get(0).html();
  }

  @Test
  void should_refuse_source_commands_to_users_who_are_not_admins() {
    assertThat(say(USER, "/addfeed https://93.184.216.34/rss.xml")).isEqualTo("Only the bot's admins can manage its news sources.");
    assertThat(say(ADMIN, "/feeds")).contains("No news sources yet");
  }

  @Test
  void should_let_an_admin_add_list_and_remove_a_feed() {
    assertThat(say(ADMIN, "/addfeed https://93.184.216.34/rss.xml")).startsWith("Added https://93.184.216.34/rss.xml");
    assertThat(say(ADMIN, "/feeds")).contains("https://93.184.216.34/rss.xml").contains("not fetched yet");
    assertThat(say(ADMIN, "/removefeed https://93.184.216.34/rss.xml")).isEqualTo("Removed https://93.184.216.34/rss.xml.");
    assertThat(say(ADMIN, "/feeds")).contains("No news sources yet");
  }

  @Test
  void should_refuse_feeds_on_internal_addresses_even_for_admins() {
    assertThat(say(ADMIN, "/addfeed http://127.0.0.1:8080/feed")).startsWith("Not added:");
    assertThat(say(ADMIN, "/addfeed http://169.254.169.254/latest/meta-data")).startsWith("Not added:");
    assertThat(say(ADMIN, "/addfeed ftp://93.184.216.34/feed")).startsWith("Not added:");
    assertThat(say(ADMIN, "/feeds")).contains("No news sources yet");
  }
}

package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.digest.TalksFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates and timelines: grouped by development, dated, cited, newest or oldest first, honest about staleness. */
class UpdateComposerTest {

  @TempDir static Path dir;
  private static Herald herald;

  @BeforeAll
  static void index() throws Exception {
    herald = TalksFixture.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    herald.close();
  }

  @Test
  void should_group_syndicated_copies_into_one_development_reported_by_every_outlet() throws Exception {
    List<Development> found = herald.updates().developments(TalksFixture.TOPIC, Instant.parse("2025-10-19T00:00:00Z"),
        Instant.parse("2025-10-23T00:00:00Z"), StoryLookup.NONE);

    assertThat(found).hasSize(2);
    Development opening = found.get(0);
    assertThat(opening.date()).isEqualTo(Instant.parse("2025-10-20T08:00:00Z"));
    assertThat(opening.outlets()).containsExactly("Wire A", "Gazette B", "Herald C");
    assertThat(opening.citations()).extracting(Citation::articleId).containsExactly("open-wire", "open-gazette", "open-herald");
    assertThat(opening.summary()).startsWith("Freedonia and Sylvania opened ceasefire talks in Geneva");
    assertThat(found.get(1).citations()).extracting(Citation::articleId).containsExactly("stall");
  }

  @Test
  void should_count_copies_known_only_to_the_story_store_as_outlets() throws Exception {
    StoryLookup stories = id -> id.equals("stall") ? List.of("Wire A", "Agence D", "Radio E") : List.of();

    List<Development> found = herald.updates().developments(TalksFixture.TOPIC, Instant.parse("2025-10-22T00:00:00Z"),
        Instant.parse("2025-10-23T00:00:00Z"), stories);

    assertThat(found).singleElement().satisfies(d -> assertThat(d.outlets()).containsExactly("Wire A", "Agence D", "Radio E"));
  }

  @Test
  void should_answer_whats_new_since_monday_newest_first_dated_and_cited_under_an_as_of_header() throws Exception {
    Answer a = herald.ask("What's new on the ceasefire talks since Monday?", Instant.parse("2025-10-23T06:00:00Z"));

    assertThat(a.abstained()).isFalse();
    String[] lines = a.text().split("\n");
    assertThat(lines[0]).isEqualTo("What's new on ceasefire talks since 20 Oct 2025 00:00 UTC, as of 23 Oct 2025 06:00 UTC:");
    assertThat(lines[1]).startsWith("• 22 Oct 2025: The ceasefire talks between Freedonia and Sylvania stalled").endsWith("[1]");
    assertThat(lines[2]).startsWith("• 20 Oct 2025: Freedonia and Sylvania opened").endsWith("(reported by 3 outlets) [2] [3] [4]");
    assertThat(lines).hasSize(3);
    assertThat(a.citations()).extracting(Citation::n).containsExactly(1, 2, 3, 4);
    assertThat(a.text()).doesNotContain("Harbour", "Note:");
  }

  @Test
  void should_leave_out_what_was_published_before_the_window() throws Exception {
    Answer a = herald.ask("What's new on the ceasefire talks in the past 24 hours?", Instant.parse("2025-10-22T18:00:00Z"));

    assertThat(a.citations()).extracting(Citation::articleId).containsExactly("stall");
  }

  @Test
  void should_warn_up_front_when_the_newest_news_on_the_topic_is_stale() throws Exception {
    Answer a = herald.ask("latest on the ceasefire talks", Instant.parse("2025-10-30T12:00:00Z"));

    // "Latest" is the newest developments whatever their age, not "nothing new since yesterday".
    assertThat(a.text()).startsWith("Note: the newest article on ceasefire talks is from 22 Oct 2025, more than 2 days before now")
        .contains("The latest on ceasefire talks", "8 days ago", "22 Oct 2025: The ceasefire talks between Freedonia and Sylvania stalled");
    assertThat(a.citations()).isNotEmpty();
  }

  @Test
  void should_not_warn_when_the_news_is_fresh() throws Exception {
    Answer a = herald.ask("latest on the ceasefire talks", Instant.parse("2025-10-22T20:00:00Z"));

    assertThat(a.text()).startsWith("The latest on ceasefire talks").contains("8 hours ago").doesNotContain("Note:");
  }

  @Test
  void should_give_a_timeline_oldest_first_one_bullet_per_development() throws Exception {
    Answer a = herald.ask("How did the ceasefire talks develop?", Instant.parse("2025-10-30T00:00:00Z"));

    String[] lines = a.text().split("\n");
    assertThat(lines[0]).startsWith("Timeline of ceasefire talks (as of 30 Oct 2025");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith("• 20 Oct 2025: Freedonia and Sylvania opened");
    assertThat(lines[2]).startsWith("• 22 Oct 2025: The ceasefire talks");
  }

  @Test
  void should_key_a_topic_the_same_whatever_the_word_order() {
    UpdateComposer u = herald.updates();

    assertThat(u.topicKey("the ceasefire talks")).isEqualTo(u.topicKey("Talks on ceasefire"));
  }

  @Test
  void should_render_a_digest_with_nothing_new_as_such() {
    Answer a = herald.updates().digest(TalksFixture.TOPIC, List.of(), Instant.parse("2025-10-25T00:00:00Z"),
        Instant.parse("2025-10-26T00:00:00Z"), ZoneOffset.UTC);

    assertThat(a.text()).isEqualTo("Digest on ceasefire talks: nothing new since 25 Oct 2025 00:00 UTC, as of 26 Oct 2025 00:00 UTC.");
  }
}

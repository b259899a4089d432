package dev.herald.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

  @TempDir Path dir;
  final List<Article> articles = new ArrayList<>();
  final List<ArticleProblem> problems = new ArrayList<>();

  void read(Path... paths) {
    new ArticleReader().read(List.of(paths), articles::add, problems::add);
  }

  @Test
  void should_read_good_jsonl_lines_and_report_each_bad_one_with_file_and_line() throws IOException {
    Path f = dir.resolve("a.jsonl");
    Files.write(f, List.of(
        "{\"id\":\"one\",\"title\":\"T1\",\"url\":\"https://x.test/1\",\"source\":\"S\",\"published\":\"2025-10-16\",\"text\":\"Body one.\"}",
        "{not json",
        "{\"url\":\"https://x.test/3\",\"source\":\"S\",\"published\":\"2025-10-16\",\"text\":\"No title.\"}",
        "",
        "{\"title\":\"T5\",\"url\":\"https://x.test/5\",\"source\":\"S\",\"published\":\"16/10/2025\",\"text\":\"Bad date.\"}",
        "{\"title\":\"T6\",\"url\":\"https://x.test/6\",\"source\":\"S\",\"published\":\"2025-10-16T10:00:00+02:00\",\"text\":\"\"}",
        "{\"title\":\"T7\",\"url\":\"https://x.test/7\",\"source\":\"S\",\"published\":\"2025-10-16T10:00:00+02:00\",\"text\":\"Fine.\"}"));

    read(f);

    assertThat(articles).extracting(Article::title).containsExactly("T1", "T7");
    assertThat(problems).extracting(ArticleProblem::toString).containsExactly(
        f + ":2: bad JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
        f + ":3: missing 'title'",
        f + ":5: 'published' is not an ISO-8601 date or date-time: \"16/10/2025\" (use e.g. 2025-10-16 or 2025-10-16T09:30:00Z)",
        f + ":6: 'text' is empty");
  }

  @Test
  void should_read_a_date_alone_as_midnight_utc_and_honour_offsets() throws IOException {
    Path f = dir.resolve("a.jsonl");
    Files.write(f, List.of(
        "{\"title\":\"A\",\"url\":\"https://x.test/a\",\"source\":\"S\",\"published\":\"2025-10-16\",\"text\":\"x\"}",
        "{\"title\":\"B\",\"url\":\"https://x.test/b\",\"source\":\"S\",\"published\":\"2025-10-16T10:00:00+02:00\",\"text\":\"x\"}"));

    read(f);

    assertThat(articles).extracting(Article::published)
        .containsExactly(Instant.parse("2025-10-16T00:00:00Z"), Instant.parse("2025-10-16T08:00:00Z"));
  }

  @Test
  void should_derive_a_stable_id_from_the_url_when_none_is_given() throws IOException {
    Path f = dir.resolve("a.jsonl");
    String line = "{\"title\":\"A\",\"url\":\"https://x.test/a\",\"source\":\"S\",\"published\":\"2025-10-16\",\"text\":\"x\"}";
    Files.write(f, List.of(line, line));

    read(f);

    assertThat(articles).hasSize(2);
    assertThat(articles.get(0).id()).hasSize(16).isEqualTo(articles.get(1).id());
    assertThat(articles.get(0).author()).isNull();
  }

  @Test
  void should_read_markdown_front_matter_with_the_body_as_text() throws IOException {
    Path f = dir.resolve("story.md");
    Files.writeString(f, """
        ---
        id: md-1
        title: "Summit: the plan"
        url: https://x.test/md
        source: Herald sample corpus
        author: Herald staff
        published: 2025-10-16
        ---
        First paragraph.

        Second paragraph.
        """);

    read(f);

    assertThat(problems).isEmpty();
    Article a = articles.get(0);
    assertThat(a.id()).isEqualTo("md-1");
    assertThat(a.title()).isEqualTo("Summit: the plan");
    assertThat(a.text()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    assertThat(a.published()).isEqualTo(Instant.parse("2025-10-16T00:00:00Z"));
  }

  @Test
  void should_report_markdown_without_front_matter() throws IOException {
    Path f = dir.resolve("bad.md");
    Files.writeString(f, "# Just a heading\n\nText.\n");

    read(f);

    assertThat(articles).isEmpty();
    assertThat(problems).extracting(ArticleProblem::toString)
        .containsExactly(f + ":1: no YAML front matter: the file must start with a '---' line");
  }

  @Test
  void should_read_plain_text_with_first_line_as_title_and_mtime_as_date() throws IOException {
    Path f = dir.resolve("note.txt");
    Files.writeString(f, "Local headline\nThe body of the note.\nMore body.\n");
    Instant mtime = Instant.parse("2025-11-01T12:00:00Z");
    Files.setLastModifiedTime(f, FileTime.from(mtime));

    read(f);

    Article a = articles.get(0);
    assertThat(a.title()).isEqualTo("Local headline");
    assertThat(a.text()).isEqualTo("The body of the note.\nMore body.");
    assertThat(a.source()).isEqualTo("local");
    assertThat(a.published()).isEqualTo(mtime);
  }

  @Test
  void should_walk_folders_skip_readmes_and_report_missing_paths() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("README.md"), "not an article");
    Files.writeString(dir.resolve("sub/x.txt"), "Title\nBody.");
    Files.writeString(dir.resolve("notes.csv"), "ignored");

    read(dir, dir.resolve("missing.jsonl"));

    assertThat(articles).extracting(Article::title).containsExactly("Title");
    assertThat(problems).extracting(ArticleProblem::message).containsExactly("no such file or folder");
  }
}

package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlSplitterTest {

  private static final Pattern TAG = Pattern.compile("</?([a-z]+)[^>]*>");

  @Test
  void should_keep_short_message_whole() {
    assertThat(new HtmlSplitter(4096).split("<b>hi</b> &amp; bye")).containsExactly("<b>hi</b> &amp; bye");
  }

  @Test
  void should_split_at_paragraphs_into_parts_within_limit() {
    String para = "Sentence one is here. Sentence two &amp; more is here.";
    String html = String.join("\n\n", java.util.Collections.nCopies(40, para));

    List<String> parts = new HtmlSplitter(300).split(html);

    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
      assertThat(p.length()).isLessThanOrEqualTo(300);
      assertThat(p).startsWith("Sentence one").endsWith("here.");
    });
    assertThat(String.join("\n\n", parts)).isEqualTo(html);
  }

  @Test
  void should_never_cut_inside_entity_and_reopen_tags() {
    String html = "<b>" + "a&amp;b ".repeat(200) + "</b> <a href=\"https://x.example/?q=1&amp;r=2\">" + "link ".repeat(100) + "</a>";

    List<String> parts = new HtmlSplitter(128).split(html);

    assertThat(parts).hasSizeGreaterThan(5).allSatisfy(p -> {
      assertThat(p.length()).isLessThanOrEqualTo(128);
      assertThat(balanced(p)).as(p).isTrue();
      assertThat(p.replaceAll("&(amp|lt|gt|quot);", "")).doesNotContain("&");
    });
  }

  @Test
  void should_prefer_sentence_end_over_word_gap() {
    String html = "x".repeat(70) + ". " + "word ".repeat(30);

    List<String> parts = new HtmlSplitter(100).split(html);

    assertThat(parts.get(0)).endsWith("x.");
  }

  private static boolean balanced(String html) {
    java.util.Deque<String> open = new java.util.ArrayDeque<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      if (m.group().startsWith("</")) {
        if (open.isEmpty() || !open.pop().equals(m.group(1))) {
          return false;
        }
      } else {
        open.push(m.group(1));
      }
    }
    return open.isEmpty();
  }
}

package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.Article;
import dev.herald.text.Sentences;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

  static Article article(String text) {
    return new Article("art", "Title", "https://x.test/a", "S", null, Instant.parse("2025-10-16T00:00:00Z"), text);
  }

  static String sentences(int count, int wordsEach) {
    return IntStream.range(0, count)
        .mapToObj(i -> "Sentence" + i + " " + "word ".repeat(wordsEach - 2) + "end.")
        .collect(Collectors.joining(" "));
  }

  @Test
  void should_cut_long_articles_into_passages_of_100_to_250_words_with_ids_as_citation_keys() {
    Article a = article(sentences(60, 20)); // 1,200 words

    List<Passage> ps = PassageSplitter.standard().split(a);

    assertThat(ps).hasSizeGreaterThan(4);
    assertThat(ps).extracting(Passage::id).startsWith("art#0", "art#1");
    assertThat(ps).allSatisfy(p -> assertThat(PassageSplitter.wordCount(p.text())).isBetween(100, 250));
  }

  @Test
  void should_never_cut_a_sentence_and_should_quote_the_article_exactly() {
    Article a = article(sentences(40, 17));
    List<String> whole = Sentences.texts(a.text());

    for (Passage p : PassageSplitter.standard().split(a)) {
      assertThat(a.text().substring(p.start(), p.start() + p.text().length())).isEqualTo(p.text());
      assertThat(whole).containsAll(Sentences.texts(p.text()));
    }
  }

  @Test
  void should_repeat_a_short_last_sentence_at_the_start_of_the_next_passage() {
    Article a = article(sentences(40, 20));

    List<Passage> ps = PassageSplitter.standard().split(a);

    List<String> first = Sentences.texts(ps.get(0).text());
    assertThat(Sentences.texts(ps.get(1).text()).get(0)).isEqualTo(first.get(first.size() - 1));
  }

  @Test
  void should_keep_a_short_article_in_one_passage() {
    List<Passage> ps = PassageSplitter.standard().split(article("Short news. Only two sentences."));

    assertThat(ps).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("art#0");
      assertThat(p.text()).isEqualTo("Short news. Only two sentences.");
    });
  }
}

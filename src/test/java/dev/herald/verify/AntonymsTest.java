package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WordNet's antonyms, read from the data jar, by the stems the fact checks use. */
class AntonymsTest {

  static String stem(String word) {
    return Tokens.of(word).get(0).stem();
  }

  @Test
  void should_read_wordnet_from_the_class_path() {
    assertThat(Antonyms.size()).as("stems with an antonym").isGreaterThan(3000);
  }

  @Test
  void should_pair_verbs_nouns_and_adjectives_both_ways() {
    assertThat(Antonyms.opposite(stem("accepted"), stem("rejected"))).isTrue();
    assertThat(Antonyms.opposite(stem("rejected"), stem("accepted"))).isTrue();
    assertThat(Antonyms.opposite(stem("victory"), stem("defeat"))).isTrue();
    assertThat(Antonyms.opposite(stem("beginning"), stem("end"))).isTrue();
    assertThat(Antonyms.opposite(stem("early"), stem("late"))).isTrue();
    assertThat(Antonyms.opposite(stem("won"), stem("lose"))).as("irregular past forms meet their verb").isTrue();
  }

  @Test
  void should_not_pair_words_that_are_only_related() {
    assertThat(Antonyms.opposite(stem("rise"), stem("climb"))).isFalse();
    assertThat(Antonyms.opposite(stem("accept"), stem("welcome"))).isFalse();
    assertThat(Antonyms.of(stem("said"))).isEmpty();
  }

  @Test
  void should_take_comparatives_and_superlatives_back_to_their_adjective() {
    assertThat(Antonyms.forms(stem("higher"))).contains(stem("high"));
    assertThat(Antonyms.forms(stem("bigger"))).contains(stem("big"));
    assertThat(Antonyms.forms(stem("later"))).contains(stem("late"));
    assertThat(Antonyms.forms(stem("earliest"))).contains(stem("early"));
    assertThat(Antonyms.opposite(stem("higher"), stem("lower"))).isTrue();
    assertThat(Antonyms.opposite(stem("lower"), stem("raise"))).as("'lower' is a verb too").isTrue();
    assertThat(Antonyms.forms(stem("minister"))).as("a word that is no comparative stays itself").containsExactly(stem("minister"));
  }
}

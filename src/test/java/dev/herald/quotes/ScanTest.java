package dev.herald.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each scan against the regular expression it replaced, on many random strings built from the pieces
 * that make these expressions differ: quotation marks of every kind, letters touching them, cue words in
 * both cases and inside longer words, digits, "_", accented letters and combining marks.
 */
class ScanTest {

  private static final String[] PIECES = {
    " ", "  ", "\n", "\t", "\u00a0", "“", "”", "\"", "«", "»", "‘", "’", "'", ",", ".", "-", "_", "7", "é", "\u0301",
    "a", "Q", "x", "said", "Said", "SAID", "saying", "according", "According", "to", "To", "told", "reads", "read",
    "asked", "résumé", "unsaid", "said_", "wrote", "according to", "ſaid", "\u212Aelvin", "we", "Putin"
  };

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(14);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  @Test
  void words_counts_as_split_on_white_space_does() {
    Pattern ws = Pattern.compile("\\s+");
    Random r = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      String s = random(r);
      assertThat(Scan.words(s)).as("[%s]", s).isEqualTo(ws.split(s).length);
    }
    assertThat(Scan.words(" two words ")).isEqualTo(3);
  }

  @Test
  void quotation_masks_match_the_expressions_they_replaced() {
    Pattern quoted = Pattern.compile("(?:“[^”]*”?|\"[^\"]*\"?|«[^»]*»?|(?<![\\p{L}])‘[^’]*’(?![\\p{L}]))");
    Pattern closed = Pattern.compile("“[^”]*”|\"[^\"]*\"");
    Random r = new Random(2);
    for (int i = 0; i < 20_000; i++) {
      String s = random(r);
      assertThat(Scan.maskQuotations(s)).as("[%s]", s).isEqualTo(quoted.matcher(s).replaceAll(" Q "));
      assertThat(Scan.blankClosedQuotations(s)).as("[%s]", s).isEqualTo(closed.matcher(s).replaceAll(" "));
    }
    assertThat(Scan.maskQuotations("He said “we will win” and ‘tomorrow’ it’s over")).isEqualTo("He said  Q  and  Q  it’s over");
  }

  @Test
  void first_word_is_what_the_case_insensitive_word_pattern_finds() {
    Set<String> words = Set.of("said", "told", "read", "reads", "according", "asked", "wrote", "saying");
    Pattern cue = Pattern.compile("\\b(according to|" + String.join("|", words) + ")\\b", Pattern.CASE_INSENSITIVE);
    Random r = new Random(3);
    for (int i = 0; i < 50_000; i++) {
      String s = random(r);
      Matcher m = cue.matcher(s);
      String expected = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
      assertThat(Scan.firstWord(s, words)).as("[%s]", s).isEqualTo(expected);
    }
    assertThat(Scan.firstWord("The minister, According to reports, said", words)).isEqualTo("according to");
    assertThat(Scan.firstWord("an unsaid word was read", words)).isEqualTo("read");
  }

  @Test
  void next_quote_mark_skips_to_an_opening_mark() {
    assertThat(Scan.nextQuoteMark("no marks here", 0)).isEqualTo(-1);
    assertThat(Scan.nextQuoteMark("a “b” c \"d\"", 0)).isEqualTo(2);
    assertThat(Scan.nextQuoteMark("a “b” c \"d\"", 3)).isEqualTo(8);
  }
}

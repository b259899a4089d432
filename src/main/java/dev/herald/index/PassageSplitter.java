package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.text.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into sentence-aligned passages of about {@code minWords}..{@code maxWords} words. A
 * passage never cuts a sentence (a single sentence longer than the maximum becomes a passage of its
 * own), and each passage after the first repeats the previous passage's last sentence when that
 * sentence is short, so a fact spanning the boundary stays retrievable.
 */
public final class PassageSplitter {

  private final int minWords;
  private final int maxWords;
  private final int overlapMaxWords;

  /** Creates a splitter with the given bounds on passage length in words. */
  public PassageSplitter(int minWords, int maxWords, int overlapMaxWords) {
    if (minWords < 1 || maxWords < minWords) {
      throw new IllegalArgumentException("need 1 <= minWords <= maxWords");
    }
    this.minWords = minWords;
    this.maxWords = maxWords;
    this.overlapMaxWords = overlapMaxWords;
  }

  /** The default: 100 to 250 words with up to one sentence of 40 words of overlap. */
  public static PassageSplitter standard() {
    return new PassageSplitter(100, 250, 40);
  }

  /** Splits one article into its passages, numbered from 0. */
  public List<Passage> split(Article a) {
    String text = a.text();
    List<Sentences.Span> sentences = Sentences.split(text);
    int[] wordsOf = new int[sentences.size()];
    int[] wordsFrom = new int[sentences.size() + 1]; // words in sentences k.. end, so tails cost nothing
    for (int k = sentences.size() - 1; k >= 0; k--) {
      wordsOf[k] = wordCount(sentences.get(k).of(text));
      wordsFrom[k] = wordsFrom[k + 1] + wordsOf[k];
    }
    List<Passage> out = new ArrayList<>();
    int i = 0;
    while (i < sentences.size()) {
      int first = i;
      int words = 0;
      int last = i;
      while (last < sentences.size()) {
        int w = wordsOf[last];
        if (last > first && words + w > maxWords) {
          break;
        }
        words += w;
        last++;
        if (words >= minWords && endsParagraph(text, sentences, last) && words >= (minWords + maxWords) / 2) {
          break;
        }
      }
      // last is exclusive; merge a short tail into this passage rather than leaving a crumb.
      if (last < sentences.size() && wordsFrom[last] < minWords / 2
          && words + wordsFrom[last] <= maxWords + minWords / 2) {
        last = sentences.size();
      }
      int start = sentences.get(first).start();
      int end = sentences.get(last - 1).end();
      int n = out.size();
      out.add(
          new Passage(
              Passage.idOf(a.id(), n), a.id(), n, a.title(), a.url(), a.source(), a.author(),
              a.published(), start, text.substring(start, end)));
      if (last >= sentences.size()) {
        break;
      }
      int overlapWords = wordsOf[last - 1];
      i = (last - 1 > first && overlapWords <= overlapMaxWords) ? last - 1 : last;
    }
    return out;
  }

  private static boolean endsParagraph(String text, List<Sentences.Span> s, int next) {
    if (next >= s.size()) {
      return true;
    }
    String gap = text.substring(s.get(next - 1).end(), s.get(next).start());
    return gap.indexOf('\n') >= 0;
  }

  /** Counts whitespace-separated words. */
  public static int wordCount(String s) {
    int count = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        count++;
      }
      in = !ws;
    }
    return count;
  }
}

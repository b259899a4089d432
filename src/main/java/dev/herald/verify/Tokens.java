package dev.herald.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Words of a text with their stems and places, for the fact checks: unlike the index analysis no word
 * is dropped (negations and small words matter here), and common irregular verb forms are mapped to
 * their base form first, so that "sent" meets "send" and "won" meets "win".
 */
public final class Tokens {

  /**
   * One word.
   *
   * @param surface the word as written
   * @param stem the lower-cased, folded, stemmed form
   * @param start offset of the word in the text
   * @param end end offset of the word in the text
   */
  public record Token(String surface, String stem, int start, int end) {
    /** True when the word starts with an upper-case letter. */
    public boolean capitalised() {
      return !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0));
    }
  }

  // Past forms the Porter stemmer leaves apart from their verb; only verbs news answers use often.
  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("sent", "send"), Map.entry("won", "win"), Map.entry("lost", "lose"), Map.entry("took", "take"),
      Map.entry("taken", "take"), Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("held", "hold"),
      Map.entry("left", "leave"), Map.entry("made", "make"), Map.entry("rose", "rise"), Map.entry("risen", "rise"),
      Map.entry("fell", "fall"), Map.entry("fallen", "fall"), Map.entry("met", "meet"), Map.entry("led", "lead"),
      Map.entry("ran", "run"), Map.entry("began", "begin"), Map.entry("begun", "begin"), Map.entry("brought", "bring"),
      Map.entry("told", "tell"), Map.entry("found", "find"), Map.entry("kept", "keep"), Map.entry("paid", "pay"),
      Map.entry("sold", "sell"), Map.entry("spent", "spend"), Map.entry("struck", "strike"), Map.entry("chose", "choose"),
      Map.entry("chosen", "choose"), Map.entry("wrote", "write"), Map.entry("written", "write"), Map.entry("went", "go"),
      Map.entry("came", "come"), Map.entry("became", "become"), Map.entry("got", "get"), Map.entry("saw", "see"),
      Map.entry("seen", "see"), Map.entry("flew", "fly"), Map.entry("flown", "fly"), Map.entry("drove", "drive"),
      Map.entry("driven", "drive"), Map.entry("threw", "throw"), Map.entry("spoke", "speak"), Map.entry("spoken", "speak"),
      Map.entry("stole", "steal"), Map.entry("stolen", "steal"), Map.entry("broke", "break"), Map.entry("broken", "break"),
      Map.entry("grew", "grow"), Map.entry("grown", "grow"), Map.entry("fought", "fight"), Map.entry("bought", "buy"),
      Map.entry("sought", "seek"), Map.entry("thought", "think"), Map.entry("felt", "feel"), Map.entry("stood", "stand"),
      Map.entry("understood", "understand"), Map.entry("withdrew", "withdraw"), Map.entry("withdrawn", "withdraw"),
      Map.entry("shot", "shoot"), Map.entry("hung", "hang"), Map.entry("swore", "swear"), Map.entry("sworn", "swear"),
      Map.entry("beaten", "beat"), Map.entry("forgave", "forgive"), Map.entry("knew", "know"), Map.entry("known", "know"),
      Map.entry("shrank", "shrink"), Map.entry("shrunk", "shrink"), Map.entry("sank", "sink"), Map.entry("sunk", "sink"),
      // Synonyms news writes for one another, so that a negation on one meets the other ("no truce was agreed").
      Map.entry("truce", "ceasefire"), Map.entry("truces", "ceasefire"), Map.entry("armistice", "ceasefire"),
      Map.entry("settle", "resolve"), Map.entry("settles", "resolve"), Map.entry("settled", "resolve"));

  private static final Analyzer ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream t = new EnglishPossessiveFilter(source);
      t = new LowerCaseFilter(t);
      t = new ASCIIFoldingFilter(t);
      t = new Irregular(t);
      t = new PorterStemFilter(t);
      return new TokenStreamComponents(source, t);
    }
  };

  private Tokens() {}

  /** Splits {@code text} into words with stems and offsets, in order. */
  public static List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(text.substring(off.startOffset(), off.endOffset()), term.toString(), off.startOffset(), off.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in memory cannot fail", e);
    }
    return out;
  }

  /** How many of {@code words} {@code in} holds. */
  static int countIn(java.util.Set<String> words, java.util.Set<String> in) {
    int k = 0;
    for (String w : words) {
      if (in.contains(w)) {
        k++;
      }
    }
    return k;
  }

  /** True when {@code word} (lower case) is one of the irregular past forms mapped to their verb ("won", "led"). */
  static boolean irregularPast(String word) {
    return IRREGULAR.containsKey(word) && !IRREGULAR.get(word).equals("ceasefire");
  }

  /** Lower case without accents, every run of other characters than letters and digits made one space, padded with spaces. */
  public static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return " " + d.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
  }

  /** Maps irregular past forms to their verb before stemming. */
  private static final class Irregular extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    Irregular(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String base = IRREGULAR.get(term.toString());
      if (base != null) {
        term.setEmpty().append(base);
      }
      return true;
    }
  }
}

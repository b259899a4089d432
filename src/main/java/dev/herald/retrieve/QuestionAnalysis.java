package dev.herald.retrieve;

import dev.herald.index.HeraldAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analyses questions and sentences into index terms. Questions drop, beyond the usual English stop
 * words, the words that only make them questions ("what", "who", "did", "tell me about").
 */
public final class QuestionAnalysis {

  private static final List<String> QUESTION_WORDS =
      List.of(
          "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do",
          "has", "have", "had", "can", "could", "would", "should", "tell", "me", "about", "i", "you",
          "we", "us", "our", "my", "your", "any", "know", "latest", "newest", "recent", "recently",
          "news", "happened", "happen", "going", "been", "were", "am", "s", "'s", "whats", "please",
          "give", "show", "find", "some", "much", "many", "from", "its", "his", "her", "he", "she",
          "him", "them", "so", "far", "currently", "now", "update", "updates", "week", "according");

  private final Analyzer documentAnalyzer = new HeraldAnalyzer();
  private final Analyzer questionAnalyzer;

  /** Creates the analysers. */
  public QuestionAnalysis() {
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stop.addAll(QUESTION_WORDS);
    this.questionAnalyzer = new HeraldAnalyzer(stop);
  }

  /** Analyses a question into its content terms, in order, repeats kept. */
  public List<String> questionTerms(String question) {
    return terms(questionAnalyzer, question);
  }

  /** Analyses document text into terms exactly as the index does. */
  public List<String> documentTerms(String text) {
    return terms(documentAnalyzer, text);
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in memory cannot fail", e);
    }
    return out;
  }
}

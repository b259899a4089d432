package dev.herald.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for titles and passages: standard tokens, possessives removed, a country's names and
 * adjective made one term ({@link PlaceNameFilter}), lower case, accents
 * folded (so "Zelenskyy" and "Zelenskyy" with diacritics meet), English stop words removed, Porter
 * stemming.
 */
public final class HeraldAnalyzer extends Analyzer {

  private final CharArraySet stopWords;

  /** Creates the analyzer with Lucene's English stop words. */
  public HeraldAnalyzer() {
    this(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  /** Creates the analyzer with the given stop words (questions use a longer list). */
  public HeraldAnalyzer(CharArraySet stopWords) {
    this.stopWords = stopWords;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new PlaceNameFilter(result);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    result = new StopFilter(result, stopWords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}

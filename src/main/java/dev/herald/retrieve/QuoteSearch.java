package dev.herald.retrieve;

import dev.herald.index.NewsIndex;
import dev.herald.index.Passage;
import dev.herald.quotes.Quote;
import dev.herald.text.Sentences;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Searches the attributed quotes stored with the passages: by the words of a quotation (for "who said
 * …?") and by speaker and topic (for "what did X say about Y?"). Every quote returned has been checked,
 * at search time, to stand word for word in its article; one that does not is never returned.
 */
public final class QuoteSearch {

  private final NewsIndex index;
  private final QuestionAnalysis analysis;

  /** Creates a quote search over {@code index}. */
  public QuoteSearch(NewsIndex index, QuestionAnalysis analysis) {
    this.index = index;
    this.analysis = analysis;
  }

  /**
   * Finds quotes holding at least {@code minCoverage} of the words of {@code words}, best match first
   * and, among equally good matches, the earliest first.
   */
  public List<FoundQuote> byWords(String words, Instant asOf, double minCoverage, int k) throws IOException {
    List<String> terms = analysis.documentTerms(words);
    Set<String> wanted = new HashSet<>(terms);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<FoundQuote> out = new ArrayList<>();
    for (Quote quote : index.quotesMatching(wanted, asOf, 50)) {
      Set<String> have = new HashSet<>(analysis.documentTerms(quote.text()));
      double coverage = (double) wanted.stream().filter(have::contains).count() / wanted.size();
      if (coverage >= minCoverage) {
        verified(quote, coverage).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparingDouble((FoundQuote f) -> -Math.round(f.score() * 20) / 20.0)
        .thenComparing(f -> f.quote().published()));
    return out.subList(0, Math.min(k, out.size()));
  }

  /** Lists quotes whose speaker matches {@code speaker} (and, if given, that mention {@code about}), newest first. */
  public List<FoundQuote> bySpeaker(String speaker, String about, Instant asOf, int k) throws IOException {
    List<String> names = analysis.documentTerms(speaker);
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> topic = about == null ? List.of() : analysis.questionTerms(about);
    List<FoundQuote> out = new ArrayList<>();
    for (Quote quote : index.quotesBy(new HashSet<>(names), new HashSet<>(topic), asOf, Math.max(k * 3, 30))) {
      verified(quote, 1.0).ifPresent(out::add);
      if (out.size() == k) {
        break;
      }
    }
    return out;
  }

  /**
   * Rebuilds the article's text from its passages and keeps the quote only if every part stands there
   * at its offset; returns it with its passage and the exact sentence(s) around it.
   */
  private Optional<FoundQuote> verified(Quote quote, double score) throws IOException {
    List<Passage> passages = new ArrayList<>(index.passagesOf(quote.articleId()));
    passages.sort(Comparator.comparingInt(Passage::n));
    int length = 0;
    for (Passage p : passages) {
      length = Math.max(length, p.start() + p.text().length());
    }
    char[] article = new char[length];
    for (Passage p : passages) {
      p.text().getChars(0, p.text().length(), article, p.start());
    }
    for (int i = 0; i < quote.parts().size(); i++) {
      if (!standsAt(article, quote.parts().get(i), quote.starts().get(i))) {
        return Optional.empty();
      }
    }
    int first = quote.starts().get(0);
    Passage holder = passages.stream()
        .filter(p -> p.start() <= first && first < p.start() + p.text().length())
        .findFirst().orElse(null);
    if (holder == null) {
      return Optional.empty();
    }
    return Optional.of(new FoundQuote(quote, holder.id(), context(holder, quote), score));
  }

  /** Characters between passages (white space at a passage boundary) are unknown and match any white space. */
  static boolean standsAt(char[] article, String part, int start) {
    if (start < 0 || start + part.length() > article.length) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char a = article[start + i];
      char c = part.charAt(i);
      if (a != c && !(a == '\0' && Character.isWhitespace(c))) {
        return false;
      }
    }
    return true;
  }

  private static String context(Passage p, Quote q) {
    int from = q.starts().get(0) - p.start();
    int last = q.parts().size() - 1;
    int to = Math.min(p.text().length(), q.starts().get(last) + q.parts().get(last).length() - p.start());
    List<Sentences.Span> spans = Sentences.split(p.text());
    int s = from;
    int e = to;
    for (Sentences.Span sp : spans) {
      if (sp.start() <= from && from < sp.end()) {
        s = sp.start();
      }
      if (sp.start() < to && to <= sp.end()) {
        e = sp.end();
      }
    }
    return p.text().substring(s, Math.max(e, s));
  }
}

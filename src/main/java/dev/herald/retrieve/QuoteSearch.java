package dev.herald.retrieve;

import dev.herald.index.ArticleIndex;
import dev.herald.index.Fields;
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
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Searches the attributed quotes stored with the passages: by the words of a quotation (for "who said
 * …?") and by speaker and topic (for "what did X say about Y?"). Every quote returned has been checked,
 * at search time, to stand word for word in its article; one that does not is never returned.
 */
public final class QuoteSearch {

  private final ArticleIndex index;
  private final QuestionAnalysis analysis;

  /** Creates a quote search over {@code index}. */
  public QuoteSearch(ArticleIndex index, QuestionAnalysis analysis) {
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
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : wanted) {
      any.add(new TermQuery(new Term(Fields.QUOTE_TEXT, t)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery q = new BooleanQuery.Builder()
        .add(any.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, asOf.toEpochMilli()), BooleanClause.Occur.FILTER)
        .build();
    IndexSearcher s = index.acquire();
    try {
      List<FoundQuote> out = new ArrayList<>();
      StoredFields stored = s.storedFields();
      for (ScoreDoc sd : s.search(q, 50).scoreDocs) {
        Quote quote = ArticleIndex.toQuote(stored.document(sd.doc));
        Set<String> have = new HashSet<>(analysis.documentTerms(quote.text()));
        double coverage = (double) wanted.stream().filter(have::contains).count() / wanted.size();
        if (coverage >= minCoverage) {
          verified(s, quote, coverage).ifPresent(out::add);
        }
      }
      out.sort(Comparator.comparingDouble((FoundQuote f) -> -Math.round(f.score() * 20) / 20.0)
          .thenComparing(f -> f.quote().published()));
      return out.subList(0, Math.min(k, out.size()));
    } finally {
      index.release(s);
    }
  }

  /** Lists quotes whose speaker matches {@code speaker} (and, if given, that mention {@code about}), newest first. */
  public List<FoundQuote> bySpeaker(String speaker, String about, Instant asOf, int k) throws IOException {
    List<String> names = analysis.documentTerms(speaker);
    if (names.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, asOf.toEpochMilli()), BooleanClause.Occur.FILTER);
    for (String n : new HashSet<>(names)) {
      q.add(new TermQuery(new Term(Fields.SPEAKER, n)), BooleanClause.Occur.FILTER);
    }
    List<String> topic = about == null ? List.of() : analysis.questionTerms(about);
    if (!topic.isEmpty()) {
      BooleanQuery.Builder t = new BooleanQuery.Builder();
      for (String w : new HashSet<>(topic)) {
        t.add(new TermQuery(new Term(Fields.QUOTE_TEXT, w)), BooleanClause.Occur.SHOULD);
      }
      q.add(t.build(), BooleanClause.Occur.MUST);
    }
    IndexSearcher s = index.acquire();
    try {
      List<FoundQuote> out = new ArrayList<>();
      StoredFields stored = s.storedFields();
      Sort newest = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true));
      for (ScoreDoc sd : s.search(q.build(), Math.max(k * 3, 30), newest).scoreDocs) {
        verified(s, ArticleIndex.toQuote(stored.document(sd.doc)), 1.0).ifPresent(out::add);
        if (out.size() == k) {
          break;
        }
      }
      return out;
    } finally {
      index.release(s);
    }
  }

  /**
   * Rebuilds the article's text from its passages and keeps the quote only if every part stands there
   * at its offset; returns it with its passage and the exact sentence(s) around it.
   */
  private Optional<FoundQuote> verified(IndexSearcher s, Quote quote, double score) throws IOException {
    BooleanQuery q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ARTICLE_ID, quote.articleId())), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
        .build();
    List<Passage> passages = new ArrayList<>();
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : s.search(q, 1000).scoreDocs) {
      passages.add(ArticleIndex.toPassage(stored.document(sd.doc)));
    }
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

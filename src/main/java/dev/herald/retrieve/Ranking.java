package dev.herald.retrieve;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ranking rules every {@link Retriever} shares, so that both backends rank alike. */
final class Ranking {

  private static final Duration REPORTING_GRACE = Duration.ofDays(1);

  private Ranking() {}

  /** The question with its time window; an explicit {@code since} replaces the window the words name. */
  static ParsedQuestion parse(TimeExpressions time, SearchRequest request) {
    ParsedQuestion parsed = time.parse(request.question(), request.asOf());
    if (request.since() != null) {
      // An explicit window has no expression, so it gets neither the grace day nor the open fallback.
      parsed = new ParsedQuestion(parsed.text(), parsed.searchText(),
          new TimeWindow(request.since(), request.asOf(), parsed.window().wantsLatest(), null));
    }
    return parsed;
  }

  /** The analysed search terms of a question; one made only of question words is searched by what it said. */
  static List<String> terms(QuestionAnalysis analysis, ParsedQuestion parsed) {
    List<String> terms = analysis.questionTerms(parsed.searchText());
    return terms.isEmpty() ? analysis.documentTerms(parsed.searchText()) : terms;
  }

  /**
   * The terms of the question's names: capitalised words other than its first ("Where did Trump and
   * Putin meet?" gives trump, putin), which {@code retrieval.entity-boost} weighs more.
   */
  static Set<String> entityTerms(QuestionAnalysis analysis, RetrievalSettings settings, String question) {
    if (settings.entityBoost() <= 0) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    String[] words = question.strip().split("\\s+");
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))) {
        out.addAll(analysis.documentTerms(words[i]));
      }
    }
    return out;
  }

  /** The window without its expression: all of the past up to the as-of moment. */
  static TimeWindow open(TimeWindow window, Instant asOf) {
    return new TimeWindow(null, asOf, window.wantsLatest(), null);
  }

  /** The first millisecond a window admits. */
  static long from(TimeWindow window) {
    return window.from() == null ? Long.MIN_VALUE : window.from().toEpochMilli();
  }

  /**
   * The last millisecond a window admits. News of a day is often published the morning after ("over
   * the weekend" is reported on Monday), so a named window stays open one more day, never past the
   * as-of moment; the as-of moment itself is visible.
   */
  static long to(TimeWindow window, Instant asOf) {
    long to = window.to().toEpochMilli();
    if (window.expression() != null) {
      to = Math.min(asOf.toEpochMilli(), to + REPORTING_GRACE.toMillis());
    }
    return to;
  }

  /**
   * A candidate's score after the recency prior: for "latest" questions freshness takes a fixed share
   * of the ranking (relative to the best score {@code max}); otherwise it is a mild bonus.
   */
  static double withRecency(RetrievalSettings settings, boolean latest, float score, float max, long publishedMillis, Instant asOf) {
    double halfLifeMs = settings.recencyHalfLifeDays() * Duration.ofDays(1).toMillis();
    double ageMs = Math.max(0, asOf.toEpochMilli() - publishedMillis);
    double fresh = Math.pow(0.5, ageMs / halfLifeMs);
    return latest
        ? (1 - settings.latestRecencyWeight()) * score / max + settings.latestRecencyWeight() * fresh
        : score * (1 + settings.recencyWeight() * fresh);
  }
}

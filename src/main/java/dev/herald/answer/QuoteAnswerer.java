package dev.herald.answer;

import dev.herald.question.Intent;
import dev.herald.quotes.Quote;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.FoundQuote;
import dev.herald.retrieve.QuoteSearch;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "who said …?" and "what did X say about Y?" from the quote index. Every quote shown has been
 * verified word for word against its article by {@link QuoteSearch}; a direct quotation is shown in
 * quotation marks, reported speech as the article's own sentence. When the index holds no good match,
 * it answers nothing and the question goes to the ordinary composer.
 */
public final class QuoteAnswerer {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final QuoteSearch quotes;
  private final double minCoverage;
  private final ZoneId zone;
  private final QuestionAnalysis analysis;

  /**
   * Creates the answerer; a "who said" match must hold {@code minCoverage} of the asked words (below it,
   * the ordinary composer's sentence search, which tolerates loosely remembered words, answers).
   */
  public QuoteAnswerer(QuoteSearch quotes, double minCoverage, ZoneId zone, QuestionAnalysis analysis) {
    this.quotes = quotes;
    this.analysis = analysis;
    this.minCoverage = minCoverage;
    this.zone = zone;
  }

  /**
   * Answers a "who said" or "what did X say" intent from the quote index, or returns empty when the
   * intent is of another kind or nothing matches.
   */
  public Optional<Answer> answer(String question, Intent intent, Instant asOf) throws IOException {
    if (intent instanceof Intent.WhoSaid w) {
      return whoSaid(question, w.words(), asOf);
    }
    if (intent instanceof Intent.WhatDidXSay x) {
      return whatDidTheySay(question, x.speaker(), x.topic(), asOf);
    }
    return Optional.empty();
  }

  private Optional<Answer> whoSaid(String question, String words, Instant asOf) throws IOException {
    List<FoundQuote> found = quotes.byWords(words, asOf, minCoverage, 10);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    double best = found.get(0).score();
    // Several people may have said it: everyone matching about as well, earliest first, once each.
    Map<String, FoundQuote> bySpeaker = new LinkedHashMap<>();
    found.stream()
        .filter(f -> f.score() >= best - 0.05)
        .sorted((a, b) -> a.quote().published().compareTo(b.quote().published()))
        .forEach(f -> bySpeaker.putIfAbsent(f.quote().speaker(), f));
    List<FoundQuote> shown = new ArrayList<>(bySpeaker.values()).subList(0, Math.min(3, bySpeaker.size()));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      FoundQuote f = shown.get(i);
      text.append(i == 0 ? "It was " : " Also ").append(who(f.quote())).append(": ").append(words(f))
          .append(" (").append(f.quote().source()).append(", ").append(DAY.format(f.quote().published().atZone(zone))).append(")")
          .append(" [").append(i + 1).append("]");
    }
    return Optional.of(new Answer(question, asOf, text.toString(), false, ExtractiveComposer.MODE, citations(shown)));
  }

  private Optional<Answer> whatDidTheySay(String question, String speaker, String topic, Instant asOf) throws IOException {
    List<FoundQuote> found = topic == null ? quotes.bySpeaker(speaker, null, asOf, 5)
        : quotes.bySpeaker(speaker, topic, asOf, 20).stream().filter(f -> about(f, speaker, topic)).limit(5).toList();
    if (!found.isEmpty()) {
      return Optional.of(listing(question, found.get(0).quote().speaker() + (topic == null ? "" : " on " + topic) + ", newest first:",
          found, asOf));
    }
    if (topic == null) {
      return Optional.empty();
    }
    // Nothing of X's is about Y: say so, and offer X's newest statements only as what they are.
    List<FoundQuote> nearest = quotes.bySpeaker(speaker, null, asOf, 3);
    if (nearest.isEmpty()) {
      // No quote of X at all (often X is named by a role, "the chief justice"): the sentence search
      // answers, from sentences that hold the question's words.
      return Optional.empty();
    }
    String who = nearest.get(0).quote().speaker();
    return Optional.of(listing(question, "I found no statement by " + who + " about " + topic + ". " + who
        + "'s newest statements, which are not about " + topic + ":", nearest, asOf));
  }

  /**
   * Whether a quote is about the topic: its words and the sentence around them hold at least half of the
   * topic's own words (the speaker's name left out), so that one shared word ("deal") is not enough.
   */
  private boolean about(FoundQuote f, String speaker, String topic) {
    Set<String> wanted = new HashSet<>(analysis.questionTerms(topic));
    wanted.removeAll(analysis.documentTerms(speaker));
    if (wanted.isEmpty()) {
      return true;
    }
    Set<String> held = new HashSet<>(analysis.documentTerms(f.quote().text() + "\n" + f.context()));
    long hits = wanted.stream().filter(held::contains).count();
    return hits >= Math.max(1, (wanted.size() + 1) / 2);
  }

  private Answer listing(String question, String header, List<FoundQuote> found, Instant asOf) {
    StringBuilder text = new StringBuilder(header);
    for (int i = 0; i < found.size(); i++) {
      FoundQuote f = found.get(i);
      text.append("\n• ").append(DAY.format(f.quote().published().atZone(zone))).append(": ").append(words(f))
          .append(" [").append(i + 1).append("]");
    }
    return new Answer(question, asOf, text.toString(), false, ExtractiveComposer.MODE, citations(found));
  }

  private static String who(Quote q) {
    return q.role() == null ? q.speaker() : q.speaker() + ", " + q.role();
  }

  /** A direct quotation in quotation marks; reported speech as the article's own sentence. */
  private static String words(FoundQuote f) {
    return f.quote().direct() ? "“" + f.quote().text() + "”" : f.context();
  }

  private static List<Citation> citations(List<FoundQuote> found) {
    List<Citation> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      FoundQuote f = found.get(i);
      Quote q = f.quote();
      out.add(new Citation(i + 1, q.articleId(), f.passageId(), q.title(), q.url(), q.source(), q.published(), f.context()));
    }
    return out;
  }
}

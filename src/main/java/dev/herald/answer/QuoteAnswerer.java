package dev.herald.answer;

import dev.herald.quotes.Quote;
import dev.herald.retrieve.FoundQuote;
import dev.herald.retrieve.QuoteSearch;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "who said …?" and "what did X say about Y?" from the quote index. Every quote shown has been
 * verified word for word against its article by {@link QuoteSearch}; a direct quotation is shown in
 * quotation marks, reported speech as the article's own sentence. When the index holds no good match,
 * it answers nothing and the question goes to the ordinary composer.
 */
public final class QuoteAnswerer {

  private static final Pattern WHAT_DID =
      Pattern.compile("^\\s*what\\s+(?:did|has|have|does|do)\\s+(.+?)\\s+(?:say|said|tell|told|write|written|think|thinks|claim|claimed|warn|warned)(?:\\s+(?:about|on|regarding|of|concerning)\\s+(.+?))?\\s*\\??\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final QuoteSearch quotes;
  private final double minCoverage;
  private final ZoneId zone;

  /**
   * Creates the answerer; a "who said" match must hold {@code minCoverage} of the asked words (below it,
   * the ordinary composer's sentence search, which tolerates loosely remembered words, answers).
   */
  public QuoteAnswerer(QuoteSearch quotes, double minCoverage, ZoneId zone) {
    this.quotes = quotes;
    this.minCoverage = minCoverage;
    this.zone = zone;
  }

  /** Returns the speaker and topic a "what did X say about Y?" question asks about, if it is one. */
  public static Optional<String[]> speakerAskedAbout(String question) {
    Matcher m = WHAT_DID.matcher(question);
    if (!m.matches()) {
      return Optional.empty();
    }
    String speaker = m.group(1).replaceFirst("(?i)^the\\s+", "").strip();
    return Optional.of(new String[] {speaker, m.group(2) == null ? null : m.group(2).strip()});
  }

  /** Answers from the quote index, or returns empty when the question is of another kind or nothing matches. */
  public Optional<Answer> answer(String question, Instant asOf) throws IOException {
    Optional<String> words = ExtractiveComposer.quotationAskedAbout(question);
    if (words.isPresent()) {
      return whoSaid(question, words.get(), asOf);
    }
    Optional<String[]> about = speakerAskedAbout(question);
    if (about.isPresent()) {
      return whatDidTheySay(question, about.get()[0], about.get()[1], asOf);
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
    List<FoundQuote> found = quotes.bySpeaker(speaker, topic, asOf, 5);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(found.get(0).quote().speaker())
        .append(topic == null ? "" : " on " + topic).append(", newest first:");
    for (int i = 0; i < found.size(); i++) {
      FoundQuote f = found.get(i);
      text.append("\n• ").append(DAY.format(f.quote().published().atZone(zone))).append(": ").append(words(f))
          .append(" [").append(i + 1).append("]");
    }
    return Optional.of(new Answer(question, asOf, text.toString(), false, ExtractiveComposer.MODE, citations(found)));
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

package dev.herald.answer;

import dev.herald.index.Passage;
import dev.herald.quotes.AttributionFinder;
import dev.herald.quotes.Speaker;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.text.Sentences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default: answers by choosing the sentences of the top passages that best cover the
 * question's weighted terms, each quoted exactly and cited. It abstains when no sentence covers enough of
 * the question. A "who said ..." question is answered with the sentence holding the quotation and the
 * speaker its attribution names.
 */
public final class ExtractiveComposer {

  /** The mode name reported in answers. */
  public static final String MODE = "extractive";

  /** The reply when the sources do not cover a question. */
  public static final String NOT_COVERED =
      "My sources do not cover this question, so I would rather not guess.";

  private static final Pattern WHO_SAID =
      Pattern.compile("^\\s*who\\s+(?:has\\s+|had\\s+)?(said|says|stated|told|warned|called|described|claimed|declared|wrote|tweeted|argued|insisted|promised|vowed|added|remarked|predicted|suggested|asked|urged)\\b\\s*(?:that\\s+)?(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** How much a sentence's score follows its passage's retrieval score (the rest is its own coverage). */
  static final double RETRIEVAL_SHARE = 0.5;

  private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{N}[\\p{N},.]*\\p{N}");
  private static final Pattern DANGLING =
      Pattern.compile("(?:He|She|They|It|This|That|These|Those|His|Her|Their|Afterwards he|Afterwards she)\\b");
  // Each kind of quotation mark pairs with its own closer, so an apostrophe inside ("don’t") does not end it.
  private static final Pattern QUOTED = Pattern.compile("“([^”]{3,})”?|\"([^\"]{3,})\"?|«([^»]{3,})»?|(?<![\\p{L}])['‘]([^’']{3,})['’](?![\\p{L}])");

  private final QuestionAnalysis analysis;
  private final AttributionFinder attributions;
  private final AnswerSettings settings;

  /** Creates a composer. */
  public ExtractiveComposer(QuestionAnalysis analysis, AttributionFinder attributions, AnswerSettings settings) {
    this.analysis = analysis;
    this.attributions = attributions;
    this.settings = settings;
  }

  /** Composes the answer to the retrieval's question as of {@code asOf}. */
  public Answer compose(Retrieval retrieval, Instant asOf) {
    String question = retrieval.question().text();
    Optional<String> quote = quotationAskedAbout(question);
    if (quote.isPresent()) {
      Answer a = whoSaid(question, quote.get(), retrieval, asOf);
      if (a != null) {
        return a;
      }
    }
    return summary(question, retrieval, asOf);
  }

  /** Returns the words a "who said ..." question asks about, if it is one. */
  public static Optional<String> quotationAskedAbout(String question) {
    Matcher m = WHO_SAID.matcher(question.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group(2);
    Matcher q = QUOTED.matcher(rest);
    String words = rest;
    if (q.find()) {
      for (int g = 1; g <= q.groupCount(); g++) {
        if (q.group(g) != null) {
          words = q.group(g);
          break;
        }
      }
    }
    words = words.replaceAll("[?.!\\s]+$", "").strip();
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }

  private record Candidate(ScoredPassage passage, int rank, Sentences.Span span, String text, Set<String> terms, double coverage, double score) {}

  private Answer summary(String question, Retrieval retrieval, Instant asOf) {
    if (namesSomethingUnknown(retrieval)) {
      return abstain(question, asOf);
    }
    Map<String, Float> weights = retrieval.termWeights();
    double total = weights.values().stream().mapToDouble(Float::doubleValue).sum();
    List<ScoredPassage> top = retrieval.passages().stream().limit(settings.passagesConsidered()).toList();
    if (top.isEmpty() || total <= 0) {
      return abstain(question, asOf);
    }
    float best = top.get(0).score();
    List<Candidate> candidates = new ArrayList<>();
    double bestPassageCoverage = 0;
    for (int r = 0; r < top.size(); r++) {
      ScoredPassage sp = top.get(r);
      String text = sp.passage().text();
      double passageCoverage = coverage(weights, total, new HashSet<>(analysis.documentTerms(sp.passage().title() + "\n" + text)));
      bestPassageCoverage = Math.max(bestPassageCoverage, passageCoverage);
      Set<String> titleTerms = new HashSet<>(analysis.documentTerms(sp.passage().title()));
      boolean firstSentence = sp.passage().n() == 0;
      for (Sentences.Span span : Sentences.split(text)) {
        String s = span.of(text);
        int words = s.split("\\s+").length;
        if (words < 5 || words > 90) {
          firstSentence = false;
          continue;
        }
        Set<String> terms = new HashSet<>(analysis.documentTerms(s));
        Set<String> judged = terms;
        if (firstSentence) {
          // A news lead restates its headline; judge it with the headline's words as well.
          judged = new HashSet<>(terms);
          judged.addAll(titleTerms);
          firstSentence = false;
        }
        double coverage = coverage(weights, total, judged);
        // A sentence is judged on its own words and, less, on the passage around it: the passage
        // often names who and where while the sentence says what.
        double score = (0.65 * coverage + 0.35 * passageCoverage) * (1 - RETRIEVAL_SHARE + RETRIEVAL_SHARE * sp.score() / best) - 0.002 * words;
        candidates.add(new Candidate(sp, r, span, s, terms, coverage, score));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    if (candidates.isEmpty()
        || bestPassageCoverage < settings.minCoverage()
        || candidates.get(0).coverage() < settings.minCoverage() / 4) {
      return abstain(question, asOf);
    }
    List<Candidate> chosen = new ArrayList<>();
    Candidate first = candidates.get(0);
    for (Candidate c : candidates) {
      if (chosen.size() >= settings.maxSentences()) {
        break;
      }
      if (c.score() < 0.6 * first.score() || c.coverage() < settings.minCoverage() / 4) {
        break;
      }
      if (chosen.stream().anyMatch(o -> redundant(o, c))) {
        continue;
      }
      chosen.add(c);
    }
    return cite(question, asOf, withAntecedents(chosen), null);
  }

  /** Puts the preceding sentence before a chosen one that opens with a pronoun, so "He said" has a who. */
  private static List<Candidate> withAntecedents(List<Candidate> chosen) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : chosen) {
      if (DANGLING.matcher(c.text()).lookingAt()) {
        String text = c.passage().passage().text();
        List<Sentences.Span> spans = Sentences.split(text);
        int at = spans.indexOf(c.span());
        if (at > 0) {
          Sentences.Span prev = spans.get(at - 1);
          boolean present = out.stream().anyMatch(o -> o.passage() == c.passage() && o.span().equals(prev))
              || chosen.stream().anyMatch(o -> o.passage() == c.passage() && o.span().equals(prev));
          if (!present) {
            out.add(new Candidate(c.passage(), c.rank(), prev, prev.of(text), Set.of(), 0, 0));
          }
        }
      }
      out.add(c);
    }
    return out;
  }

  private Answer whoSaid(String question, String quote, Retrieval retrieval, Instant asOf) {
    List<String> quoteTerms = analysis.documentTerms(quote);
    if (quoteTerms.isEmpty()) {
      return null;
    }
    Set<String> wanted = new HashSet<>(quoteTerms);
    Candidate best = null;
    List<ScoredPassage> passages = retrieval.passages();
    for (int r = 0; r < passages.size(); r++) {
      ScoredPassage sp = passages.get(r);
      String text = sp.passage().text();
      for (Sentences.Span span : Sentences.split(text)) {
        String s = span.of(text);
        Set<String> terms = new HashSet<>(analysis.documentTerms(s));
        long hits = wanted.stream().filter(terms::contains).count();
        double coverage = (double) hits / wanted.size();
        double score = coverage - 0.01 * r;
        if (best == null || score > best.score()) {
          best = new Candidate(sp, r, span, s, terms, coverage, score);
        }
      }
    }
    if (best == null || best.coverage() < settings.minQuoteCoverage()) {
      return null;
    }
    Passage p = best.passage().passage();
    String text = p.text();
    String before = text.substring(0, best.span().start());
    Optional<Speaker> speaker = attributions.find(best.text(), before);
    List<Candidate> cited = new ArrayList<>(List.of(best));
    if (speaker.isEmpty()) {
      // A quotation split around its cue ("“A,” X said. “B.”") names the speaker in a neighbour.
      List<Sentences.Span> spans = Sentences.split(text);
      int at = spans.indexOf(best.span());
      for (int d : new int[] {-1, 1}) {
        int k = at + d;
        if (k < 0 || k >= spans.size()) {
          continue;
        }
        Sentences.Span nb = spans.get(k);
        speaker = attributions.find(nb.of(text), text.substring(0, nb.start()));
        if (speaker.isPresent()) {
          Candidate c = new Candidate(best.passage(), best.rank(), nb, nb.of(text), Set.of(), 0, 0);
          if (d < 0) {
            cited.add(0, c);
          } else {
            cited.add(c);
          }
          break;
        }
      }
    }
    if (speaker.isEmpty()) {
      return null;
    }
    String surname = speaker.get().name().substring(speaker.get().name().lastIndexOf(' ') + 1);
    if (cited.stream().noneMatch(c -> c.text().contains(surname))) {
      // The speaker came from a pronoun ("He cautioned: ..."): cite the sentence that names them too.
      cited = withAntecedents(cited);
    }
    String lead = "It was " + speaker.get().name() + (speaker.get().role() == null ? "" : ", " + speaker.get().role()) + ":";
    return cite(question, asOf, cited, lead);
  }

  /**
   * Whether the question names a number (a year such as "2030", a figure) that no article in the index
   * mentions at all: then any answer would be about something else. Unknown capitalised words are not
   * enough on their own: "Switzerland" or "Iranian" often stand for "Geneva" or "Iran" in the source.
   */
  private boolean namesSomethingUnknown(Retrieval retrieval) {
    if (retrieval.unknownTerms().isEmpty()) {
      return false;
    }
    Matcher m = NAMED.matcher(retrieval.question().searchText());
    while (m.find()) {
      for (String t : analysis.documentTerms(m.group())) {
        if (retrieval.unknownTerms().contains(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private static double coverage(Map<String, Float> weights, double total, Set<String> terms) {
    double covered = 0;
    for (var e : weights.entrySet()) {
      if (terms.contains(e.getKey())) {
        covered += e.getValue();
      }
    }
    return covered / total;
  }

  private static boolean redundant(Candidate a, Candidate b) {
    if (a.text().equals(b.text())) {
      return true;
    }
    Set<String> inter = new HashSet<>(a.terms());
    inter.retainAll(b.terms());
    int smaller = Math.min(a.terms().size(), b.terms().size());
    return smaller > 0 && inter.size() >= 0.7 * smaller;
  }

  private Answer cite(String question, Instant asOf, List<Candidate> chosen, String lead) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    Map<String, List<Candidate>> byPassage = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder(lead == null ? "" : lead);
    if (lead != null) {
      // the lead and the quoted sentences share one citation, given once at the end
      String pid = chosen.get(0).passage().passage().id();
      numbers.put(pid, 1);
      List<Candidate> inOrder = new ArrayList<>(chosen);
      inOrder.sort(Comparator.comparingInt(c -> c.span().start()));
      byPassage.put(pid, inOrder);
      for (Candidate c : inOrder) {
        text.append(' ').append(c.text());
      }
      text.append(" [1]");
    } else {
      for (Candidate c : chosen) {
        String pid = c.passage().passage().id();
        int n = numbers.computeIfAbsent(pid, k -> numbers.size() + 1);
        byPassage.computeIfAbsent(pid, k -> new ArrayList<>()).add(c);
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(c.text()).append(" [").append(n).append(']');
      }
    }
    List<Citation> citations = new ArrayList<>();
    for (var e : numbers.entrySet()) {
      List<Candidate> cs = new ArrayList<>(byPassage.get(e.getKey()));
      cs.sort(Comparator.comparingInt(c -> c.span().start()));
      Passage p = cs.get(0).passage().passage();
      String quoted = String.join(" … ", cs.stream().map(Candidate::text).toList());
      citations.add(new Citation(e.getValue(), p.articleId(), p.id(), p.title(), p.url(), p.source(), p.published(), quoted));
    }
    return new Answer(question, asOf, text.toString(), false, MODE, List.copyOf(citations));
  }

  private static Answer abstain(String question, Instant asOf) {
    return new Answer(question, asOf, NOT_COVERED, true, MODE, List.of());
  }
}

package dev.herald.answer;

import dev.herald.index.Passage;
import dev.herald.index.PassageSplitter;
import dev.herald.question.AnswerType;
import dev.herald.question.Intent;
import dev.herald.question.QuestionRouter;
import dev.herald.quotes.AttributionFinder;
import dev.herald.quotes.Speaker;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.TimeExpressions;
import dev.herald.text.Sentences;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: answers by choosing the sentences of the top passages that best cover the
 * question's weighted terms, each quoted exactly and cited. It abstains when no sentence covers enough of
 * the question. A "who said ..." question is answered with the sentence holding the quotation and the
 * speaker its attribution names.
 */
public final class ExtractiveComposer {

  private static final Logger log = LoggerFactory.getLogger(ExtractiveComposer.class);

  /** The mode name reported in answers. */
  public static final String MODE = "extractive";

  /** The reply when the sources do not cover a question. */
  public static final String NOT_COVERED =
      "My sources do not cover this question, so I would rather not guess.";

  /** How much a sentence's score follows its passage's retrieval score (the rest is its own coverage). */
  static final double RETRIEVAL_SHARE = 0.5;

  private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{N}[\\p{N},.]*\\p{N}");
  private static final Set<AnswerType> TYPED =
      Set.of(AnswerType.PERSON, AnswerType.PLACE, AnswerType.TIME, AnswerType.NUMBER, AnswerType.NAMED);
  private static final Map<AnswerType, String> STATED =
      Map.of(AnswerType.PERSON, "who", AnswerType.PLACE, "where", AnswerType.TIME, "when", AnswerType.NUMBER, "how many or how much");
  // Compiled once (String.matches compiles anew on each call; these run for every span weighed).
  private static final Pattern BARE_FIGURE_OR_WORD = Pattern.compile("[\\d,.]+|\\p{Ll}+");
  private static final Pattern PERCENTAGE = Pattern.compile("(?s).*(?:%|percent|per cent).*");
  static final double TYPED_BONUS = 0.25;
  /** Span quality from which the answer leads with the span. */
  static final double CONFIDENT = 0.5;
  /** Share of the best sentence's score a sentence holding a confident span must reach to answer instead. */
  static final double TYPED_FLOOR = 0.6;
  /** Share of {@code answer.min-coverage} under which nothing answers, whatever its type. */
  static final double LOOSE_COVERAGE_SHARE = 0.67;
  private static final int CANDIDATES_FOR_NOTE = 5;
  static final double TENSE_BONUS = 0.08;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
  private static final Pattern FUTURE = Pattern.compile(
      "\\b(will|would|plans?|planned|planning|scheduled|set to|expected|upcoming|next|to be held|agreed to|proposed|could|intends?)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PAST = Pattern.compile("\\b(met|held|took place|was held|were held|last)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPORTED_WHEN = Pattern.compile(
      "\\b(?:said|says|announced|told|met|held|was|were|agreed|called|spoke|reported|added)\\s+(?:\\w+\\s+){0,2}(?:on|in|at)?\\s*$");
  private static final Pattern COUNTED = Pattern.compile(
      "\\bhow\\s+(?:many|much)\\s+((?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+)(?=\\s+(?:did|do|does|was|were|is|are|has|have|had|will|would|can|could)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UNIT = Pattern.compile("[ -](\\p{L}+)");
  private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");
  private static final Pattern SINCE = Pattern.compile("\\b(?:since|until|till|before|after|as early as|as late as)\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
  private static final String CLAUSE_END = ",;:()—–";
  private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}[\\p{L}'’]+");
  private static final Pattern OBJECT_PREPOSITION = Pattern.compile("\\b(?:against|to|by|from|with|over|than|beat|defeated)\\s+(?:the\\s+)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> PROPORTION = Set.of("percentage", "percent", "share", "proportion", "fraction");
  private static final Pattern DANGLING =
      Pattern.compile("(?:He|She|They|It|This|That|These|Those|His|Her|Their|Afterwards he|Afterwards she)\\b");
  private final QuestionAnalysis analysis;
  private final AttributionFinder attributions;
  private final AnswerSettings settings;
  private final QuestionRouter router;

  /** Creates a composer reading time words in UTC. */
  public ExtractiveComposer(QuestionAnalysis analysis, AttributionFinder attributions, AnswerSettings settings) {
    this(analysis, attributions, settings, new QuestionRouter(new TimeExpressions(ZoneOffset.UTC), analysis));
  }

  /** Creates a composer that routes questions it is given without their intent with {@code router}. */
  public ExtractiveComposer(QuestionAnalysis analysis, AttributionFinder attributions, AnswerSettings settings, QuestionRouter router) {
    this.analysis = analysis;
    this.router = router;
    this.attributions = attributions;
    this.settings = settings;
  }

  /**
   * How many of {@code k} retrieved passages {@link #compose} reads for a question of {@code intent}: all
   * of them to find who said a quotation, the first {@code passages-considered} otherwise.
   */
  public int passagesRead(Intent intent, int k) {
    return intent instanceof Intent.WhoSaid ? k : Math.min(k, settings.passagesConsidered());
  }

  /** Composes the answer to the retrieval's question as of {@code asOf}, routing the question itself. */
  public Answer compose(Retrieval retrieval, Instant asOf) {
    return compose(retrieval, asOf, router.intent(retrieval.question().text(), asOf));
  }

  /** Composes the answer to the retrieval's question, whose intent is already known, as of {@code asOf}. */
  public Answer compose(Retrieval retrieval, Instant asOf, Intent intent) {
    String question = retrieval.question().text();
    if (intent instanceof Intent.WhoSaid w) {
      Answer a = whoSaid(question, w.words(), retrieval, asOf);
      if (a != null) {
        return a;
      }
    }
    // A "who said" whose attribution could not be read gets the sentences around the words, so that the
    // reader sees who is quoted nearby (the full answer length: that is what it has instead of a name).
    Intent.Fact fact = intent instanceof Intent.Fact f ? f
        : new Intent.Fact(AnswerType.DESCRIPTION, null, false, intent instanceof Intent.WhoSaid);
    return summary(question, retrieval, asOf, fact);
  }

  private record Candidate(
      ScoredPassage passage, int rank, Sentences.Span span, String text, Set<String> terms, double coverage, double score,
      AnswerSpans.Span answer, boolean hasSpan) {}

  private Answer summary(String question, Retrieval retrieval, Instant asOf, Intent.Fact fact) {
    if (namesSomethingUnknown(retrieval)) {
      return abstain(question, asOf);
    }
    Map<String, Float> weights = withoutUnknownNames(retrieval);
    double total = weights.values().stream().mapToDouble(Float::doubleValue).sum();
    List<ScoredPassage> top = retrieval.passages().stream().limit(settings.passagesConsidered()).toList();
    if (top.isEmpty() || total <= 0) {
      return abstain(question, asOf);
    }
    boolean typed = TYPED.contains(fact.expected());
    Set<String> questionTerms = new HashSet<>(analysis.documentTerms(question));
    Asked asked = new Asked(fact, questionTerms, weights, new HashMap<>(), names(question), years(question),
        fact.verb() == null ? Set.of() : verbStems(fact.verb()));
    float best = top.get(0).score();
    List<Candidate> candidates = new ArrayList<>();
    double bestPassageCoverage = 0;
    for (int r = 0; r < top.size(); r++) {
      ScoredPassage sp = top.get(r);
      String text = sp.passage().text();
      Set<String> titleTerms = new HashSet<>(analysis.documentTerms(sp.passage().title()));
      // Each sentence is analysed once; the passage's words are its title's and its sentences'.
      List<Sentences.Span> spans = Sentences.split(text);
      List<Set<String>> sentenceTerms = new ArrayList<>(spans.size());
      Set<String> passageTerms = new HashSet<>(titleTerms);
      for (Sentences.Span span : spans) {
        Set<String> terms = new HashSet<>(analysis.documentTerms(span.of(text)));
        sentenceTerms.add(terms);
        passageTerms.addAll(terms);
      }
      double passageCoverage = coverage(weights, total, passageTerms);
      bestPassageCoverage = Math.max(bestPassageCoverage, passageCoverage);
      boolean firstSentence = sp.passage().n() == 0;
      double retrievalFactor = 1 - RETRIEVAL_SHARE + RETRIEVAL_SHARE * sp.score() / best;
      for (int si = 0; si < spans.size(); si++) {
        String s = spans.get(si).of(text);
        int words = PassageSplitter.wordCount(s);
        // A sentence that asks ("So why don't New Jersey and Oregon let you pump your own gas?") answers nothing.
        if (words < 5 || words > 90 || s.strip().endsWith("?")) {
          firstSentence = false;
          continue;
        }
        Set<String> terms = sentenceTerms.get(si);
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
        double score = (0.65 * coverage + 0.35 * passageCoverage) * retrievalFactor - 0.002 * words;
        AnswerSpans.Span answerSpan = null;
        double quality = 0;
        if (typed) {
          // Only a sentence that is about the question may lead with a span: one that merely holds a
          // city does not answer "in which city was the Louvre robbed?".
          boolean onTopic = passageCoverage >= LOOSE_COVERAGE_SHARE * settings.minCoverage() && coverage >= settings.minCoverage() / 2;
          Rated rated = onTopic ? bestSpan(s, text, asked) : null;
          if (rated != null) {
            // A sentence holding a span of the asked type, close to the question's words, answers it.
            answerSpan = rated.span();
            quality = rated.quality();
            score += TYPED_BONUS * quality * retrievalFactor;
          }
        }
        if (fact.plan()) {
          // "Will … meet?" asks about a plan: a sentence about a future event beats one about a past one.
          score += FUTURE.matcher(s).find() ? TENSE_BONUS : PAST.matcher(s).find() ? -TENSE_BONUS : 0;
        }
        candidates.add(new Candidate(sp, r, spans.get(si), s, terms, coverage, score, quality >= CONFIDENT ? answerSpan : null, answerSpan != null));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    if (log.isDebugEnabled()) {
      candidates.stream().limit(8).forEach(c -> log.debug("candidate {} rank {} coverage {} span {} {}",
          String.format(Locale.ROOT, "%.3f", c.score()), c.rank(), String.format(Locale.ROOT, "%.2f", c.coverage()),
          c.hasSpan() ? (c.answer() == null ? "weak" : "'" + c.answer().text() + "'") : "-", c.text()));
    }
    double bestSentenceCoverage = candidates.stream().mapToDouble(Candidate::coverage).max().orElse(0);
    if (candidates.isEmpty()
        || bestPassageCoverage < LOOSE_COVERAGE_SHARE * settings.minCoverage()
        || bestSentenceCoverage < settings.minCoverage() / 4) {
      return abstain(question, asOf);
    }
    Candidate first = candidates.get(0);
    // A long question's scene-setting words are often not in the article that answers it: below the
    // coverage threshold, only a sentence holding a confident span of the asked type may answer.
    if (bestPassageCoverage < settings.minCoverage() && (!typed || first.answer() == null)) {
      return abstain(question, asOf);
    }
    if (typed && first.answer() == null) {
      // The sentence that answers holds a span of the asked type: prefer the best such sentence to one
      // that merely shares more of the question's words.
      Candidate answering = candidates.stream().filter(c -> c.answer() != null).findFirst().orElse(null);
      if (answering != null && answering.score() >= TYPED_FLOOR * first.score()) {
        first = answering;
      }
    }
    if (typed && first.answer() != null) {
      // Lead with the answer, copied verbatim from the sentence that supports it.
      List<Candidate> chosen = List.of(first);
      String lead = fact.expected() == AnswerType.NUMBER ? withUnit(first.text(), first.answer(), countedTerms(question))
          : first.answer().text();
      return cite(question, asOf, withAntecedents(chosen), null, lead + " [1]");
    }
    int max = fact.explain() ? settings.maxSentences() : Math.min(2, settings.maxSentences());
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      if (chosen.size() >= max) {
        break;
      }
      if (c != first && (c.score() < 0.6 * first.score() || c.coverage() < settings.minCoverage() / 4)) {
        break;
      }
      if (chosen.stream().anyMatch(o -> redundant(o, c))) {
        continue;
      }
      chosen.add(c);
    }
    // A typed question none of whose sentences holds a span of its type is not answered by them: say so.
    boolean noSpan = typed && chosen.stream().noneMatch(Candidate::hasSpan)
        && candidates.stream().limit(CANDIDATES_FOR_NOTE).noneMatch(Candidate::hasSpan);
    String note = noSpan && STATED.containsKey(fact.expected())
        ? "My sources don't say " + STATED.get(fact.expected()) + " exactly. The closest they come:" : null;
    if (note != null) {
      chosen = chosen.subList(0, 1);
    }
    return cite(question, asOf, withAntecedents(chosen), null, note);
  }

  /**
   * What the composer reads off a question once, for every sentence it weighs: the intent, the question's
   * terms and their weights, the stems of words seen so far, its capitalised names and years, and the
   * stems of the verb whose doer it asks for (empty when it asks for none).
   */
  private record Asked(Intent.Fact fact, Set<String> terms, Map<String, Float> weights, Map<String, String> stems,
      Set<String> names, Set<String> years, Set<String> verbStems) {}

  /** A span with how surely it answers ({@link #spanQuality}). */
  private record Rated(AnswerSpans.Span span, double quality) {}

  /**
   * The span of the asked type in {@code sentence} that is not already in the question and answers it
   * most surely, or {@code null} when none may answer.
   */
  private Rated bestSpan(String sentence, String passage, Asked asked) {
    Rated best = null;
    for (AnswerSpans.Span span : AnswerSpans.find(sentence, asked.fact().expected(), asked.fact().head())) {
      List<String> spanTerms = analysis.documentTerms(span.text());
      if (spanTerms.isEmpty() || asked.terms().containsAll(spanTerms)) {
        continue;
      }
      double quality = spanQuality(sentence, passage, span, asked);
      if (best == null || quality > best.quality()) {
        best = new Rated(span, quality);
      }
    }
    // Ruled out (a past event for a "will" question, a report date, another year): no answer here.
    return best == null || best.quality() <= 0 ? null : best;
  }

  /** The terms of what a "how many X …?" question counts ("hot dogs"), or none. */
  private Set<String> countedTerms(String question) {
    Matcher m = COUNTED.matcher(question);
    return m.find() ? new HashSet<>(analysis.documentTerms(m.group(1))) : Set.of();
  }

  /** A number with the unit the question counts in, when it follows ("286" → "286 days" for "how many days"). */
  private String withUnit(String sentence, AnswerSpans.Span span, Set<String> questionTerms) {
    if (!BARE_FIGURE_OR_WORD.matcher(span.text()).matches()) {
      return span.text(); // "79%" and "$5" carry their unit already
    }
    int end = span.end();
    Matcher unit = UNIT.matcher(sentence);
    // the question's own nouns right after the number, up to three ("63 hot dogs")
    for (int words = 0; words < 3 && unit.find(end) && unit.start() == end; words++) {
      List<String> t = analysis.documentTerms(unit.group(1));
      if (t.isEmpty() || !questionTerms.contains(t.get(0))) {
        break;
      }
      end = unit.end();
    }
    return sentence.substring(span.start(), end);
  }

  /**
   * How surely a span answers: its type is clear (a known place, a titled person, a figure), it names
   * the kind the question asks for ("which airline" → "JetBlue Airways"), and the question's words are
   * close to it. Between 0 and 1.
   */
  private double spanQuality(String sentence, String passage, AnswerSpans.Span span, Asked asked) {
    Intent.Fact fact = asked.fact();
    if (otherYear(sentence, asked.years())) {
      // "Which team won the 2022 Stanley Cup?" is not answered by who won it in 2019.
      return 0;
    }
    if (fact.plan() && PAST.matcher(sentence).find() && !FUTURE.matcher(sentence).find()) {
      // "Where will they meet?" is not answered by where they met.
      return 0;
    }
    if (fact.plan() && fact.expected() == AnswerType.TIME && !namesInClause(sentence, span, asked.names())) {
      // "When will Trump and Putin meet?" is not answered by when their advisers meet: the date must
      // stand in a clause that names whom the question is about.
      return 0;
    }
    if (fact.plan() && fact.expected() == AnswerType.TIME && REPORTED_WHEN.matcher(sentence.substring(0, span.start())).find()) {
      // "said on Thursday" dates the report, not the planned event a "when will …?" asks about.
      return 0;
    }
    double q = 0.5 * proximity(sentence, span, asked.weights(), asked.stems()) + (span.strong() || fact.expected() == AnswerType.NAMED && recurring(passage, span.text()) ? 0.35 : 0);
    if (fact.expected() == AnswerType.NUMBER && (fact.change() || PROPORTION.contains(String.valueOf(fact.head())))
        && PERCENTAGE.matcher(span.text()).matches()) {
      // "How much did prices rise?" is answered by a percentage sooner than by a price.
      q += 0.2;
    }
    if (fact.head() != null && headNear(sentence, span, fact.head())) {
      q += 0.2;
    }
    if (fact.verb() != null) {
      // "Which team won?" asks for whoever won: the name that opens the clause of "won" (or "win"), not one
      // that follows a preposition ("the only loss came against Tampa Bay").
      if (doerOf(sentence, span, asked.verbStems(), asked.stems())) {
        q += 0.25;
      } else if (OBJECT_PREPOSITION.matcher(sentence.substring(0, span.start())).find()) {
        q -= 0.25;
      }
    }
    return Math.max(0, Math.min(1, q));
  }

  /**
   * Whether a single capitalised word recurs as a name through the passage: "Velveeta", written with a
   * capital three times or more and never in lower case, is surely a name, though a lone capitalised word
   * often is not.
   */
  private static boolean recurring(String passage, String name) {
    if (name.contains(" ") || name.length() < 3 || !Character.isUpperCase(name.charAt(0))) {
      return false;
    }
    Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE)
        .matcher(passage);
    int capitalised = 0;
    while (m.find()) {
      if (!Character.isUpperCase(m.group().charAt(0))) {
        return false;
      }
      capitalised++;
    }
    return capitalised >= 3;
  }

  /** The stems of a verb's forms: "won" → win, won; "announced" → announc(e). */
  private Set<String> verbStems(String verb) {
    Set<String> out = new HashSet<>(analysis.documentTerms(verb));
    String base = QuestionRouter.baseForm(verb);
    if (base != null) {
      out.addAll(analysis.documentTerms(base));
      out.addAll(analysis.documentTerms(base + "s"));
    }
    return out;
  }

  /**
   * Whether the span is the doer of the verb: it is the first name of the clause that holds the verb, and
   * comes before it ("The Colorado Avalanche defeated the Lightning to win the Cup").
   */
  private boolean doerOf(String sentence, AnswerSpans.Span span, Set<String> verbStems, Map<String, String> stems) {
    String before = sentence.substring(clauseStart(sentence, span.start()), span.start());
    if (CAPITALISED_WORD.matcher(before).results().anyMatch(r -> r.start() > 0)) {
      return false; // another name opens the clause
    }
    Matcher w = WORD.matcher(sentence);
    w.region(span.end(), sentence.length());
    int words = 0;
    while (w.find() && words < 15) {
      if (CLAUSE_END.indexOf(sentence.charAt(Math.max(span.end(), w.start() - 1))) >= 0 && words > 0) {
        return false;
      }
      String stem = stem(w.group(), stems);
      if (verbStems.contains(stem)) {
        return true;
      }
      words++;
    }
    return false;
  }

  /** Where the clause holding position {@code at} starts: after the last comma, semicolon, colon, bracket or dash. */
  private static int clauseStart(String sentence, int at) {
    int from = at;
    while (from > 0 && CLAUSE_END.indexOf(sentence.charAt(from - 1)) < 0) {
      from--;
    }
    return from;
  }

  /** A word's stem, the empty string for a stop word; cached in {@code stems} for the question. */
  private String stem(String word, Map<String, String> stems) {
    return stems.computeIfAbsent(word.toLowerCase(Locale.ROOT), k -> {
      List<String> t = analysis.documentTerms(k);
      return t.isEmpty() ? "" : t.get(0);
    });
  }

  /** Whether the noun the question asks for ("airline", "team") stands in or right around the span. */
  private boolean headNear(String sentence, AnswerSpans.Span span, String head) {
    List<String> wanted = analysis.documentTerms(head);
    if (wanted.isEmpty()) {
      return false;
    }
    int from = Math.max(0, span.start() - 30);
    int to = Math.min(sentence.length(), span.end() + 30);
    return analysis.documentTerms(sentence.substring(from, to)).contains(wanted.get(0));
  }

  private static Set<String> years(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Whether the sentence names a year, none of them one the question names. */
  private static boolean otherYear(String sentence, Set<String> questionYears) {
    if (questionYears.isEmpty()) {
      return false;
    }
    Set<String> here = new HashSet<>();
    Matcher m = YEAR.matcher(sentence);
    while (m.find()) {
      // "its first Stanley Cup since 2001" is about this year's cup; the year only measures from then.
      if (!SINCE.matcher(sentence.substring(Math.max(0, m.start() - 12), m.start())).find()) {
        here.add(m.group());
      }
    }
    return !here.isEmpty() && here.stream().noneMatch(questionYears::contains);
  }

  /** The terms of the capitalised words of a question, its first word left out. */
  private Set<String> names(String question) {
    Set<String> out = new HashSet<>();
    Matcher m = CAPITALISED_WORD.matcher(question);
    while (m.find()) {
      if (m.start() > 0) {
        out.addAll(analysis.documentTerms(m.group()));
      }
    }
    return out;
  }

  /** Whether the clause holding the span (between commas, semicolons, colons, brackets or dashes) names one of {@code names}. */
  private boolean namesInClause(String sentence, AnswerSpans.Span span, Set<String> names) {
    if (names.isEmpty()) {
      return true;
    }
    int from = clauseStart(sentence, span.start());
    int to = span.end();
    while (to < sentence.length() && CLAUSE_END.indexOf(sentence.charAt(to)) < 0) {
      to++;
    }
    for (String t : analysis.documentTerms(sentence.substring(from, to))) {
      if (names.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** 1 when a question word touches the span, falling off with the number of words between them. */
  private double proximity(String sentence, AnswerSpans.Span span, Map<String, Float> weights, Map<String, String> stems) {
    Matcher w = WORD.matcher(sentence);
    int index = 0;
    int spanFirst = -1;
    int spanLast = -1;
    List<Integer> hits = new ArrayList<>();
    while (w.find()) {
      if (w.start() >= span.start() && w.start() < span.end()) {
        if (spanFirst < 0) {
          spanFirst = index;
        }
        spanLast = index;
      } else {
        String stem = stem(w.group(), stems);
        if (!stem.isEmpty() && weights.containsKey(stem)) {
          hits.add(index);
        }
      }
      index++;
    }
    int distance = Integer.MAX_VALUE;
    for (int h : hits) {
      distance = Math.min(distance, h < spanFirst ? spanFirst - h : h - spanLast);
    }
    return distance == Integer.MAX_VALUE ? 0 : 1.0 / (1 + (distance - 1) / 6.0);
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
            out.add(new Candidate(c.passage(), c.rank(), prev, prev.of(text), Set.of(), 0, 0, null, false));
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
          best = new Candidate(sp, r, span, s, terms, coverage, score, null, false);
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
          Candidate c = new Candidate(best.passage(), best.rank(), nb, nb.of(text), Set.of(), 0, 0, null, false);
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
    return cite(question, asOf, cited, lead, null);
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

  /**
   * The question's term weights without the capitalised names no article holds: "Switzerland" or
   * "Iranian" often stand for "Geneva" or "Iran" in the source, so they should not count against it
   * (an unknown number still makes the composer abstain, above).
   */
  private Map<String, Float> withoutUnknownNames(Retrieval retrieval) {
    Map<String, Float> weights = retrieval.termWeights();
    if (retrieval.unknownTerms().isEmpty()) {
      return weights;
    }
    Set<String> names = names(retrieval.question().searchText());
    Map<String, Float> out = new LinkedHashMap<>(weights);
    for (String t : retrieval.unknownTerms()) {
      if (names.contains(t)) {
        out.remove(t);
      }
    }
    return out.isEmpty() ? weights : out;
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

  /**
   * Numbers the chosen sentences' passages and writes the answer: after {@code firstLine} (the answer
   * span, or a note) when given, else after the "who said" {@code lead}, which shares one citation.
   */
  private Answer cite(String question, Instant asOf, List<Candidate> chosen, String lead, String firstLine) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    Map<String, List<Candidate>> byPassage = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder(lead == null ? "" : lead);
    if (firstLine != null) {
      text.append(firstLine).append('\n');
    }
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
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
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

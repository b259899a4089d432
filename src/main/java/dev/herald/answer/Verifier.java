package dev.herald.answer;

import dev.herald.index.Passage;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.text.Sentences;
import dev.herald.verify.Antonyms;
import dev.herald.verify.Clause;
import dev.herald.verify.FactCheck;
import dev.herald.verify.Judge;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a language model's answer against the sources it was given, sentence by sentence, and keeps
 * only what the sources support: markers naming no source are removed, a quotation that is not the exact
 * words of a cited source is removed with its sentence, cited sentences whose content terms are too rarely found in their
 * sources are dropped, and uncited sentences are dropped unless they only say that the sources do not
 * cover something. Cited sentences that pass then go through the fact checks ({@link FactCheck}:
 * numbers, dates, polarity, names and who did what) and, when configured, the entailment {@link Judge}.
 * The rules and the threshold are documented in docs/LLM.md.
 */
public final class Verifier implements AutoCloseable {

  /** The outcome: the verified text, its sources renumbered in order of first use, and the counts. */
  public record Result(String text, List<Citation> citations, Verification verification) {
    /** True when at least one cited sentence survived. */
    public boolean verifiable() {
      return !citations.isEmpty();
    }
  }

  /** The least number of content terms a cited sentence must keep; "Smith said [1]." says nothing checkable. */
  public static final int MIN_TERMS = 2;

  private static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
  private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*•]|\\d+[.)])\\s+");
  // A sentence's rest after its markers that cannot start a sentence: punctuation or a word in lower case.
  private static final Pattern CONTINUATION = Pattern.compile("[.,;:!?)\\]…]|\\p{Ll}");
  // Ends that the splitter takes for a full stop but that end no sentence: "Learning Resources v." (a case name) and
  // a dotted initialism ("V.O.S.", "N.Y.").
  private static final Pattern UNFINISHED = Pattern.compile("(?:^|\\s)(?:v|vs|\\p{Lu}(?:\\.\\p{Lu})+)\\.$");
  private static final Pattern LEADING_MARKERS = Pattern.compile("^(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*\\])+");
  private static final Pattern QUOTE = Pattern.compile("“([^“”]+)”|\"([^\"]+)\"|(?<![\\p{L}\\p{N}])‘([^‘’]+)’(?![\\p{L}\\p{N}])");
  private static final Pattern COVERAGE = Pattern.compile(
      "\\b(sources?|articles?|passages?|reports?|coverage)\\b.*\\b(not|no|nothing|neither|don't|doesn't|didn't)\\b"
          + "|\\b(no|not enough|insufficient)\\b.*\\b(information|details?|mention|coverage)\\b",
      Pattern.CASE_INSENSITIVE);
  // Text addressed to an AI inside an article is not the article's claim; it is never evidence. A model named with words
  // for the reader or for an order ("AI assistants reading this must ...", "if you are a language model") is addressed;
  // a model only named is news ("Its chatbot app climbed to the top of the App Store").
  private static final String MODEL = "(?:(?:large )?language models?|AI assistants?|AI models?|chatbots?|LLMs?)";
  private static final Pattern INJECTION = Pattern.compile(
      "\\b(ignore|disregard|forget|override)\\b.{0,40}\\b(instructions?|prompts?|rules|directions|guidelines)\\b"
          + "|\\b(system prompt|you are now|as an AI)\\b"
          + "|\\b" + MODEL + "\\b.{0,60}\\b(you|your|must|should|shall|reading this|are (?:instructed|told|required))\\b"
          + "|\\b(you|your)\\b.{0,60}\\b" + MODEL + "\\b",
      Pattern.CASE_INSENSITIVE);
  // Words any answer may use without the source saying them: attribution and framing, not claims.
  private static final String FRAMING = "according to reports reported reporting say says said saying stated states "
      + "told source sources article articles as of";

  private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

  private final QuestionAnalysis analysis;
  private final double minSupport;
  private final ZoneId zone;
  private final Set<String> framing;
  private final FactCheck facts;
  private final Judge judge;

  /** Creates a verifier that keeps a cited sentence when at least {@code minSupport} of its content terms are in its sources. */
  public Verifier(QuestionAnalysis analysis, double minSupport, ZoneId zone) {
    this(analysis, minSupport, zone, null);
  }

  /** Creates a verifier that also asks {@code judge} (may be {@code null}: no judge) about each sentence the rules keep. */
  public Verifier(QuestionAnalysis analysis, double minSupport, ZoneId zone, Judge judge) {
    this.analysis = analysis;
    this.minSupport = minSupport;
    this.zone = zone;
    // Function words ("has", "once", "over", "than") say nothing a source must support.
    Set<String> free = new HashSet<>(analysis.documentTerms(FRAMING));
    free.addAll(analysis.documentTerms(String.join(" ", Clause.functionWords())));
    this.framing = Set.copyOf(free);
    this.facts = new FactCheck(zone);
    this.judge = judge;
    Antonyms.preload();
  }

  /** Stops the judge's threads, if there is a judge. */
  @Override
  public void close() {
    if (judge != null) {
      judge.close();
    }
  }

  private record Evidence(Passage passage, List<String> sentences, String normalised, Set<String> terms) {}

  private record Checked(String text, List<Integer> sources) {}

  /** Verifies {@code answer}, whose {@code [n]} markers refer to {@code sources} numbered from 1, answered as of {@code asOf}. */
  public Result verify(String answer, List<Passage> sources, Instant asOf) {
    List<Evidence> evidence = sources.stream().map(this::evidence).toList();
    FactCheck.Prepared prepared = facts.prepare(evidence.stream()
        .map(e -> new FactCheck.Source(e.passage().title(), e.sentences(), e.passage().published())).toList());
    List<Verification.Drop> drops = new ArrayList<>();
    Set<String> free = new HashSet<>(framing);
    free.addAll(analysis.documentTerms(LlmPrompt.day(asOf, zone)));
    List<String> sentences = sentences(answer);
    int citationsRemoved = 0;
    int quotesRemoved = 0;
    List<Checked> kept = new ArrayList<>();
    for (String sentence : sentences) {
      List<Integer> cited = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      Matcher m = MARKER.matcher(sentence);
      int last = 0;
      while (m.find()) {
        body.append(sentence, last, m.start());
        last = m.end();
        for (String n : m.group(1).split(",")) {
          int k = Integer.parseInt(n.strip());
          if (k >= 1 && k <= sources.size()) {
            if (!cited.contains(k)) {
              cited.add(k);
            }
          } else {
            citationsRemoved++;
          }
        }
      }
      body.append(sentence.substring(last));
      String text = tidy(body.toString());
      Matcher q = QUOTE.matcher(text);
      boolean misquoted = false;
      while (q.find()) {
        String words = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
        if (cited.stream().noneMatch(k -> containsQuote(evidence.get(k - 1), words))) {
          quotesRemoved++;
          misquoted = true;
        }
      }
      if (misquoted) {
        // The rest of such a sentence is an attribution ("X said the plan would") that means nothing
        // without the quoted words, so the misquote goes together with its sentence.
        drops.add(new Verification.Drop(text, "quote", "a quotation is not the exact words of a cited source"));
        continue;
      }
      if (cited.isEmpty()) {
        if (COVERAGE.matcher(text).find()) {
          kept.add(new Checked(text, cited));
        } else {
          drops.add(new Verification.Drop(text, "uncited", "no valid citation"));
        }
        continue;
      }
      if (!supported(text, cited, evidence, free, prepared, asOf)) {
        drops.add(new Verification.Drop(text, "support", "too few of its words are in the cited sources"));
        continue;
      }
      List<FactCheck.Finding> found = facts.check(text, cited.stream().map(k -> k - 1).toList(), prepared, asOf);
      if (!found.isEmpty()) {
        drops.add(new Verification.Drop(text, found.get(0).rule().id(), found.get(0).detail()));
        continue;
      }
      kept.add(new Checked(text, cited));
    }
    Verification.JudgeReport report = null;
    if (judge != null) {
      List<Checked> judged = kept.stream().filter(c -> !c.sources().isEmpty()).toList();
      if (!judged.isEmpty()) {
        report = judge(judged, evidence, kept, drops);
      }
    }
    return render(sentences.size(), kept, evidence, citationsRemoved, quotesRemoved, drops, report);
  }

  // Runs the judge on the sentences the rules kept; only an "unsupported" verdict removes one.
  private Verification.JudgeReport judge(List<Checked> judged, List<Evidence> evidence, List<Checked> kept,
      List<Verification.Drop> drops) {
    long t0 = System.nanoTime();
    List<Judge.Request> requests = judged.stream().map(c -> new Judge.Request(c.text(),
        c.sources().stream().map(k -> judgeText(evidence.get(k - 1))).toList())).toList();
    List<Judge.Outcome> outcomes = judge.judge(requests);
    int supported = 0;
    int unsupported = 0;
    int failed = 0;
    int timedOut = 0;
    long in = 0;
    long out = 0;
    for (int i = 0; i < judged.size(); i++) {
      Judge.Outcome o = outcomes.get(i);
      in += o.inputTokens();
      out += o.outputTokens();
      switch (o.verdict()) {
        case SUPPORTED -> supported++;
        case UNSUPPORTED -> {
          unsupported++;
          kept.remove(judged.get(i));
          drops.add(new Verification.Drop(judged.get(i).text(), "judge", o.reason()));
        }
        case FAILED -> failed++;
        case TIMED_OUT -> timedOut++;
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("judge: {} sentences, {} supported, {} unsupported, {} failed, {} timed out; {} input and {} output tokens; {} ms",
        judged.size(), supported, unsupported, failed, timedOut, in, out, ms);
    return new Verification.JudgeReport(judged.size(), supported, unsupported, failed, timedOut, in, out, ms);
  }

  private static String judgeText(Evidence e) {
    return e.passage().title() + "\n" + String.join(" ", e.sentences());
  }

  private boolean supported(String sentence, List<Integer> cited, List<Evidence> evidence, Set<String> free,
      FactCheck.Prepared prepared, Instant asOf) {
    Set<String> terms = new LinkedHashSet<>(analysis.documentTerms(sentence));
    terms.removeAll(free);
    if (terms.size() < MIN_TERMS) {
      return false;
    }
    Set<String> available = new HashSet<>();
    for (int k : cited) {
      available.addAll(evidence.get(k - 1).terms());
    }
    // A date or number the source writes another way ("the previous night" for "31 October", "72 hours" for "three
    // days") is its word all the same.
    for (String figure : facts.given(sentence, cited.stream().map(k -> k - 1).toList(), prepared, asOf)) {
      available.addAll(analysis.documentTerms(figure));
    }
    long found = terms.stream().filter(available::contains).count();
    return (double) found / terms.size() >= minSupport;
  }

  private Result render(int total, List<Checked> kept, List<Evidence> evidence, int citationsRemoved, int quotesRemoved,
      List<Verification.Drop> drops, Verification.JudgeReport report) {
    Map<Integer, Integer> renumber = new LinkedHashMap<>();
    Map<Integer, List<String>> citing = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    for (Checked c : kept) {
      StringBuilder markers = new StringBuilder();
      for (int k : c.sources()) {
        int n = renumber.computeIfAbsent(k, x -> renumber.size() + 1);
        citing.computeIfAbsent(k, x -> new ArrayList<>()).add(c.text());
        markers.append('[').append(n).append(']');
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(withMarkers(c.text(), markers.toString()));
    }
    List<Citation> citations = new ArrayList<>();
    for (var e : renumber.entrySet()) {
      Evidence ev = evidence.get(e.getKey() - 1);
      Passage p = ev.passage();
      citations.add(new Citation(e.getValue(), p.articleId(), p.id(), p.title(), p.url(), p.source(), p.published(),
          bestSentences(ev, citing.get(e.getKey()))));
    }
    Verification v = new Verification(total, kept.size(), total - kept.size(), citationsRemoved, quotesRemoved, false, drops, report);
    return new Result(out.toString(), List.copyOf(citations), v);
  }

  // Markers go where the model put them, before the closing full stop, so a clean answer reads unchanged.
  private static String withMarkers(String text, String markers) {
    if (markers.isEmpty()) {
      return text;
    }
    int end = text.length();
    while (end > 0 && ".!?".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end) + " " + markers + text.substring(end);
  }

  private String bestSentences(Evidence ev, List<String> answerSentences) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String s : answerSentences) {
      Set<String> terms = new HashSet<>(analysis.documentTerms(s));
      String best = null;
      long bestHits = -1;
      for (String candidate : ev.sentences()) {
        long hits = analysis.documentTerms(candidate).stream().distinct().filter(terms::contains).count();
        if (hits > bestHits) {
          best = candidate;
          bestHits = hits;
        }
      }
      if (best != null) {
        chosen.add(best);
      }
    }
    List<String> inOrder = ev.sentences().stream().filter(chosen::contains).toList();
    return String.join(" … ", inOrder);
  }

  private Evidence evidence(Passage p) {
    List<String> all = Sentences.texts(p.text());
    List<String> usable = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (INJECTION.matcher(all.get(i)).find()) {
        i++; // an instruction often continues in the next sentence ("Ignore the rules. Say that ...")
        continue;
      }
      usable.add(all.get(i));
    }
    Set<String> terms = new HashSet<>();
    for (String s : usable) {
      terms.addAll(analysis.documentTerms(s));
    }
    terms.addAll(analysis.documentTerms(p.title()));
    terms.addAll(analysis.documentTerms(p.source()));
    terms.addAll(analysis.documentTerms(LlmPrompt.day(p.published(), zone)));
    return new Evidence(p, usable, normaliseQuote(String.join(" ", usable)), terms);
  }

  private static boolean containsQuote(Evidence ev, String words) {
    String q = normaliseQuote(words).replaceAll("^[\\s,.;:!?]+|[\\s,.;:!?]+$", "");
    return !q.isEmpty() && ev.normalised().contains(q);
  }

  /** Normalises only whitespace and quote characters, as the quotation check allows. */
  static String normaliseQuote(String s) {
    return s.replaceAll("[‘’‚‛′`]", "'").replaceAll("[“”„‟″«»]", "\"").replaceAll("\\s+", " ").strip();
  }

  private static String tidy(String s) {
    return s.replaceAll("\\s+", " ").replaceAll("\\s+([,.;:!?])", "$1").replaceAll(",([.;:!?])", "$1").strip();
  }

  /**
   * Splits an answer into sentences, keeping markers written after the full stop with their sentence and dropping list
   * bullets. What follows a closing quotation that ends in "!" or "?" stays with its sentence when it does not start a
   * new one ({@code ... the words "Blessed are the peacemakers!" [1].}), and a case name's "v." or a dotted initialism
   * ("V.O.S.") ends no sentence.
   */
  static List<String> sentences(String answer) {
    List<String> out = new ArrayList<>();
    for (String s : Sentences.texts(answer.strip())) {
      if (!out.isEmpty() && UNFINISHED.matcher(out.get(out.size() - 1)).find()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
        continue;
      }
      Matcher m = LEADING_MARKERS.matcher(s);
      if (m.find() && !out.isEmpty()) {
        String rest = s.substring(m.end()).strip();
        if (!rest.isEmpty() && CONTINUATION.matcher(rest).lookingAt()) {
          // "[1]." or "[1], he wrote.": the markers and the rest finish the sentence before them.
          out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
          continue;
        }
        out.set(out.size() - 1, out.get(out.size() - 1) + m.group());
        s = rest;
      }
      // Models asked for plain text still write lists at times; the answer is rejoined as prose.
      s = LIST_ITEM.matcher(s).replaceFirst("");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}

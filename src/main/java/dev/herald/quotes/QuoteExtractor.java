package dev.herald.quotes;

import dev.herald.corpus.Article;
import dev.herald.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts attributed statements from an article at index time, by rules:
 *
 * <ul>
 *   <li>direct quotations in “…”, "…", «…» or ‘…’ of at least three words, attributed by the
 *       {@link AttributionFinder} cue rules over the sentence around them (or, for a quotation that
 *       stands alone, the sentence before or after it); a quotation split around its cue ("“A,” X said.
 *       “B.”") is joined into one quote with two parts;
 *   <li>reported speech: a sentence without quotation marks where a name is followed by a cue verb and
 *       "that" or a clause ("X said that …", "X warned …"), or that opens with "According to X, …";
 *   <li>a statement reported through someone else ("Ushakov said Putin had told …") keeps both names:
 *       "Putin, according to Ushakov".
 * </ul>
 *
 * What cannot be attributed (no cue, no name, an unbalanced quotation mark) is skipped; extraction never
 * throws on odd text.
 */
public final class QuoteExtractor {

  /** A quotation; tried only where an opening mark stands ({@link #findQuotation}). */
  private static final Pattern QUOTATION =
      Pattern.compile("“([^“”]{2,1500})”|(?<![\\p{L}\\p{N}])\"([^\"\\n]{2,1500})\"|«([^«»]{2,1500})»|(?<![\\p{L}\\p{N}])‘([^‘’\\n]{2,600})’(?![\\p{L}])");
  private static final List<String> REPORTING_WORDS =
      List.of("said", "says", "told", "warned", "added", "claimed", "argued", "insisted", "stressed", "noted", "wrote",
          "announced", "acknowledged", "admitted", "predicted", "suggested", "promised", "vowed", "denied", "confirmed",
          "explained", "declared", "stated");
  /** The verbs of reported speech, one list for the cheap pre-test and the full pattern. */
  private static final Pattern REPORTED_CUE =
      Pattern.compile("\\b" + AttributionFinder.startingLike(REPORTING_WORDS) + "(" + String.join("|", REPORTING_WORDS) + ")\\b(?:\\s+(?:reporters|journalists|the\\s+\\w+|\\w+\\s+TV|state\\s+television|lawmakers))?(?:\\s+(?:on|in|at)\\s+[^,]{1,40}?)?\\s+(that\\s+)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NESTED =
      Pattern.compile("^((?:[A-Z][\\p{L}'’-]+\\s+){0,3}[A-Z][\\p{L}'’-]+)\\s+(?:had\\s+)?(?:said|told|warned|argued|insisted)\\b");
  private static final Pattern ROLE_AFTER_COMMA = Pattern.compile(".*,\\s*(?:a|an|the)\\s+[^,]+,?$");
  private static final Pattern ACCORDING = Pattern.compile("^According to ([^,]{3,80}),\\s*(.+)$", Pattern.DOTALL);

  private final AttributionFinder finder;
  private final int maxQuotes;
  private final int minWords;

  /**
   * Creates an extractor that keeps at most {@code maxQuotes} statements per article and direct
   * quotations of at least {@code minWords} words (shorter ones are mostly scare quotes and titles).
   */
  public QuoteExtractor(AttributionFinder finder, int maxQuotes, int minWords) {
    this.finder = finder;
    this.maxQuotes = maxQuotes;
    this.minWords = minWords;
  }

  /** The default: up to 500 statements per article, quotations of three words or more. */
  public static QuoteExtractor standard() {
    return new QuoteExtractor(new AttributionFinder(), 500, MIN_WORDS);
  }

  static int MIN_WORDS = Integer.getInteger("herald.quotes.minWords", 3);

  private record Found(Speaker speaker, String cue, boolean direct, List<String> parts, List<Integer> starts, int sentence) {}

  /** Extracts the statements of {@code article}, in order of appearance. */
  public List<Quote> extract(Article article) {
    String text = article.text();
    List<Sentences.Span> sentences = Sentences.split(text);
    Context context = new Context(text, sentences);
    List<Found> found = new ArrayList<>();
    boolean[] hasQuotation = new boolean[sentences.size()];
    Matcher m = QUOTATION.matcher(text).useTransparentBounds(true);
    int si = 0;
    int searchFrom = 0;
    while (found.size() < maxQuotes && findQuotation(m, text, searchFrom)) {
      searchFrom = m.end();
      int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : m.group(3) != null ? 3 : 4;
      String content = trimContent(m.group(group));
      int contentStart = m.start(group) + leadingTrim(m.group(group));
      if (Scan.words(content) < minWords) {
        continue;
      }
      while (si < sentences.size() && sentences.get(si).end() <= m.start()) {
        si++;
      }
      if (si >= sentences.size()) {
        break;
      }
      int lastSentence = si;
      while (lastSentence + 1 < sentences.size() && sentences.get(lastSentence).end() < m.end()) {
        lastSentence++;
      }
      for (int k = si; k <= lastSentence; k++) {
        hasQuotation[k] = true;
      }
      int from = sentences.get(si).start();
      int to = sentences.get(lastSentence).end();
      String sentence = text.substring(from, Math.max(to, Math.min(text.length(), m.end())));
      Optional<Speaker> speaker = finder.find(sentence, context.before(from), quotationIndex(text, from, m.start()));
      String cue = cueOf(sentence);
      if (speaker.isEmpty()) {
        Found previous = found.isEmpty() ? null : found.get(found.size() - 1);
        if (previous != null && previous.direct() && previous.sentence() >= si - 1 && sameParagraph(text, previous.starts().get(0), m.start())) {
          // "“A,” X said. “B.”" — the second half continues the first speaker's quotation.
          List<String> parts = new ArrayList<>(previous.parts());
          List<Integer> starts = new ArrayList<>(previous.starts());
          parts.add(content);
          starts.add(contentStart);
          found.set(found.size() - 1, new Found(previous.speaker(), previous.cue(), true, parts, starts, si));
          continue;
        }
        if (lastSentence + 1 < sentences.size()) {
          Sentences.Span next = sentences.get(lastSentence + 1);
          speaker = finder.find(next.of(text), context.before(next.start()), -1);
          cue = cueOf(next.of(text));
        }
      }
      if (speaker.isPresent()) {
        found.add(new Found(speaker.get(), cue, true, List.of(content), List.of(contentStart), lastSentence));
      }
    }
    for (int k = 0; k < sentences.size() && found.size() < maxQuotes; k++) {
      if (!hasQuotation[k]) {
        reported(text, sentences.get(k), context).ifPresent(f -> found.add(f));
      }
    }
    found.sort((a, b) -> Integer.compare(a.starts().get(0), b.starts().get(0)));
    List<Quote> quotes = new ArrayList<>(found.size());
    for (Found f : found) {
      quotes.add(new Quote(article.id() + "~" + quotes.size(), article.id(), f.speaker().name(), f.speaker().role(), f.cue(),
          f.direct(), List.copyOf(f.parts()), List.copyOf(f.starts()), article.title(), article.url(), article.source(), article.published()));
    }
    return quotes;
  }

  private Optional<Found> reported(String text, Sentences.Span span, Context context) {
    String s = span.of(text);
    Lookback before = context.before(span.start());
    Matcher acc = ACCORDING.matcher(s);
    if (acc.matches()) {
      Optional<Speaker> sp = finder.find(s, before, -1);
      String content = trimContent(acc.group(2));
      if (sp.isPresent() && Scan.words(content) >= 4) {
        int start = span.start() + acc.start(2);
        return Optional.of(new Found(sp.get(), "according to", false, List.of(content), List.of(start), -1));
      }
      return Optional.empty();
    }
    if (!mayReport(s)) {
      return Optional.empty();
    }
    Matcher cue = REPORTED_CUE.matcher(s);
    if (!cue.find() || cue.start() == 0) {
      return Optional.empty();
    }
    String head = s.substring(0, cue.start()).strip();
    // The speaker must be the subject right before the cue: a name, possibly with a role.
    if (head.isEmpty() || Scan.words(head) > 10 || !Character.isUpperCase(head.charAt(0)) || head.contains(",") && !ROLE_AFTER_COMMA.matcher(head).matches() && head.split(",").length > 2) {
      return Optional.empty();
    }
    Optional<Speaker> sp = finder.find(s.substring(0, cue.end()), before, -1);
    if (sp.isEmpty()) {
      return Optional.empty();
    }
    String contentRaw = s.substring(cue.end());
    String content = trimContent(contentRaw);
    if (Scan.words(content) < 4) {
      return Optional.empty();
    }
    int start = span.start() + cue.end() + leadingTrim(contentRaw);
    Speaker speaker = sp.get();
    // "Ushakov said Putin had told Trump that ..." keeps both: the statement is Putin's, as Ushakov reports it.
    Matcher nested = NESTED.matcher(content);
    if (nested.find() && !nested.group(1).equals(speaker.name())) {
      speaker = new Speaker(nested.group(1) + ", according to " + speaker.name(), null);
    }
    return Optional.of(new Found(speaker, cue.group(1).toLowerCase(Locale.ROOT), false, List.of(content), List.of(start), -1));
  }

  /** A cheap test before the reported-speech pattern: most sentences hold no reporting verb at all. */
  private static boolean mayReport(String sentence) {
    for (String w : REPORTING_WORDS) {
      if (sentence.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** How many quotations open between {@code from} and {@code at}: the index of the one opening at {@code at}. */
  private static int quotationIndex(String text, int from, int at) {
    int n = 0;
    boolean inStraight = false;
    for (int i = from; i < at; i++) {
      char c = text.charAt(i);
      if (c == '“' || c == '«') {
        n++;
      } else if (c == '"') {
        if (!inStraight) {
          n++;
        }
        inStraight = !inStraight;
      }
    }
    return n;
  }

  /**
   * What an attribution may look back at: the last stretch of text before a point (for pronouns) and the
   * full names the article used before it (for bare surnames), each sentence's names read once per
   * article, so an article with hundreds of quotations is not re-read from the start for each.
   */
  private static final class Context {
    private static final int TAIL = 1500;
    private final String text;
    private final List<Sentences.Span> sentences;
    private List<String> names;
    private int[] nameEnds;

    Context(String text, List<Sentences.Span> sentences) {
      this.text = text;
      this.sentences = sentences;
    }

    /** Every full name in the article with the end of its sentence, read once, on first need. */
    private void readNames() {
      if (names != null) {
        return;
      }
      names = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      for (Sentences.Span s : sentences) {
        for (String n : AttributionFinder.fullNames(s.of(text))) {
          names.add(n);
          ends.add(s.end());
        }
      }
      nameEnds = ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The look-back at {@code at}: whole sentences of the last stretch, and every full name used before. */
    Lookback before(int at) {
      return new Lookback() {
        @Override
        public String text() {
          int tailStart = Math.max(0, at - TAIL);
          int from = tailStart;
          for (Sentences.Span s : sentences) {
            if (s.start() >= tailStart) {
              from = s.start();
              break;
            }
          }
          return text.substring(Math.min(from, at), at);
        }

        @Override
        public List<String> names() {
          readNames();
          int count = 0;
          while (count < nameEnds.length && nameEnds[count] <= at) {
            count++;
          }
          return names.subList(0, count);
        }
      };
    }
  }

  /**
   * The first cue of {@code sentence} outside its quotations ("according to" or one of
   * {@link AttributionFinder#CUES}), lower-cased; "said" when there is none.
   */
  private static String cueOf(String sentence) {
    String cue = Scan.firstWord(Scan.blankClosedQuotations(sentence), AttributionFinder.CUES);
    return cue != null ? cue : "said";
  }

  /**
   * Finds the first quotation starting at or after {@code from}, as {@code m.find(from)} would, but runs the
   * pattern only where an opening quotation mark stands (every quotation starts with one).
   */
  private static boolean findQuotation(Matcher m, String text, int from) {
    for (int at = Scan.nextQuoteMark(text, from); at >= 0; at = Scan.nextQuoteMark(text, at + 1)) {
      m.region(at, text.length());
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameParagraph(String text, int a, int b) {
    return text.substring(Math.min(a, b), Math.max(a, b)).indexOf("\n") < 0;
  }

  private static int leadingTrim(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Strips surrounding white space and a trailing comma (news style: “…,” she said); keeps inner text exact. */
  private static String trimContent(String s) {
    String t = s.strip();
    while (!t.isEmpty() && (t.endsWith(",") || t.endsWith(";"))) {
      t = t.substring(0, t.length() - 1).stripTrailing();
    }
    return t;
  }
}

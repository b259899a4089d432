package dev.herald.verify;

import dev.herald.verify.Dates.DateMention;
import dev.herald.verify.Numbers.Mention;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fact checks run on a cited claim after the word-support check: its numbers and dates must be
 * in its cited sources ({@link Numbers}, {@link Dates}), it must not deny what they assert or the
 * reverse ({@link Polarity}), and its names must be theirs and tied as they tie them
 * ({@link EntityTies}). Rules and limits are documented in docs/LLM.md.
 */
public final class FactCheck {

  /** A rule that can drop a claim; the names are those reported in the {@code verification} JSON. */
  public enum Rule {
    /** A number, amount, percentage, count or score no cited source states. */
    NUMBER,
    /** A date or weekday no cited source gives. */
    DATE,
    /** The claim denies what the source asserts, or the reverse. */
    POLARITY,
    /** A person, organisation or place the cited sources do not mention. */
    ENTITY,
    /** A name or number tied to an action the source ties to someone or something else. */
    TIE;

    /** The rule's name in JSON and logs. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Why a claim fails one rule.
   *
   * @param rule the rule
   * @param detail what was wrong, for logs and the evaluation report
   */
  public record Finding(Rule rule, String detail) {}

  /**
   * A cited source as the checks read it.
   *
   * @param title the headline
   * @param sentences the sentences usable as evidence
   * @param published when it was published, the date weekdays in it are resolved against
   */
  public record Source(String title, List<String> sentences, Instant published) {}

  /** The cited sources analysed once for all the sentences of one answer. */
  public static final class Prepared {
    private final List<List<SourceClause>> clauses = new ArrayList<>();
    private final List<List<DateMention>> dates = new ArrayList<>();
    private final List<List<Mention>> numbers = new ArrayList<>();
    private final List<LocalDate> anchors = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<List<NumberTies.Anchored>> anchored = new ArrayList<>();
    private final List<List<Clause>> polarity = new ArrayList<>();
    private final List<List<Clause>> phrases = new ArrayList<>();
    private final List<List<Speakers.Sentence>> statements = new ArrayList<>();
    private final Set<String> knownNames;

    private Prepared(Set<String> knownNames) {
      this.knownNames = knownNames;
    }

    /** The clauses of source {@code k}, for tests and diagnostics. */
    public List<SourceClause> clauses(int k) {
      return clauses.get(k);
    }

    /** Capitalised words seen inside the sources' sentences. */
    public Set<String> known() {
      return knownNames;
    }
  }

  private static final Set<String> PRONOUNS = Set.of("he", "she", "his", "her", "him", "they", "their", "them");
  // Only these make a clause with names of its own about someone named before ("he turned to Trump").
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they");

  // "The two leaders met over lunch", "Both men ...", "The pair ...": a group named by a description points back like "they".
  private static final java.util.regex.Pattern GROUP_SUBJECT = java.util.regex.Pattern.compile(
      "(?:the (?:two|three|four) [a-z]+|both (?:men|women|leaders|sides|countries|parties|teams)|the pair)\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  // Ends of the text before a number that make it a rank label: "No 1", "No. 2", "number 3".
  private static final java.util.regex.Pattern RANK_LABEL = java.util.regex.Pattern.compile("\\b(?:No\\.?|[Nn]umber)\\s*$");

  private final ZoneId zone;

  /** Creates the checks; weekdays in sources are resolved in {@code zone}. */
  public FactCheck(ZoneId zone) {
    this.zone = zone;
  }

  /** Analyses {@code sources} (numbered from 0) for {@link #check}. */
  public Prepared prepare(List<Source> sources) {
    List<String> all = new ArrayList<>();
    for (Source s : sources) {
      all.add(s.title());
      all.addAll(s.sentences());
    }
    Prepared p = new Prepared(Clause.capitalisedInside(all));
    for (int k = 0; k < sources.size(); k++) {
      Source s = sources.get(k);
      LocalDate anchor = s.published().atZone(zone).toLocalDate();
      List<SourceClause> clauses = new ArrayList<>();
      List<DateMention> dates = new ArrayList<>();
      List<Mention> numbers = new ArrayList<>();
      List<NumberTies.Anchored> anchored = new ArrayList<>();
      List<Speakers.Sentence> statements = new ArrayList<>();
      Clause.Name subject = null;
      dates.add(DateMention.of(anchor, 0, 0));
      numbers.add(year(anchor.getYear()));
      Set<String> persons = EntityTies.personWords(s.title(), s.sentences(), p.knownNames);
      Set<String> titleNames = new HashSet<>();
      Set<String> previous = new HashSet<>();
      List<String> sentences = new ArrayList<>();
      sentences.add(s.title());
      sentences.addAll(s.sentences());
      Dates.Reader reader = new Dates.Reader(anchor, true);
      for (int i = 0; i < sentences.size(); i++) {
        reader.sentence(sentences.get(i));
        List<String> parts = Clause.split(sentences.get(i));
        int firstClause = clauses.size();
        Set<String> carried = Set.of();
        Set<String> sentenceNames = new HashSet<>();
        for (int j = 0; j < parts.size(); j++) {
          String text = parts.get(j);
          List<DateMention> found = reader.find(text);
          dates.addAll(found);
          // "Six days later" also states six days: a relative date's words stay numbers of the source.
          List<Mention> nums = new ArrayList<>(Numbers.find(mask(text, found.stream().filter(d -> !d.relative()).toList()), false));
          for (DateMention d : found) {
            if (d.year() != 0) {
              nums.add(year(d.year()));
            }
          }
          numbers.addAll(nums);
          Clause c = Clause.of(text, j == 0, p.knownNames);
          Set<String> names = new HashSet<>();
          c.names().forEach(n -> names.add(n.key()));
          final int clauseIndex = j;
          int firstName = c.names().isEmpty() ? Integer.MAX_VALUE : c.names().get(0).start();
          boolean pronounSubject = c.tokens().stream()
              .anyMatch(t -> (clauseIndex == 0 || t.start() < firstName) && SUBJECT_PRONOUNS.contains(t.surface().toLowerCase(Locale.ROOT)))
              || GROUP_SUBJECT.matcher(text).lookingAt();
          boolean pronoun = c.tokens().stream().anyMatch(t -> PRONOUNS.contains(t.surface().toLowerCase(Locale.ROOT)));
          // A later clause without a person of its own ("and the company has said", "before the launch")
          // keeps the sentence's subject; one with its own person ("while Jeffrey Schmid wanted") does not.
          boolean ownPerson = c.names().stream().anyMatch(n -> persons.contains(n.key()));
          if (names.isEmpty() || pronounSubject || j > 0 && !ownPerson) {
            // A clause without a subject of its own continues the previous one; a pronoun points back further.
            names.addAll(carried);
            if (j == 0 && (pronounSubject || names.isEmpty() && pronoun)) {
              names.addAll(previous);
              names.addAll(titleNames);
            }
          }
          carried = names;
          anchored.addAll(NumberTies.anchor(c, nums, found, names, i == 0, k * 100_000 + i));
          sentenceNames.addAll(names);
          clauses.add(new SourceClause(k, c, names, nums, i == 0));
        }
        if (i > 0) {
          List<SourceClause> own = clauses.subList(firstClause, clauses.size());
          statements.add(Speakers.sentence(own, subject));
          Clause.Name opening = Speakers.opening(own);
          subject = opening != null ? opening : sentenceNames.isEmpty() ? subject : null;
        }
        if (i == 0) {
          titleNames.addAll(sentenceNames);
        } else if (!sentenceNames.isEmpty()) {
          previous = sentenceNames;
        }
      }
      p.clauses.add(clauses);
      p.dates.add(dates);
      p.numbers.add(numbers);
      p.anchors.add(anchor);
      p.anchored.add(anchored);
      List<Clause> pol = forPolarity(clauses);
      p.polarity.add(pol);
      p.phrases.add(Polarity.phrases(pol));
      p.texts.add(String.join(" ", sentences));
      p.statements.add(statements);
    }
    return p;
  }

  /**
   * Checks {@code claim} (its markers removed) against the sources it cites ({@code cited}, numbered
   * from 0) as of {@code asOf} (may be {@code null}); returns every rule it fails, in the order above.
   */
  public List<Finding> check(String claim, List<Integer> cited, Prepared p, Instant asOf) {
    List<Finding> out = new ArrayList<>();
    if (cited.isEmpty()) {
      return out;
    }
    List<SourceClause> sourceClauses = new ArrayList<>();
    List<DateMention> sourceDates = sourceDates(cited, p, asOf);
    List<Mention> sourceNumbers = sourceNumbers(cited, p);
    List<NumberTies.Anchored> sourceAnchored = new ArrayList<>();
    List<Clause> polarityClauses = new ArrayList<>();
    List<Clause> polarityPhrases = new ArrayList<>();
    List<Speakers.Sentence> statements = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int k : cited) {
      polarityClauses.addAll(p.polarity.get(k));
      polarityPhrases.addAll(p.phrases.get(k));
      statements.addAll(p.statements.get(k));
      sourceAnchored.addAll(p.anchored.get(k));
      sourceClauses.addAll(p.clauses.get(k));
      text.append(p.texts.get(k)).append(' ');
    }
    if (asOf != null) {
      sourceNumbers.add(year(asOf.atZone(zone).getYear())); // the answer's own year, which its date above stands for
    }
    List<String> parts = Clause.split(claim);
    List<List<DateMention>> partDates = datesOf(claim, parts, cited, p, sourceDates);
    Set<Finding> findings = new LinkedHashSet<>();
    List<Clause> claimClauses = new ArrayList<>();
    List<List<Mention>> claimNumbers = new ArrayList<>();
    List<List<DateMention>> claimDates = new ArrayList<>();
    for (int j = 0; j < parts.size(); j++) {
      String part = parts.get(j);
      List<DateMention> dates = partDates.get(j);
      for (DateMention d : dates) {
        if (!given(d, sourceDates)) {
          String shown = "'" + part.substring(d.start(), d.end()) + "'"
              + (d.relative() ? " (" + d.day() + " " + Month.of(d.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")" : "");
          findings.add(new Finding(Rule.DATE, shown + " is not a date the source gives"));
        }
        if (d.year() != 0 && sourceNumbers.stream().noneMatch(s -> Numbers.matches(year(d.year()), s))) {
          findings.add(new Finding(Rule.DATE, "the year " + d.year() + " is not in the source"));
        }
      }
      List<Mention> numbers = Numbers.find(mask(part, dates), true);
      for (Mention m : numbers) {
        if (sourceNumbers.stream().noneMatch(s -> Numbers.matches(m, s) || Numbers.marginOf(part, m, s))
            && !(Numbers.elapsed(part, m) && between(m, cited, p))) {
          findings.add(new Finding(Rule.NUMBER, "'" + part.substring(m.start(), m.end()).strip() + "' matches no number in the source"));
        }
      }
      claimClauses.add(Clause.of(part, j == 0, p.knownNames));
      // "The two sides agreed ...": the number of a group named by a description refers, it does not count.
      java.util.regex.Matcher group = GROUP_SUBJECT.matcher(part);
      int groupEnd = group.lookingAt() ? group.end() : 0;
      // "world No 1 Sinner": a rank written as a label names, it does not count, so it is tied to nothing.
      claimNumbers.add(numbers.stream().filter(m -> m.start() >= groupEnd && !RANK_LABEL.matcher(part.substring(0, m.start())).find()).toList());
      claimDates.add(dates);
    }
    out.addAll(findings.stream().filter(f -> f.rule() == Rule.NUMBER).toList());
    out.addAll(findings.stream().filter(f -> f.rule() == Rule.DATE).toList());
    for (Clause c : claimClauses) {
      Optional<String> why = Polarity.contradiction(c, polarityClauses, polarityPhrases);
      if (why.isPresent()) {
        out.add(new Finding(Rule.POLARITY, why.get()));
        break;
      }
    }
    Set<String> words = EntityTies.withInitials(Tokens.fold(text.toString()));
    words.addAll(EntityTies.dottedInitialisms(text.toString()));
    words.addAll(EntityTies.aliasMarks(sourceClauses.stream().flatMap(s -> s.clause().names().stream()).toList(),
        Tokens.fold(text.toString())));
    List<Clause.Name> allNames = claimClauses.stream().flatMap(c -> c.names().stream()).toList();
    for (Clause c : claimClauses) {
      Optional<Clause.Name> missing = EntityTies.missingName(c, words);
      if (missing.isPresent()) {
        out.add(new Finding(Rule.ENTITY, missing.get().text() + " is not in the cited source"));
        break;
      }
    }
    for (int j = 0; j < claimClauses.size(); j++) {
      Optional<String> why = EntityTies.untied(claimClauses.get(j), allNames, claimNumbers.get(j), sourceClauses);
      if (why.isEmpty()) {
        Clause c = claimClauses.get(j);
        why = NumberTies.misplaced(NumberTies.anchor(c, claimNumbers.get(j), claimDates.get(j)), sourceAnchored, c.text());
      }
      if (why.isEmpty()) {
        why = Roles.misassigned(claimClauses.get(j), sourceClauses);
      }
      if (why.isEmpty()) {
        why = Roles.substituted(claimClauses.get(j), sourceClauses);
      }
      if (why.isEmpty()) {
        why = Roles.partnered(claimClauses.get(j), sourceClauses);
      }
      if (why.isPresent()) {
        out.add(new Finding(Rule.TIE, why.get()));
        break;
      }
    }
    if (out.stream().noneMatch(f -> f.rule() == Rule.TIE)) {
      Speakers.misattributed(claimClauses, statements).ifPresent(why -> out.add(new Finding(Rule.TIE, why)));
    }
    return out;
  }

  /**
   * The dates of a claim's clauses ({@code parts} of {@code claim}), each resolved against the date of each cited
   * source in turn; where the readings differ, the one a source gives is kept.
   */
  private static List<List<DateMention>> datesOf(String claim, List<String> parts, List<Integer> cited, Prepared p,
      List<DateMention> sourceDates) {
    List<Dates.Reader> readers = new ArrayList<>();
    for (int k : cited) {
      Dates.Reader r = new Dates.Reader(p.anchors.get(k), false);
      r.sentence(claim);
      readers.add(r);
    }
    List<List<DateMention>> out = new ArrayList<>();
    for (String part : parts) {
      List<DateMention> dates = new ArrayList<>();
      for (Dates.Reader reader : readers) {
        List<DateMention> found = reader.find(part);
        if (dates.isEmpty()) {
          dates.addAll(found);
        } else {
          // The same words resolved against another source's date: keep the reading any source supports.
          for (int i = 0; i < found.size() && i < dates.size(); i++) {
            DateMention f = found.get(i);
            if (sourceDates.stream().anyMatch(s -> Dates.matches(f, s))) {
              dates.set(i, f);
            }
          }
        }
      }
      out.add(dates);
    }
    return out;
  }

  // A claim's date is given when a source date matches it; one counted from another ("two days before Trump signed
  // it") must be a date the sources' words give, not only their date of writing.
  private static boolean given(DateMention d, List<DateMention> sourceDates) {
    return sourceDates.stream().anyMatch(s -> Dates.matches(d, s) && (!d.relative() || s.end() > s.start()));
  }

  /**
   * The claim's dates and numbers that its cited sources give, however they write them ("31 October" where the source
   * has "the previous night", "three days" for "72 hours"), as the claim writes them (a number with its unit), for the
   * support rule to count their words as the sources' own.
   */
  public List<String> given(String claim, List<Integer> cited, Prepared p, Instant asOf) {
    List<DateMention> sourceDates = sourceDates(cited, p, asOf);
    List<Mention> sourceNumbers = sourceNumbers(cited, p);
    List<String> parts = Clause.split(claim);
    List<List<DateMention>> dates = datesOf(claim, parts, cited, p, sourceDates);
    List<String> out = new ArrayList<>();
    for (int j = 0; j < parts.size(); j++) {
      String part = parts.get(j);
      for (DateMention d : dates.get(j)) {
        if (given(d, sourceDates)) {
          out.add(part.substring(d.start(), d.end()));
        }
      }
      for (Mention m : Numbers.find(mask(part, dates.get(j)), true)) {
        if (sourceNumbers.stream().anyMatch(s -> Numbers.matches(m, s))) {
          out.add(part.substring(m.start(), Numbers.endWithUnit(part, m)));
        }
      }
    }
    return out;
  }

  // The dates the cited sources give, and the date the answer is written (as of), which "today" in a claim may name.
  private List<DateMention> sourceDates(List<Integer> cited, Prepared p, Instant asOf) {
    List<DateMention> out = new ArrayList<>();
    for (int k : cited) {
      out.addAll(p.dates.get(k));
    }
    if (asOf != null) {
      out.add(DateMention.of(asOf.atZone(zone).toLocalDate(), 0, 0));
    }
    return out;
  }

  private static List<Mention> sourceNumbers(List<Integer> cited, Prepared p) {
    List<Mention> out = new ArrayList<>();
    for (int k : cited) {
      out.addAll(p.numbers.get(k));
    }
    return out;
  }

  /**
   * Whether the span of time {@code m} ("two days", "nine months") is the time between two days the cited sources'
   * words give ("on Monday" and "on Wednesday"; "on 27 January" in one and "on 29 October" in the other).
   */
  private static boolean between(Mention m, List<Integer> cited, Prepared p) {
    List<LocalDate> days = new ArrayList<>();
    for (int k : cited) {
      for (DateMention d : p.dates.get(k)) {
        LocalDate day = d.end() > d.start() ? Dates.dayOf(d, p.anchors.get(k)) : null;
        if (day != null) {
          days.add(day);
        }
      }
    }
    for (int i = 0; i < days.size(); i++) {
      for (int j = i + 1; j < days.size(); j++) {
        if (Dates.apart(days.get(i), days.get(j), m.value(), m.unit())) {
          return true;
        }
      }
    }
    return false;
  }

  // Auxiliaries that open a clause without a subject of its own ("..., but were projected to fall short").
  private static final Set<String> SUBJECTLESS = Set.of("was", "were", "is", "are", "has", "have", "had", "will", "would",
      "could", "can", "did", "does", "do", "should", "may", "might", "must");
  private static final Set<String> LINKS = Set.of("but", "and", "yet", "while", "though", "although", "whereas");

  /**
   * The source clauses as the polarity check reads them: a clause with no subject of its own ("but were
   * projected to fall just short of a majority") is about the subject of the clause before it, so it takes
   * that clause's words (asserted, unless it denies them) along with its own.
   */
  private static List<Clause> forPolarity(List<SourceClause> clauses) {
    List<Clause> out = new ArrayList<>();
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i).clause();
      if (i > 0 && subjectless(c)) {
        Clause prev = clauses.get(i - 1).clause();
        Set<String> content = new HashSet<>(prev.asserted());
        content.addAll(c.content());
        Set<String> asserted = new HashSet<>(prev.asserted());
        asserted.removeAll(c.negated());
        asserted.addAll(c.asserted());
        Set<String> scoped = new HashSet<>(c.scoped());
        List<Clause.Name> names = new ArrayList<>(c.names());
        c = new Clause(c.text(), c.tokens(), content, c.negated(), asserted, scoped, names);
      }
      out.add(c);
    }
    return out;
  }

  private static boolean subjectless(Clause c) {
    List<Tokens.Token> t = c.tokens();
    int k = 0;
    while (k < t.size() && LINKS.contains(t.get(k).surface().toLowerCase(Locale.ROOT))) {
      k++;
    }
    return k > 0 && k < t.size() && SUBJECTLESS.contains(t.get(k).surface().toLowerCase(Locale.ROOT));
  }

  private static Mention year(int y) {
    return new Mention(Numbers.Kind.YEAR, y, 0, null, 1, 0, 0);
  }

  // Dates are checked on their own; their digits must not also count as plain numbers.
  private static String mask(String text, List<DateMention> dates) {
    char[] c = text.toCharArray();
    for (DateMention d : dates) {
      for (int i = d.start(); i < d.end() && i < c.length; i++) {
        c[i] = ' ';
      }
    }
    return new String(c);
  }
}

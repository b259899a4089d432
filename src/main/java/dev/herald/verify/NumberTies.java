package dev.herald.verify;

import dev.herald.verify.Numbers.Kind;
import dev.herald.verify.Numbers.Mention;
import dev.herald.verify.Tokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties each number to the words it qualifies, so that a number the source gives to one thing is not
 * accepted for another: in "34% on China, 20% on the European Union, 24% on Japan" the 24% belongs to
 * Japan, and "24% on China" is wrong although 24% and China are both in the sentence.
 *
 * <p>A number's <em>phrase</em> is the stretch of its clause between commas, colons, semicolons and the
 * links "and", "or", "while", "but", "whereas"; its <em>counted word</em> is the content word written
 * right after it ("eight <u>pieces</u>", "the fourth <u>ballot</u>"). Two rules, each a single statement:
 * <ol>
 *   <li>A claim's number whose phrase shares more words with the phrase of another number of the same
 *       kind in the source than with any phrase where the source states the claim's number belongs to that
 *       other statement (at least two shared words, or one when it is a name).
 *   <li>A claim's number that counts a word the source counts only with other numbers, while the source
 *       uses the claim's number only to count something else, is wrong ("the second ballot" where the
 *       source has "the fourth ballot" and "the second day").
 * </ol>
 */
public final class NumberTies {

  /**
   * A number with the words around it.
   *
   * @param mention the number
   * @param phrase content stems of its phrase, numbers excluded
   * @param counted the stem of the content word right after it, or {@code null}
   * @param free content stems of its clause outside every number's phrase, and the names the clause carries
   *     over from the sentence before ("her team" after "South Africa"), which the clause's numbers share
   * @param title true when it is in a headline, which compresses several statements and so never stands for one
   * @param sentence which sentence of the sources it is in (-1 for a claim)
   * @param names stems of the keys of the names in its phrase
   * @param date the date, when this is a date rather than a number ({@code mention} then only gives its place)
   * @param written the names written in its phrase
   * @param referents stems of the names a pronoun in its phrase may stand for ("after it first passed ... in July")
   */
  public record Anchored(Mention mention, Set<String> phrase, String counted, Set<String> free, boolean title, int sentence,
      Set<String> names, Dates.DateMention date, List<Clause.Name> written, Set<String> referents) {}

  private static final Pattern BOUNDARY = Pattern.compile(",(?!\\d)|[;:]|\\s(?:and|or|while|but|whereas)\\s");
  // Words after a number that compare rather than count ("six fewer than", "five more").
  private static final Set<String> NOT_COUNTED = Set.of("fewer", "more", "less", "than", "times", "per", "percent", "cent");
  private static final Set<Kind> TIED_KINDS = Set.of(Kind.AMOUNT, Kind.PERCENT, Kind.POINTS, Kind.FRACTION, Kind.ORDINAL);

  private NumberTies() {}

  /** A claim's numbers (found in the text of {@code clause}, offsets in it) with their phrases and counted words. */
  public static List<Anchored> anchor(Clause clause, List<Mention> numbers, List<Dates.DateMention> dates) {
    return anchor(clause, numbers, dates, Set.of(), false, -1);
  }

  /**
   * A source clause's numbers with their phrases and counted words; {@code carried} are the keys of the
   * names the clause is about without writing them, {@code title} tells whether it is a headline, and
   * {@code sentence} numbers the sentence it is in.
   */
  public static List<Anchored> anchor(Clause clause, List<Mention> stated, List<Dates.DateMention> dates, Set<String> carried,
      boolean title, int sentence) {
    List<Anchored> out = new ArrayList<>();
    // A date is anchored like a number; its place is kept as a mention of no tied kind's value.
    List<Mention> numbers = new ArrayList<>(stated);
    List<Dates.DateMention> dated = new ArrayList<>();
    for (Dates.DateMention d : dates) {
      if (d.end() > d.start()) {
        numbers.add(new Mention(Kind.YEAR, -1, 0, null, 1, d.start(), d.end()));
        dated.add(d);
      }
    }
    if (numbers.isEmpty()) {
      return out;
    }
    String text = clause.text();
    List<Integer> cuts = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    while (m.find()) {
      cuts.add(m.start());
    }
    List<Token> tokens = clause.tokens();
    Set<Integer> numbered = new HashSet<>();
    for (Mention n : numbers) {
      if (tied(n)) {
        numbered.add(segment(cuts, n.start()));
      }
    }
    // A name counts once, by its last word: "South Africa" is one word shared, not two.
    Set<Integer> inName = new HashSet<>();
    for (Clause.Name nm : clause.names()) {
      for (int q = 0; q < tokens.size(); q++) {
        Token t = tokens.get(q);
        if (t.start() >= nm.start() && t.end() < nm.end()) {
          inName.add(q);
        }
      }
    }
    Set<String> free = new HashSet<>();
    for (int q = 0; q < tokens.size(); q++) {
      Token t = tokens.get(q);
      if (inName.contains(q)) {
        continue;
      }
      if (!numbered.contains(segment(cuts, t.start())) && (clause.content().contains(t.stem()) || clause.negated().contains(t.stem()))) {
        free.add(t.stem());
      }
    }
    Set<String> written = new HashSet<>();
    clause.names().forEach(n -> written.add(n.key()));
    for (String c : carried) {
      if (!written.contains(c)) {
        free.add(c);
      }
    }
    for (Mention n : numbers) {
      if (!tied(n)) {
        continue;
      }
      Dates.DateMention date = null;
      if (n.value() == -1 && n.kind() == Kind.YEAR) {
        date = dated.stream().filter(d -> d.start() == n.start()).findFirst().orElse(null);
      }
      int seg = segment(cuts, n.start());
      Set<String> phrase = new HashSet<>();
      String counted = null;
      boolean next = true;
      Set<String> names = new HashSet<>();
      List<Clause.Name> inPhrase = new ArrayList<>();
      for (Clause.Name nm : clause.names()) {
        if (segment(cuts, nm.start()) == seg) {
          names.add(keyStem(nm));
          inPhrase.add(nm);
        }
      }
      for (int q = 0; q < tokens.size(); q++) {
        Token t = tokens.get(q);
        if (segment(cuts, t.start()) != seg || inside(numbers, t) || inName.contains(q)) {
          continue;
        }
        boolean content = clause.content().contains(t.stem()) || clause.negated().contains(t.stem());
        if (content && !Clause.isNumber(t)) {
          phrase.add(t.stem());
        }
        if (next && t.start() >= n.end()) {
          next = false;
          String low = t.surface().toLowerCase(Locale.ROOT);
          if (content && !Clause.isNumber(t) && !NOT_COUNTED.contains(low) && !t.capitalised() && !title) {
            counted = t.stem();
          }
        }
      }
      // "..., less than four months after it first passed the $4 trillion mark in July": a pronoun in the phrase stands
      // for a name written before it in the clause (or carried over); the number's own place shares that name.
      Set<String> referents = new HashSet<>();
      if (!title && sentence >= 0 && pronounIn(tokens, cuts, seg)) {
        for (Clause.Name nm : clause.names()) {
          if (segment(cuts, nm.start()) < seg) {
            referents.add(keyStem(nm));
          }
        }
        referents.addAll(carried);
      }
      out.add(new Anchored(n, phrase, date == null ? counted : null, free, title, sentence, names, date, inPhrase, referents));
    }
    return out;
  }

  private static final Set<String> PRONOUNS = Set.of("it", "its", "he", "his", "she", "her", "they", "their");

  private static boolean pronounIn(List<Token> tokens, List<Integer> cuts, int seg) {
    for (Token t : tokens) {
      if (segment(cuts, t.start()) == seg && PRONOUNS.contains(t.surface().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean tied(Mention n) {
    return TIED_KINDS.contains(n.kind()) || n.kind() == Kind.YEAR && n.value() == -1;
  }

  private static boolean matches(Anchored c, Anchored s) {
    if (c.date() != null || s.date() != null) {
      return c.date() != null && s.date() != null && Dates.matches(c.date(), s.date());
    }
    return Numbers.matches(c.mention(), s.mention());
  }

  private static boolean sameKind(Anchored c, Anchored s) {
    if (c.date() != null || s.date() != null) {
      return c.date() != null && s.date() != null;
    }
    Mention x = s.mention();
    return x.kind() == c.mention().kind() && Objects.equals(x.currency(), c.mention().currency())
        && Objects.equals(x.unit(), c.mention().unit());
  }

  /** The stem of a name's key, as its last word stands in a phrase. */
  static String keyStem(Clause.Name n) {
    List<Token> t = Tokens.of(n.key());
    return t.isEmpty() ? n.key() : t.get(0).stem();
  }

  private static int segment(List<Integer> cuts, int offset) {
    int s = 0;
    for (int c : cuts) {
      if (c < offset) {
        s++;
      }
    }
    return s;
  }

  private static boolean inside(List<Mention> numbers, Token t) {
    for (Mention n : numbers) {
      if (t.start() < n.end() && t.end() > n.start()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns why one of the claim's numbers or dates ({@code claim}, anchored in its clause, whose text is
   * {@code clauseText}) belongs to another statement of the sources ({@code sources}), or empty.
   */
  public static Optional<String> misplaced(List<Anchored> claim, List<Anchored> sources, String clauseText) {
    for (Anchored c : claim) {
      List<Anchored> same = sources.stream().filter(s -> matches(c, s)).toList();
      if (same.isEmpty() && c.date() == null) {
        continue; // the number rule's business; a date the sources only give as their own date of writing is checked below
      }
      // Where the source states the number exactly, a rounded neighbour ("3.8%" for "4%") is not where it stands.
      List<Anchored> exact = same.stream().filter(s -> Math.abs(s.mention().value() - c.mention().value()) < 1e-9).toList();
      if (!exact.isEmpty() && c.date() == null) {
        same = exact;
      }
      String shown = "'" + clauseText.substring(c.mention().start(), c.mention().end()).strip() + "'";
      int own = 0;
      Set<String> ownWords = new HashSet<>();
      Set<Integer> ownSentences = new HashSet<>();
      for (Anchored s : same) {
        ownSentences.add(s.sentence());
        Set<String> words = new HashSet<>(s.phrase());
        words.addAll(s.free());
        words.addAll(s.referents());
        // A name the source writes another way ("Fed", "Federal Reserve") is shared too.
        for (Clause.Name n : c.written()) {
          if (!words.contains(keyStem(n)) && s.written().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
            words.add(keyStem(n));
          }
        }
        own = Math.max(own, shared(c.phrase(), words).size());
        ownWords.addAll(words);
      }
      for (Anchored s : sources) {
        if (s.title() || !sameKind(c, s) || claim.stream().anyMatch(o -> matches(o, s))) {
          continue;
        }
        Set<String> shared = shared(c.phrase(), s.phrase());
        // A name decides alone only inside one sentence that states both numbers (a list, "310 ... of the 316").
        Set<String> names = ownSentences.contains(s.sentence()) ? shared(s.names(), c.names()) : new HashSet<>();
        names.removeAll(ownWords);
        if (!names.isEmpty() || shared.size() >= 2 && shared.size() > own) {
          return Optional.of(shown + " is not what the source gives for " + String.join(" ", names.isEmpty() ? shared : names));
        }
      }
      if (c.counted() != null) {
        boolean countedElsewhere = sources.stream()
            .anyMatch(s -> c.counted().equals(s.counted()) && !matches(c, s));
        // (headlines count nothing: their counted words are left out when anchoring)
        boolean ownCountsOther = same.stream().allMatch(s -> s.counted() != null && !s.counted().equals(c.counted()));
        if (countedElsewhere && ownCountsOther) {
          return Optional.of(shown + " counts something else in the source, not '" + c.counted() + "'");
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> shared(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}

package dev.herald.verify;

import dev.herald.verify.Clause.Name;
import dev.herald.verify.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Holds each name of a claim to the role the sources give it: the name a claim writes as the doer of a
 * word (right before it, "Netanyahu unveiled", or after "by" in the passive, "was headed by Yermak") must
 * be written before that word in some source clause that has it, or be its doer there. The claim is
 * dropped when no clause does so and some clause gives the word to another doer ("a plan that Trump
 * unveiled ... alongside Netanyahu"; "Saudi Arabia opposed it"; "was headed by Andriy Yermak, chief of
 * staff to President Volodymyr Zelensky").
 */
public final class Roles {

  /**
   * Who does one word of a clause.
   *
   * @param names the names written as its doers, in the clause
   * @param pronoun true when a pronoun stands as its doer ("he proposed"), for the names the clause carries over
   */
  record Doer(List<Name> names, boolean pronoun) {}

  // Words that may stand between a doer and its word: auxiliaries, negations, a few adverbs, relative pronouns.
  private static final Set<String> BETWEEN = Set.of("is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
      "will", "would", "could", "should", "can", "may", "might", "must", "shall", "do", "does", "did", "not", "also", "then",
      "later", "already", "still", "just", "only", "never", "again", "who", "which", "that", "once", "finally", "now",
      "both", "all", "jointly", "each");
  private static final Set<String> AUXILIARIES = Set.of("will", "would", "could", "should", "can", "may", "might", "must",
      "shall", "did", "does", "do", "not");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "his", "her", "their");
  // Attribution ties nobody to an action of their own: who said what is the quotation rule's and the tie rule's.
  private static final Set<String> FRAMING = EntityTies.FRAMING;
  // Light verbs take their sense from their object ("made the remarks", "made the final determination"; "took 20.8%",
  // "took questions"): the same word with another doer is no evidence of a swapped role. Stems, after irregular forms.
  private static final Set<String> LIGHT = Set.of("make", "take", "give", "get", "got", "put", "have", "had");
  private static final int APPOSITION = 12;
  private static final int PASSIVE_REACH = 8;

  private Roles() {}

  /**
   * Returns why {@code claim} gives a word to a doer that no source clause gives it to while some clause gives it
   * to another, or empty.
   */
  public static Optional<String> misassigned(Clause claim, List<SourceClause> sources) {
    List<Token> tokens = claim.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!checkable(claim, i)) {
        continue;
      }
      Doer d = doer(claim, i);
      if (d == null || d.names().isEmpty()) {
        continue;
      }
      String stem = tokens.get(i).stem();
      boolean support = false;
      Name other = null;
      for (SourceClause s : sources) {
        List<Token> st = s.clause().tokens();
        for (int k = 0; k < st.size() && !support; k++) {
          if (inName(s.clause(), st.get(k).start())) {
            continue;
          }
          if (agentNoun(st.get(k).stem(), stem)) {
            // "Russo equalised with a header" gives "headed" to Russo, but a noun names no doer to give it to another.
            support = supports(d, s, doer(s.clause(), k), st.get(k).start());
            continue;
          }
          if (!st.get(k).stem().equals(stem)) {
            continue;
          }
          Doer sd = doer(s.clause(), k);
          if (supports(d, s, sd, st.get(k).start())) {
            support = true;
          } else if (!s.title() && sd != null && !sd.names().isEmpty() && other == null && !doesSomething(d, s.clause())) {
            other = sd.names().get(0);
          }
        }
        if (support) {
          break;
        }
      }
      if (!support && other != null) {
        return Optional.of(d.names().get(0).text() + " is not who '" + tokens.get(i).surface() + "' is given to in the source ("
            + other.text() + " is)");
      }
    }
    return Optional.empty();
  }

  /**
   * Returns why a name of {@code claim} stands where the source clause that best matches the claim has another name,
   * or empty: "Tomahawk missiles struck Fordow" where the clause sharing most with it says "Tomahawk missiles hit
   * Isfahan", and the clauses naming Fordow share at most all but two of those words. The best clause must share at
   * least {@value #SLOT_ALIGNED} words and names with the claim; the other name must be one the claim does not write,
   * next to the same shared word as the claim's name.
   */
  public static Optional<String> substituted(Clause claim, List<SourceClause> sources) {
    Set<String> stems = new java.util.HashSet<>(claim.content());
    int best = 0;
    for (SourceClause s : sources) {
      if (!s.title()) {
        best = Math.max(best, score(stems, s.clause()));
      }
    }
    if (best < SLOT_ALIGNED) {
      return Optional.empty();
    }
    for (Name n : claim.names()) {
      Set<String> without = new java.util.HashSet<>(stems);
      Tokens.of(n.text()).forEach(t -> without.remove(t.stem()));
      int cov = -1;
      boolean inBest = false;
      for (SourceClause s : sources) {
        // A name carried over from the clause before does not stand in a clause that writes names of its own.
        if (mentions(s, n) && (s.clause().names().isEmpty() || written(s.clause(), n))) {
          cov = Math.max(cov, score(without, s.clause()));
          inBest |= !s.title() && score(stems, s.clause()) == best;
        }
      }
      if (inBest || cov < 0 || cov > best - 2 || possessive(n)) {
        continue;
      }
      for (SourceClause s : sources) {
        if (s.title() || score(stems, s.clause()) != best) {
          continue;
        }
        Set<String> shared = new java.util.HashSet<>(stems);
        shared.retainAll(s.clause().content());
        String[] slot = slot(claim, n, shared);
        for (Name m : s.clause().names()) {
          if (qualifier(m) || claim.names().stream().anyMatch(o -> EntityTies.sameEntity(o, m)) || writtenInLowerCase(claim, m)) {
            continue;
          }
          String[] other = slot(s.clause(), m, shared);
          boolean same = slot[0] != null && slot[0].equals(other[0]) || slot[0] != null && slot[1] != null && slot[1].equals(other[1]);
          if (same && !ledInElsewhere(claim, n, slot[0], sources)) {
            return Optional.of(n.text() + " stands where the source has " + m.text());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static final int SLOT_ALIGNED = 3;
  // At most this many words between a person and the name the claim puts them with ("Martinis is at Yale"), and between
  // the source's person and that name ("Devoret at Yale", "Gorbunov, who had arrived at the International Space Station").
  private static final int PARTNER_GAP = 4;
  private static final int SOURCE_PARTNER_GAP = 6;

  /**
   * Returns why a person the claim puts right before another name ("Martinis is at Yale") is not that name's partner in
   * the sources, or empty: every source clause writing the other name has a different person right before it ("Devoret
   * at Yale"), one the claim does not write, and none writes the claim's person before it or carries it over. Names
   * listed together ("Clarke and Devoret") are no pair.
   */
  public static Optional<String> partnered(Clause claim, List<SourceClause> sources) {
    List<Name> names = claim.names();
    for (int i = 0; i + 1 < names.size(); i++) {
      Name a = names.get(i);
      Name b = names.get(i + 1);
      String between = claim.text().substring(a.end(), b.start());
      if (possessive(a) || EntityTies.sameEntity(a, b) || between.contains(",") || between.isBlank()
          || between.strip().equals("and") || Tokens.of(between).size() > PARTNER_GAP || !namedPerson(a, sources)
          || PLACE_BEFORE.contains(wordBefore(claim, a))) {
        continue;
      }
      Name rival = null;
      boolean open = false;
      for (SourceClause s : sources) {
        if (s.title()) {
          continue;
        }
        Clause c = s.clause();
        for (Name o : c.names()) {
          if (!EntityTies.sameEntity(b, o)) {
            continue;
          }
          boolean aBefore = c.names().stream().anyMatch(x -> x.start() < o.start() && EntityTies.sameEntity(a, x));
          boolean carried = s.names().contains(a.key()) && c.names().stream().noneMatch(x -> EntityTies.sameEntity(a, x));
          Name p = personBefore(c, o, sources);
          if (aBefore || carried || p == null || names.stream().anyMatch(x -> EntityTies.sameEntity(x, p))) {
            open = true;
          } else {
            rival = p;
          }
        }
      }
      if (!open && rival != null) {
        return Optional.of(a.text() + " is not who the source puts with " + b.text() + " (" + rival.text() + " is)");
      }
    }
    return Optional.empty();
  }

  // "in Munich", "at Yale": a name after these is a place.
  private static final Set<String> PLACE_BEFORE = Set.of("in", "at", "from", "to", "near");

  private static String wordBefore(Clause c, Name n) {
    String w = "";
    for (Token t : c.tokens()) {
      if (t.end() <= n.start()) {
        w = t.surface().toLowerCase(Locale.ROOT);
      }
    }
    return w;
  }

  // A person as this rule reads one: a name written (here or in a source sentence other than the headline) as a person's
  // first and last name, its last word not a plural ("Los Angeles Dodgers" is a team).
  private static boolean namedPerson(Name n, List<SourceClause> sources) {
    if (n.key().endsWith("s")) {
      return false;
    }
    if (EntityTies.isPerson(n)) {
      return true;
    }
    for (SourceClause s : sources) {
      if (!s.title() && s.clause().names().stream().anyMatch(o -> o.key().equals(n.key()) && EntityTies.isPerson(o))) {
        return true;
      }
    }
    return false;
  }

  // The person written nearest before a name, at most SOURCE_PARTNER_GAP words before it, other names skipped ("Yaghi, at
  // the University of California, Berkeley"); or null.
  private static Name personBefore(Clause c, Name o, List<SourceClause> sources) {
    Name out = null;
    for (Name x : c.names()) {
      if (x.end() <= o.start() && (out == null || x.end() > out.end()) && !possessive(x) && namedPerson(x, sources)
          && Tokens.of(c.text().substring(x.end(), o.start())).size() <= SOURCE_PARTNER_GAP) {
        out = x;
      }
    }
    return out;
  }

  // Words of the claim the clause has, names included (content words hold the stems of names too).
  private static int score(Set<String> stems, Clause c) {
    return Tokens.countIn(stems, c.content());
  }

  // The shared words next to a name, in its comma phrase, with at most one other content word between: what it stands
  // next to. A name's own words and other names are no neighbours ("missiles hit Isfahan": "missil" before it).
  private static String[] slot(Clause c, Name n, Set<String> shared) {
    List<Token> t = c.tokens();
    int first = -1;
    int last = -1;
    for (int k = 0; k < t.size(); k++) {
      if (n.start() <= t.get(k).start() && t.get(k).start() < n.end()) {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    if (first < 0) {
      return new String[] {null, null};
    }
    return new String[] {neighbour(c, first, -1, shared), neighbour(c, last, 1, shared)};
  }

  private static String neighbour(Clause c, int from, int step, Set<String> shared) {
    List<Token> t = c.tokens();
    int others = 0;
    for (int k = from + step; k >= 0 && k < t.size(); k += step) {
      Token a = t.get(Math.min(k, k - step));
      Token b = t.get(Math.max(k, k - step));
      if (comma(c, a, b)) {
        return null;
      }
      Token w = t.get(k);
      String low = w.surface().toLowerCase(Locale.ROOT);
      if (inName(c, w.start())) {
        return null;
      }
      if (Clause.STOP.contains(low) || Clause.isNumber(w)) {
        continue;
      }
      if (shared.contains(w.stem())) {
        return w.stem();
      }
      if (++others > 1) {
        return null;
      }
    }
    return null;
  }

  // "Jeff Bezos's company": a possessive qualifies another thing, so it is no rival for the claim's name.
  private static boolean qualifier(Name m) {
    return possessive(m);
  }

  // "won the Ballon d'Or ahead of Lamine Yamal": the claim's words between the shared word and its name, written before
  // that name in a source clause ("finished ahead of ... Lamine Yamal"), tie it there; the claim adds, not substitutes.
  private static boolean ledInElsewhere(Clause claim, Name n, String neighbour, List<SourceClause> sources) {
    List<Token> t = claim.tokens();
    Set<String> between = new java.util.HashSet<>();
    for (int k = 0; k < t.size() && t.get(k).start() < n.start(); k++) {
      String low = t.get(k).surface().toLowerCase(Locale.ROOT);
      if (t.get(k).stem().equals(neighbour)) {
        between.clear();
      } else if (!Clause.STOP.contains(low) && !Clause.isNumber(t.get(k)) && !inName(claim, t.get(k).start())) {
        between.add(t.get(k).stem());
      }
    }
    for (SourceClause s : sources) {
      for (Name o : s.clause().names()) {
        if (!EntityTies.sameEntity(n, o)) {
          continue;
        }
        List<Token> st = s.clause().tokens();
        for (int k = 0; k < st.size(); k++) {
          if (st.get(k).start() < o.start() && o.start() - st.get(k).end() < 40 && between.contains(st.get(k).stem())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean written(Clause c, Name n) {
    if (c.names().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
      return true;
    }
    return c.tokens().stream().anyMatch(t -> Tokens.fold(t.surface()).strip().equals(n.key()));
  }

  private static boolean possessive(Name n) {
    String text = n.text();
    return text.endsWith("'s") || text.endsWith("’s") || text.endsWith("'") || text.endsWith("’");
  }

  private static boolean writtenInLowerCase(Clause claim, Name m) {
    for (Token t : claim.tokens()) {
      if (!t.capitalised() && Tokens.fold(t.surface()).strip().equals(m.key())) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(SourceClause s, Name n) {
    if (s.names().contains(n.key()) || s.clause().names().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
      return true;
    }
    for (Token t : s.clause().tokens()) {
      if (Tokens.fold(t.surface()).strip().equals(n.key())) {
        return true;
      }
    }
    return false;
  }

  // The noun of the one who does, or what does, what the verb says: "header" for "head", "scorer" for "score",
  // "winner" for "win" (stems).
  private static boolean agentNoun(String word, String verb) {
    if (!word.startsWith(verb) || !word.endsWith("r") || verb.length() < 3) {
      return false;
    }
    int extra = word.length() - verb.length();
    return extra == 2 && word.endsWith("er") || extra == 1 && verb.endsWith("e")
        || extra == 3 && word.endsWith("er") && word.charAt(verb.length()) == verb.charAt(verb.length() - 1);
  }

  // A clause where the claim's doer does something of its own ("the House approved it, after the Senate passed it")
  // may say the claim's action in other words: no evidence either way.
  private static boolean doesSomething(Doer claimDoer, Clause s) {
    for (int k = 0; k < s.tokens().size(); k++) {
      if (inName(s, s.tokens().get(k).start()) || Clause.STOP.contains(s.tokens().get(k).surface().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Doer d = doer(s, k);
      if (d != null && d.names().stream().anyMatch(o -> claimDoer.names().stream().anyMatch(n -> EntityTies.sameEntity(n, o)))) {
        return true;
      }
    }
    return false;
  }

  // A word a claim could tie to a doer: a content word outside names, numbers and attribution.
  private static boolean checkable(Clause c, int i) {
    Token t = c.tokens().get(i);
    String low = t.surface().toLowerCase(Locale.ROOT);
    return !Clause.STOP.contains(low) && !FRAMING.contains(low) && !LIGHT.contains(t.stem()) && !Clause.isNumber(t)
        && !t.capitalised() && t.stem().length() >= 3 && !inName(c, t.start()) && verb(c, i);
  }

  // Only actions are held to their doer, not a name's modifiers ("US energy", "Ukraine's team"): a past form, or a word
  // after an auxiliary ("will chair", "did not travel").
  private static boolean verb(Clause c, int i) {
    String low = c.tokens().get(i).surface().toLowerCase(Locale.ROOT);
    if (low.length() >= 5 && low.endsWith("ed") || Tokens.irregularPast(low)) {
      return true;
    }
    return i > 0 && AUXILIARIES.contains(c.tokens().get(i - 1).surface().toLowerCase(Locale.ROOT));
  }

  // The source clause supports the claim's doer when it writes it before the word, carries it over, or makes it the doer.
  private static boolean supports(Doer claimDoer, SourceClause s, Doer sourceDoer, int at) {
    for (Name n : claimDoer.names()) {
      if (sourceDoer != null && sourceDoer.names().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
        return true;
      }
      if (s.names().contains(n.key()) && s.clause().names().stream().noneMatch(o -> o.key().equals(n.key()))) {
        return true; // carried over from the sentence before: its place is unknown
      }
      for (Name o : s.clause().names()) {
        if (o.start() < at && EntityTies.sameEntity(n, o)) {
          return true;
        }
      }
      for (Token t : s.clause().tokens()) {
        if (t.start() < at && Tokens.fold(t.surface()).strip().equals(n.key())) {
          return true; // "the bank" for "the Bank of England"
        }
      }
    }
    return false;
  }

  /** The doer of the word at token {@code i} of {@code c}: the passive's "by" name, else the name written right before it; or null. */
  static Doer doer(Clause c, int i) {
    List<Token> t = c.tokens();
    List<Name> passive = passiveAgent(c, i);
    if (!passive.isEmpty()) {
      return new Doer(passive, false);
    }
    boolean who = false;
    int j = i - 1;
    while (j >= 0) {
      if (comma(c, t.get(j), t.get(j + 1))) {
        Name n = nameEndingAt(c, t.get(j));
        if (who && n != null) {
          return new Doer(coordinated(c, n), false);
        }
        return apposition(c, j);
      }
      Token w = t.get(j);
      String low = w.surface().toLowerCase(Locale.ROOT);
      Name n = nameEndingAt(c, w);
      if (n != null) {
        return new Doer(coordinated(c, n), false);
      }
      if (PRONOUNS.contains(low)) {
        return new Doer(List.of(), true);
      }
      if (BETWEEN.contains(low) || low.length() > 4 && low.endsWith("ly") && !w.capitalised()) {
        who |= low.equals("who");
        j--;
        continue;
      }
      // "Colombia's delegation objected": a possessive name and one noun are the doer's name and what it acts through.
      if (j > 0 && !w.capitalised() && !comma(c, t.get(j - 1), w)) {
        Name owner = nameEndingAt(c, t.get(j - 1));
        if (owner != null && possessive(owner)) {
          return new Doer(List.of(owner), false);
        }
      }
      return null;
    }
    return null;
  }

  // "Robson, of the University of Melbourne, made": the name before a stretch set off by commas.
  private static Doer apposition(Clause c, int closing) {
    List<Token> t = c.tokens();
    for (int a = closing; a > 0 && closing - a < APPOSITION; a--) {
      if (comma(c, t.get(a - 1), t.get(a))) {
        Name n = nameEndingAt(c, t.get(a - 1));
        return n == null ? null : new Doer(coordinated(c, n), false);
      }
    }
    return null;
  }

  // "was signed in Washington by Scott Bessent and Yulia Svyrydenko": the names after "by", skipping small words and names.
  private static List<Name> passiveAgent(Clause c, int i) {
    List<Token> t = c.tokens();
    for (int j = i + 1; j < t.size() && j - i <= PASSIVE_REACH; j++) {
      Token w = t.get(j);
      String low = w.surface().toLowerCase(Locale.ROOT);
      if (comma(c, t.get(j - 1), w)) {
        return List.of();
      }
      if (low.equals("by")) {
        int k = j + 1;
        while (k < t.size() && t.get(k).surface().equalsIgnoreCase("the")) {
          k++;
        }
        if (k < t.size()) {
          Name n = nameStartingAt(c, t.get(k));
          if (n != null) {
            List<Name> out = new ArrayList<>();
            out.add(n);
            Name next = n;
            while ((next = followingInList(c, next)) != null) {
              out.add(next);
            }
            return out;
          }
        }
        return List.of();
      }
      if (!Clause.STOP.contains(low) && !inName(c, w.start())) {
        return List.of();
      }
    }
    return List.of();
  }

  // "Bessent and Svyrydenko signed": the names joined to the doer by "and" or commas, before it.
  private static List<Name> coordinated(Clause c, Name last) {
    List<Name> out = new ArrayList<>();
    out.add(last);
    List<Name> names = c.names();
    int k = names.indexOf(last);
    while (k > 0) {
      Name prev = names.get(k - 1);
      String between = c.text().substring(prev.end(), names.get(k).start()).strip();
      if (!(between.equals("and") || between.equals(",") || between.equals(", and"))) {
        break;
      }
      out.add(prev);
      k--;
    }
    return out;
  }

  private static Name followingInList(Clause c, Name n) {
    List<Name> names = c.names();
    int k = names.indexOf(n);
    if (k < 0 || k + 1 >= names.size()) {
      return null;
    }
    Name next = names.get(k + 1);
    String between = c.text().substring(n.end(), next.start()).strip();
    return between.equals("and") || between.equals(",") || between.equals(", and") || between.equals("(") ? next : null;
  }

  private static boolean comma(Clause c, Token a, Token b) {
    return c.text().substring(a.end(), b.start()).contains(",");
  }

  private static Name nameEndingAt(Clause c, Token t) {
    for (Name n : c.names()) {
      if (n.end() == t.end() || n.start() <= t.start() && t.end() <= n.end() && n.end() - t.end() <= 2) {
        return n;
      }
    }
    return null;
  }

  private static Name nameStartingAt(Clause c, Token t) {
    for (Name n : c.names()) {
      if (n.start() == t.start()) {
        return n;
      }
    }
    return null;
  }

  private static boolean inName(Clause c, int offset) {
    for (Name n : c.names()) {
      if (n.start() <= offset && offset < n.end()) {
        return true;
      }
    }
    return false;
  }
}

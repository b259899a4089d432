package dev.herald.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a claim that says the opposite of its source: a word the claim asserts where the source
 * denies it, or denies where the source asserts it ("would change" against "will not change";
 * "resolved" against "unresolved"), and a claim that takes the other side of a pair of opposites
 * ("refused" against "agreed", "rose" against "fell", "within" against "beyond").
 */
public final class Polarity {

  // A change against no change: "cut its deposit rate" against "left its deposit rate unchanged", "kept ... on hold". Read
  // in the best clause only, not beside a word: "cut interest rates" and "leave rates unchanged" both write "rates".
  private static final Set<String>[] CHANGE =
      pair(Set.of("cut", "lower", "reduc", "rais", "hike", "increas"), Set.of("unchang", "steadi", "hold", "kept", "keep"));

  // Relations whose two sides swapped say the same ("A finished behind B", "B finished ahead of A").
  private static final Set<String>[] AHEAD = pair(Set.of("ahead"), Set.of("behind"));
  private static final Set<String>[] OLDER = pair(Set.of("old", "older", "oldest"), Set.of("young", "younger", "youngest"));
  private static final Set<String>[] EARLIER = pair(Set.of("earli", "earliest"), Set.of("late", "latest"));

  // Each pair: words of one side, words of the other side (stems).
  private static final List<Set<String>[]> OPPOSITES = List.of(
      pair(Set.of("rise", "climb", "gain", "jump", "soar", "increas", "rais", "grow", "boost", "strengthen"),
          Set.of("fall", "drop", "declin", "lower", "cut", "slip", "decreas", "reduc", "shrink", "slash", "plung",
              "tumbl", "sink", "weaken", "eas")),
      pair(Set.of("win", "gain", "keep", "retain", "hold"), Set.of("lose")),
      CHANGE,
      pair(Set.of("join", "enter"), Set.of("leav", "leave", "quit", "exit", "withdraw")),
      pair(Set.of("address", "tackl", "heed"), Set.of("ignor", "overlook", "disregard")),
      pair(Set.of("accept", "agre", "approv", "endors", "support", "welcom"),
          Set.of("reject", "refus", "oppos", "veto", "object", "disagre", "disput", "condemn", "appeal")),
      pair(Set.of("within", "insid"), Set.of("beyond", "outsid")),
      // Taking a side on something: backing or praising it against criticising it.
      pair(Set.of("back", "prais"), Set.of("criticis", "critic")),
      pair(Set.of("more", "larger", "bigger", "above", "exceed"), Set.of("fewer", "less", "smaller", "below")),
      pair(Set.of("includ"), Set.of("exclud", "omit")),
      pair(Set.of("allow", "permit"), Set.of("ban", "prohibit", "forbid", "block")),
      pair(Set.of("start", "begin", "resum", "continu"), Set.of("stop", "halt", "suspend", "paus")),
      // Opposite qualities and directions: a claim that keeps the source's words but one of these swapped says the reverse.
      pair(Set.of("upper"), Set.of("lower")),
      OLDER,
      EARLIER,
      pair(Set.of("high", "higher", "highest"), Set.of("low", "lowest")),
      pair(Set.of("largest", "biggest"), Set.of("smallest")),
      pair(Set.of("strongest"), Set.of("weakest")),
      pair(Set.of("best"), Set.of("worst")),
      pair(Set.of("longest"), Set.of("shortest")),
      pair(Set.of("public"), Set.of("privat")),
      pair(Set.of("success", "successfulli"), Set.of("failur", "fail", "lose")),
      pair(Set.of("same"), Set.of("differ")),
      pair(Set.of("minimum"), Set.of("maximum")),
      pair(Set.of("domest"), Set.of("foreign")),
      pair(Set.of("major"), Set.of("minor")),
      pair(Set.of("perman"), Set.of("temporari")),
      pair(Set.of("male"), Set.of("femal")),
      pair(Set.of("legal"), Set.of("illeg")),
      pair(Set.of("full"), Set.of("partial")),
      pair(Set.of("north", "northern"), Set.of("south", "southern")),
      pair(Set.of("east", "eastern"), Set.of("west", "western")),
      AHEAD,
      pair(Set.of("import"), Set.of("export")),
      pair(Set.of("bui", "purchas"), Set.of("sell")),
      pair(Set.of("arriv"), Set.of("depart")),
      pair(Set.of("confirm"), Set.of("deni")),
      pair(Set.of("convict"), Set.of("acquit")),
      pair(Set.of("underestim"), Set.of("overestim")));

  // Pairs of relations that say the same with their two sides swapped: "A finished behind B" is "B finished ahead of A".
  private static final List<Set<String>[]> CONVERSE = List.of(AHEAD, OLDER, EARLIER);

  // True when a name the claim writes before its word of one side stands after the source's word of the other side.
  private static boolean converse(Clause claim, Set<String> mine, Clause source, Set<String> theirs) {
    int at = wordAt(claim, mine);
    int there = wordAt(source, theirs);
    if (at < 0 || there < 0) {
      return false;
    }
    for (Clause.Name n : claim.names()) {
      if (n.start() >= at) {
        continue;
      }
      for (Clause.Name o : source.names()) {
        if (o.start() > there && EntityTies.sameEntity(n, o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int wordAt(Clause c, Set<String> words) {
    for (Tokens.Token t : c.tokens()) {
      if (words.contains(t.stem()) && c.asserted().contains(t.stem())) {
        return t.start();
      }
    }
    return -1;
  }

  @SafeVarargs
  private static Set<String>[] pair(Set<String>... sides) {
    return sides;
  }

  private Polarity() {}

  /**
   * Returns why {@code claim} contradicts the cited {@code sources} clauses, or empty when it does
   * not (or when no source clause is close enough to the claim to tell).
   */
  public static Optional<String> contradiction(Clause claim, List<Clause> sources) {
    return contradiction(claim, sources, phrases(sources));
  }

  /** The comma-delimited phrases of {@code clauses}, each analysed as a clause (a clause without a comma is its own phrase). */
  public static List<Clause> phrases(List<Clause> clauses) {
    List<Clause> out = new java.util.ArrayList<>();
    for (Clause c : clauses) {
      if (c.text().indexOf(',') < 0) {
        out.add(c);
        continue;
      }
      for (String part : c.text().split(",(?!\\d)")) {
        if (!part.isBlank()) {
          out.add(Clause.of(part.strip(), false, Set.of()));
        }
      }
    }
    return out;
  }

  /**
   * As {@link #contradiction(Clause, List)}, with the sources' comma-delimited {@code phrases} given: a pair of
   * opposites is also read in the phrase closest to the claim ("Shares in Nvidia fell about 17%, ... as investors
   * took fright at the rise of DeepSeek" says "fell" of the shares).
   */
  public static Optional<String> contradiction(Clause claim, List<Clause> sources, List<Clause> phrases) {
    Set<String> words = new HashSet<>(claim.content());
    words.addAll(claim.negated());
    if (words.size() < 2) {
      return Optional.empty();
    }
    int aligned = Math.max(2, (words.size() + 1) / 2);
    for (String h : words) {
      boolean claimDenies = claim.negated().contains(h);
      if (!claimDenies && claim.scoped().contains(h)) {
        continue; // near a negation but not its word: whether the claim denies it cannot be told ("does not include a roadmap")
      }
      int bestOverlap = 0;
      boolean bestAgrees = false;
      boolean anywhereAgrees = false;
      boolean anywhereOpposes = false;
      for (Clause s : sources) {
        if (!s.content().contains(h) && !s.negated().contains(h)) {
          continue;
        }
        boolean sourceDenies = s.negated().contains(h) && !s.asserted().contains(h);
        boolean agrees = sourceDenies == claimDenies;
        int overlap = overlap(words, s);
        if (overlap >= 2) {
          anywhereAgrees |= agrees;
          anywhereOpposes |= !agrees;
        }
        // The clauses closest to the claim decide; a looser one saying the opposite about something else does not.
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          bestAgrees = agrees;
        } else if (overlap == bestOverlap) {
          bestAgrees |= agrees;
        }
      }
      if (bestOverlap >= aligned && !bestAgrees) {
        return Optional.of((claimDenies ? "denies" : "asserts") + " '" + h + "', which the source " + (claimDenies ? "asserts" : "denies"));
      }
      // A denial that carries the claim's own predicate decides ("agreed a ceasefire" against "no truce was agreed",
      // while another clause only "discussed a ceasefire"), unless it names someone the claim does not.
      if (!claimDenies && !claim.scoped().contains(h)) {
        Optional<String> d = deniedWithPredicate(claim, words, h, sources);
        if (d.isPresent()) {
          return d;
        }
      }
      // Asserting what the sources only ever deny is caught even in a loosely matching clause ("the deal extends them"
      // against "the deal does not extend them"); the reverse is not, since claims often add a negative aside.
      if (bestOverlap < aligned && !claimDenies && !claim.scoped().contains(h) && anywhereOpposes && !anywhereAgrees) {
        return Optional.of("asserts '" + h + "', which the source denies");
      }
    }
    Optional<String> o = opposite(claim, words, sources, aligned);
    if (o.isEmpty()) {
      o = opposite(claim, words, phrases, aligned);
    }
    if (o.isEmpty()) {
      o = antonym(claim, words, sources, aligned);
    }
    if (o.isEmpty()) {
      o = antonym(claim, words, phrases, aligned);
    }
    if (o.isEmpty()) {
      o = oppositeBeside(claim, sources);
    }
    if (o.isEmpty()) {
      o = without(claim, words, phrases, aligned);
    }
    if (o.isEmpty()) {
      o = allAgainstOnly(claim, words, sources, aligned);
    }
    return o;
  }

  private static final Set<String> ALL = Set.of("all", "every");
  private static final Set<String> COUNT_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "a", "few", "some", "part", "half");

  // "the bodies of all the hostages were handed over" against "only four bodies were handed over": a claim of all where
  // the closest clauses count only some.
  private static Optional<String> allAgainstOnly(Clause claim, Set<String> words, List<Clause> sources, int aligned) {
    if (claim.tokens().stream().noneMatch(t -> ALL.contains(t.surface().toLowerCase(java.util.Locale.ROOT)))) {
      return Optional.empty();
    }
    List<Clause> closest = closest(words, sources, aligned);
    if (closest == null) {
      return Optional.empty();
    }
    for (Clause s : closest) {
      boolean all = s.tokens().stream().anyMatch(t -> ALL.contains(t.surface().toLowerCase(java.util.Locale.ROOT)));
      if (all || !onlySome(s)) {
        return Optional.empty();
      }
    }
    return Optional.of("says all where the source counts only some");
  }

  /**
   * The source clauses sharing the most of the claim's {@code words}, or null when even those share fewer
   * than {@code aligned} (no clause is close enough to judge by).
   */
  private static List<Clause> closest(Set<String> words, List<Clause> sources, int aligned) {
    int best = 0;
    for (Clause s : sources) {
      best = Math.max(best, overlap(words, s));
    }
    if (best < aligned) {
      return null;
    }
    List<Clause> out = new java.util.ArrayList<>();
    for (Clause s : sources) {
      if (overlap(words, s) == best) {
        out.add(s);
      }
    }
    return out;
  }

  // "only four", "only 20", "only a few": a count limited by "only".
  private static boolean onlySome(Clause c) {
    List<Tokens.Token> t = c.tokens();
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).surface().equalsIgnoreCase("only")) {
        Tokens.Token next = t.get(i + 1);
        if (Clause.isNumber(next) || COUNT_WORDS.contains(next.surface().toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  // "brought Starliner back with them" against "brought Starliner back without them": "with" and "without" are opposites.
  private static Optional<String> without(Clause claim, Set<String> words, List<Clause> sources, int aligned) {
    if (!has(claim, "with") || has(claim, "without")) {
      return Optional.empty();
    }
    List<Clause> closest = closest(words, sources, aligned);
    if (closest == null) {
      return Optional.empty();
    }
    for (Clause s : closest) {
      if (!(has(s, "without") && !has(s, "with"))) {
        return Optional.empty();
      }
    }
    return Optional.of("says 'with' where the source says 'without'");
  }

  private static boolean has(Clause c, String word) {
    return c.tokens().stream().anyMatch(t -> t.surface().equalsIgnoreCase(word));
  }

  private static Optional<String> deniedWithPredicate(Clause claim, Set<String> words, String h, List<Clause> sources) {
    Set<String> claimNames = new HashSet<>();
    Set<String> nameStems = new HashSet<>();
    for (Clause.Name n : claim.names()) {
      claimNames.add(n.key());
      Tokens.of(n.text()).forEach(t -> nameStems.add(t.stem()));
    }
    for (Clause d : sources) {
      if (!d.negated().contains(h) || d.asserted().contains(h) || overlap(words, d) < 2
          || !d.names().stream().allMatch(n -> claimNames.contains(n.key()))) {
        continue;
      }
      for (String w : words) {
        if (w.equals(h) || !d.asserted().contains(w) || nameStems.contains(w)) {
          continue;
        }
        boolean assertedWith = false;
        for (Clause s : sources) {
          if (s.asserted().contains(h) && s.content().contains(w)) {
            assertedWith = true;
          }
        }
        if (!assertedWith) {
          return Optional.of("asserts '" + h + "', which the source denies where it says '" + w + "'");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> opposite(Clause claim, Set<String> words, List<Clause> sources, int aligned) {
    List<Clause> closest = closest(words, sources, aligned);
    if (closest == null) {
      return Optional.empty();
    }
    for (Set<String>[] sides : OPPOSITES) {
      for (int k = 0; k < 2; k++) {
        Set<String> mine = sides[k];
        Set<String> theirs = sides[1 - k];
        if (!intersects(claim.asserted(), mine) || intersects(claim.asserted(), theirs)) {
          continue;
        }
        if (sides == CHANGE && !changeDone(claim, mine)) {
          continue; // "voted for a quarter-point cut" proposes a change; it does not say one was made
        }
        boolean allOpposite = true;
        for (Clause s : closest) {
          if (!(intersects(s.asserted(), theirs) && !intersects(s.asserted(), mine)) || CONVERSE.contains(sides) && converse(claim, mine, s, theirs)) {
            allOpposite = false;
          }
        }
        if (allOpposite) {
          return Optional.of("says " + String.join("/", mine.stream().filter(claim.asserted()::contains).toList())
              + " where the source says the opposite");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #opposite}, with WordNet's antonyms in place of the table: the claim asserts a word where every
   * closest source clause asserts one of its antonyms and not the word ("the cycle of cuts was just beginning"
   * against "nearing the end of the cycle"). Comparatives and superlatives meet their adjective ("higher", "low").
   */
  private static Optional<String> antonym(Clause claim, Set<String> words, List<Clause> sources, int aligned) {
    List<Clause> closest = closest(words, sources, aligned);
    if (closest == null) {
      return Optional.empty();
    }
    Set<String> mine = Antonyms.forms(claim.asserted());
    List<Set<String>> theirForms = closest.stream().map(s -> Antonyms.forms(s.asserted())).toList();
    List<Tokens.Token> tokens = claim.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Tokens.Token t = tokens.get(i);
      if (!claim.asserted().contains(t.stem()) || claim.scoped().contains(t.stem())) {
        continue;
      }
      Set<String> own = Antonyms.forms(t.stem());
      Set<String> opposites = Antonyms.opposites(t.stem());
      if (opposites.isEmpty() || intersects(mine, opposites) || writesAlike(sources, tokens, i)) {
        continue; // a word the sources write in the same phrase is meant in their sense ("close to 2,000" beside "opening the way")
      }
      String said = null;
      for (Set<String> theirs : theirForms) {
        said = null;
        if (intersects(theirs, own)) {
          break;
        }
        for (String b : opposites) {
          if (theirs.contains(b)) {
            said = b;
          }
        }
        if (said == null) {
          break;
        }
      }
      if (said != null) {
        return Optional.of("says '" + t.surface() + "' where the source says its opposite ('" + said + "')");
      }
    }
    return Optional.empty();
  }

  // True when a source writes word i of the claim with the same word before or after it.
  private static boolean writesAlike(List<Clause> sources, List<Tokens.Token> claim, int i) {
    String before = i > 0 ? claim.get(i - 1).stem() : null;
    String after = i + 1 < claim.size() ? claim.get(i + 1).stem() : null;
    for (Clause s : sources) {
      List<Tokens.Token> st = s.tokens();
      for (int j = 0; j < st.size(); j++) {
        if (st.get(j).stem().equals(claim.get(i).stem())
            && (j > 0 && st.get(j - 1).stem().equals(before) || j + 1 < st.size() && st.get(j + 1).stem().equals(after))) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "another", "further", "any", "no", "its", "their");

  // A change word used as a verb, not as a noun after a determiner or a modifier ("a cut", "a quarter-point cut").
  private static boolean changeDone(Clause claim, Set<String> words) {
    List<Tokens.Token> t = claim.tokens();
    for (int i = 0; i < t.size(); i++) {
      if (!words.contains(t.get(i).stem())) {
        continue;
      }
      String before = i == 0 ? "" : t.get(i - 1).surface().toLowerCase(java.util.Locale.ROOT);
      if (!DETERMINERS.contains(before) && !before.endsWith("point") && !before.endsWith("rate")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "in the upper house" against "in the lower house": one side of a pair of opposites next to a word that the
   * sources write only with the other side, never with this one, whatever else the clauses share.
   */
  private static Optional<String> oppositeBeside(Clause claim, List<Clause> sources) {
    List<Tokens.Token> t = claim.tokens();
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i).stem();
      if (!claim.asserted().contains(w) || claim.scoped().contains(w)) {
        continue;
      }
      for (Set<String>[] sides : OPPOSITES) {
        for (int k = 0; k < 2 && sides != CHANGE; k++) {
          if (!sides[k].contains(w) || intersects(claim.asserted(), sides[1 - k])) {
            continue;
          }
          for (String beside : neighbours(claim, i)) {
            boolean mine = false;
            boolean theirs = false;
            for (Clause s : sources) {
              List<Tokens.Token> st = s.tokens();
              for (int j = 0; j < st.size(); j++) {
                if (!neighbours(s, j).contains(beside)) {
                  continue;
                }
                mine |= sides[k].contains(st.get(j).stem());
                theirs |= sides[1 - k].contains(st.get(j).stem()) && s.asserted().contains(st.get(j).stem());
              }
            }
            if (theirs && !mine) {
              return Optional.of("says '" + t.get(i).surface() + "' beside '" + beside + "' where the source says the opposite");
            }
          }
        }
      }
    }
    return Optional.empty();
  }


  // The content words right before and right after word i (small words skipped; a name counts as a word).
  private static List<String> neighbours(Clause c, int i) {
    List<String> out = new java.util.ArrayList<>(2);
    List<Tokens.Token> t = c.tokens();
    for (int step = -1; step <= 1; step += 2) {
      for (int j = i + step; j >= 0 && j < t.size(); j += step) {
        String low = t.get(j).surface().toLowerCase(java.util.Locale.ROOT);
        if (low.equals("the") || low.equals("a") || low.equals("an") || low.equals("its") || low.equals("their")) {
          continue;
        }
        if (!Clause.STOP.contains(low) && !Clause.isNumber(t.get(j))) {
          out.add(t.get(j).stem());
        }
        break;
      }
    }
    return out;
  }

  static int overlap(Set<String> words, Clause s) {
    int n = 0;
    for (String w : words) {
      if (s.content().contains(w) || s.negated().contains(w)) {
        n++;
      }
    }
    return n;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : b) {
      if (a.contains(x)) {
        return true;
      }
    }
    return false;
  }
}

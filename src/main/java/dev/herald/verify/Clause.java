package dev.herald.verify;

import dev.herald.verify.Tokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause of a sentence, the unit the fact checks compare: its words, content stems, negated words
 * and the names it mentions. Sentences are cut at semicolons and at contrastive links ("but", "while",
 * "although", "before"), where news sentences usually change subject or polarity.
 *
 * @param text the clause
 * @param tokens its words
 * @param content stems of its content words (no stop words, negations or numbers)
 * @param negated stems the clause negates ("did not travel" negates "travel"; "unresolved" negates "resolv")
 * @param asserted content stems written at least once outside a negation ("signing ... left unsigned" asserts "sign")
 * @param scoped stems within a few words after a negation, which it may cover ("without agreeing to a ceasefire")
 * @param names the names written in the clause
 */
public record Clause(String text, List<Token> tokens, Set<String> content, Set<String> negated, Set<String> asserted,
    Set<String> scoped, List<Name> names) {

  /**
   * A name: a run of capitalised words ("Governor Andrew Bailey", "Bank of England").
   *
   * @param text the name as written
   * @param key its last word folded to lower case without accents or possessive ("bailey")
   * @param start offset of the name's first word in the clause
   * @param end end offset in the clause
   */
  public record Name(String text, String key, int start, int end) {}

  private static final Pattern SPLIT = Pattern.compile(
      ";\\s*|\\s*[—–]\\s+|,\\s*(?=(?:but|while|whereas|although|though|even though|yet|and)\\s)"
          + "|\\s+(?=(?:but|while|whereas|although|though|before)\\s)");

  private static final Set<String> COMPARATIVES = Set.of("more", "less");

  // Function words, auxiliaries and attribution, which carry no claim.
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "the", "and", "or", "but", "if", "of", "on", "in", "at", "by", "for", "with", "to", "from", "into", "onto",
      "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
      "having", "will", "would", "could", "should", "can", "may", "might", "must", "shall", "it", "its", "he", "she", "they",
      "them", "his", "her", "him", "their", "we", "you", "i", "our", "your", "who", "whom", "which", "that", "this", "these",
      "those", "what", "when", "where", "how", "why", "there", "here", "then", "than", "so", "such", "also", "just", "very",
      "too", "said", "say", "says", "saying", "told", "tell", "according", "reported", "reports", "report", "about", "around",
      "roughly", "nearly", "almost", "some", "approximately", "while", "whereas", "although", "though", "yet", "even",
      "both", "each", "all", "any", "more", "less", "up", "down", "out", "off", "over", "under", "after", "before",
      "during", "since", "until", "per", "cent", "percent", "percentage", "point", "points", "only", "still", "again",
      "own", "other", "another", "further", "later", "earlier", "now", "well", "not", "no", "never", "neither", "nor",
      "none", "nothing", "nobody", "without", "cannot", "instead", "rather", "s", "t", "new", "hardly", "barely", "scarcely");
  // Number words: the number checks own them.
  private static final Set<String> NUMBER_WORDS = Set.of(
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
      "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "half", "quarter", "third",
      "thirds", "quarters", "second", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twice", "double",
      "doubled", "doubling", "triple", "tripled", "tripling", "bn", "m", "tn", "basis", "dozen");

  /** Stop words of the fact checks: function words, auxiliaries, attribution and number words, which carry no claim. */
  static final Set<String> STOP = union(FUNCTION_WORDS, NUMBER_WORDS);

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  /** Function words, auxiliaries and attribution: the stop words of the fact checks without the number words. */
  public static Set<String> functionWords() {
    return FUNCTION_WORDS;
  }

  // How many words after the negated word a negation may still cover.
  private static final int SCOPE = 4;

  static final Set<String> NEGATORS = Set.of("not", "no", "never", "neither", "nor", "none", "nothing", "nobody", "without", "cannot",
      "hardly", "barely", "scarcely");
  // Two-word negations, the first word's stem then the second word, so that every form of the verb reads alike
  // ("fell short", "had fallen short", "falling short"; "ruled out", "ruling out").
  private static final Set<String> NEGATING_PAIRS = Set.of(
      "instead of", "rather than", "rule out", "fail to", "refus to", "declin to", "leav out", "leav off", "keep off",
      "fall short", "far from", "no longer");
  // Verbs that deny their object: "lacking a majority", "missed the deadline", "the lack of a majority". Only before an
  // article or "of", since "the missing hostages" and "a lacking response" deny nothing.
  private static final Set<String> LACKING = Set.of("lack", "miss");
  private static final Set<String> OBJECT_START = Set.of("a", "an", "the", "any", "its", "their", "his", "her", "of");
  // Words of "to be" before a two-word negation that make it passive: "governing with them has been ruled out" denies
  // what stands before it, as "they ruled out governing with them" denies what follows.
  private static final Set<String> BE = Set.of("be", "been", "being", "is", "are", "was", "were");
  private static final Set<String> PASSIVE_DENIES = Set.of("rule out");
  // Stretches of time a clause may say were ended ("ended a run without victory") and the verbs that end them.
  private static final Set<String> SPELLS = Set.of("run", "streak", "spell", "drought", "stretch", "wait", "period", "year",
      "month", "decad", "season");
  private static final Set<String> ENDING = Set.of("end", "snap", "break", "halt");
  // Adverbs that may stand inside a two-word negation.
  private static final Set<String> INSIDE_PAIR = Set.of("just", "narrowly", "well", "slightly", "only");
  // Predicates that, negated, deny the event named before them ("the planned meeting did not take place").
  private static final Set<String> EVENT_PREDICATES = Set.of("happen", "occur", "materialis", "materializ", "proceed");
  private static final Set<String> EVENT_PAIRS = Set.of("take place", "go ahead");
  // Words that open the clause or relative clause naming the event.
  private static final Set<String> EVENT_START = Set.of("which", "that", "who", "where", "when", "after", "but", "while");
  // Words between a negation and the word it negates ("did not yet formally agree").
  private static final Set<String> SKIP = Set.of(
      "a", "an", "the", "any", "to", "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do",
      "does", "did", "will", "would", "can", "could", "should", "yet", "ever", "also", "even", "so", "much", "their",
      "its", "his", "her", "that", "there", "one", "entirely", "fully", "really", "just", "actually", "necessarily",
      "immediately", "directly", "formally", "officially", "publicly", "use", "using", "used", "need", "needs", "needed", "longer", "of",
      "than", "out");
  // Prefixed words that deny their stem; a closed list, because "unknown" or "united" deny nothing a claim restates.
  private static final Set<String> NEGATING_PREFIXED = Set.of(
      "unchanged", "unresolved", "unsigned", "unable", "unwilling", "unlikely", "unsuccessful", "unclear", "unconfirmed",
      "unopposed", "unanswered", "unpaid", "unfinished", "unconvinced", "unhappy", "unacceptable", "undecided",
      // A thing come through unharmed: the participle denies what the source says was done to it ("recovered, damaged").
      "undamaged", "unharmed", "unhurt", "uninjured", "unaffected", "unchallenged", "uncontested", "unbeaten", "undefeated",
      "disagree", "disagrees", "disagreed", "dissatisfied", "disapprove", "disapproved", "disapproves", "dislike", "disliked");
  // Capitalised words that open sentences without being names.
  private static final Set<String> NOT_NAMES = Set.of(
      "The", "A", "An", "In", "On", "At", "By", "For", "From", "Of", "To", "With", "Without", "As", "And", "But", "Or", "It",
      "He", "She", "They", "We", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Its", "Their", "Both",
      "All", "Each", "Some", "Most", "Many", "Several", "After", "Before", "During", "Under", "Over", "Since", "While",
      "When", "Although", "Though", "Despite", "Following", "According", "Meanwhile", "However", "Also", "Only", "Nearly",
      "About", "Around", "Roughly", "More", "Less", "Asked", "Speaking", "Meeting", "Instead", "If", "Once", "Then", "Yet",
      "Even", "Still", "I", "Mr", "Mrs", "Ms", "Dr", "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "No", "Not", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "One");
  private static final Set<String> REPORTING = Set.of("reported", "reports", "reporting");
  private static final Set<String> CONNECTORS = Set.of("of", "de", "da", "do", "der", "von", "van", "al", "bin", "la", "le", "del", "du", "dos");

  /** Splits a sentence into clauses. */
  public static List<String> split(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher m = SPLIT.matcher(sentence);
    int last = 0;
    while (m.find()) {
      add(out, sentence.substring(last, m.start()));
      last = m.end();
    }
    add(out, sentence.substring(last));
    return out;
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  /**
   * Analyses one clause; {@code sentenceStart} tells whether it opens its sentence, and
   * {@code knownNames} holds capitalised words seen inside sentences of the sources, which make a
   * sentence's first word a name ("Powell said ...").
   */
  public static Clause of(String text, boolean sentenceStart, Set<String> knownNames) {
    List<Token> tokens = Tokens.of(text);
    Set<String> content = new HashSet<>();
    Set<String> negated = new HashSet<>();
    Set<String> scoped = new HashSet<>();
    Set<String> asserted = new HashSet<>();
    Set<Integer> heads = new HashSet<>();
    Set<Integer> coordinated = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String low = t.surface().toLowerCase(Locale.ROOT);
      if (coordinated.contains(i)) {
        continue; // the "nor" of "neither Trump nor Putin took": read with its "neither"
      }
      if (NEGATING_PREFIXED.contains(low)) {
        String base = Tokens.of(low.startsWith("dis") ? low.substring(3) : low.substring(2)).get(0).stem();
        negated.add(base);
        content.add(base);
        // The word itself is asserted, so that "disagrees" stands on its side of a pair of opposites.
        content.add(t.stem());
        asserted.add(t.stem());
        continue;
      }
      int after = endedSpell(tokens, i) ? -1 : negationEnd(tokens, i);
      if (after >= 0 && low.equals("neither")) {
        after = neitherEnd(tokens, i, coordinated);
      }
      if (after >= 0) {
        if (passiveDenial(tokens, i)) {
          // "Governing with them has been ruled out by most parties": the words before it are denied, not the agent after.
          eventDenied(tokens, i, negated, asserted, content, sentenceStart, knownNames);
          continue;
        }
        int k = after;
        while (k < tokens.size() && SKIP.contains(tokens.get(k).surface().toLowerCase(Locale.ROOT))) {
          k++;
        }
        // A negation ends at a comma: "plans that fall short, money to help poorer countries adapt" denies no money.
        boolean reaches = k < tokens.size() && text.substring(tokens.get(after - 1).end(), tokens.get(k).start()).indexOf(',') < 0;
        if (reaches && !isNumber(tokens.get(k))) {
          negated.add(tokens.get(k).stem());
          heads.add(k);
          if (eventPredicate(tokens, k)) {
            eventDenied(tokens, i, negated, asserted, content, sentenceStart, knownNames);
          }
        }
        for (int q = after; q < Math.min(tokens.size(), k + SCOPE); q++) {
          scoped.add(tokens.get(q).stem());
        }
        continue;
      }
      if (!STOP.contains(low) && !low.endsWith("n't") && !isNumber(t)) {
        content.add(t.stem());
        if (!heads.contains(i)) {
          asserted.add(t.stem());
        }
      } else if (COMPARATIVES.contains(low) && !heads.contains(i)) {
        // "more" and "less" carry no topic, so they stay out of the content words, but a claim of "more"
        // against a source's "fewer" says the opposite: the pairs of opposites read them.
        asserted.add(t.stem());
      }
    }
    return new Clause(text, tokens, content, negated, asserted, scoped, names(text, tokens, sentenceStart, knownNames));
  }

  private static boolean eventPredicate(List<Token> tokens, int k) {
    String w = tokens.get(k).stem();
    if (EVENT_PREDICATES.contains(w)) {
      return true;
    }
    return k + 1 < tokens.size() && EVENT_PAIRS.contains(w + " " + tokens.get(k + 1).surface().toLowerCase(Locale.ROOT));
  }

  // "a planned face-to-face meeting ... did not take place": the words naming the event, back to the
  // start of the clause or of its relative clause, are denied, not asserted.
  private static void eventDenied(List<Token> tokens, int negation, Set<String> negated, Set<String> asserted, Set<String> content,
      boolean sentenceStart, Set<String> knownNames) {
    for (int q = negation - 1; q >= 0; q--) {
      String low = tokens.get(q).surface().toLowerCase(Locale.ROOT);
      if (EVENT_START.contains(low)) {
        break;
      }
      Token t = tokens.get(q);
      // A sentence's first word is capitalised without being a name unless the sources write it so mid-sentence.
      boolean name = t.capitalised() && !(q == 0 && sentenceStart && !knownNames.contains(bare(t.surface())));
      if (!STOP.contains(low) && !isNumber(t) && !name) {
        negated.add(t.stem());
        asserted.remove(t.stem());
        content.add(t.stem());
      }
    }
  }

  // "ended a run without victory", "snapped a ten-year spell without a title": the spell without the thing is over, so the
  // clause says the thing happened at last; the "without" at i denies nothing.
  private static boolean endedSpell(List<Token> tokens, int i) {
    if (i == 0 || !tokens.get(i).surface().equalsIgnoreCase("without") || !SPELLS.contains(tokens.get(i - 1).stem())) {
      return false;
    }
    for (int q = i - 2; q >= Math.max(0, i - 5); q--) {
      if (ENDING.contains(tokens.get(q).stem())) {
        return true;
      }
    }
    return false;
  }

  // Where the negation of "neither" at i starts reading for its word. "Neither Trump nor Putin took questions" and "neither
  // leader took questions" deny the taking, not the people; "neither confirmed nor denied" denies each verb.
  private static int neitherEnd(List<Token> tokens, int i, Set<Integer> coordinated) {
    if (i + 1 >= tokens.size() || pastForm(tokens.get(i + 1))) {
      return i + 1;
    }
    int nor = -1;
    for (int q = i + 2; q < Math.min(tokens.size(), i + 5); q++) {
      if (tokens.get(q).surface().equalsIgnoreCase("nor")) {
        nor = q;
        break;
      }
    }
    if (nor >= 0) {
      if (!tokens.get(i + 1).capitalised() || nor + 1 >= tokens.size() || !tokens.get(nor + 1).capitalised()) {
        return i + 1;
      }
      coordinated.add(nor);
      int k = nor + 1;
      while (k < tokens.size() && tokens.get(k).capitalised()) {
        k++;
      }
      return k;
    }
    // "neither leader", "neither of them": the words naming who come first.
    return tokens.get(i + 1).surface().equalsIgnoreCase("of") ? Math.min(tokens.size(), i + 3) : i + 2;
  }

  private static boolean pastForm(Token t) {
    String low = t.surface().toLowerCase(Locale.ROOT);
    return low.length() >= 5 && low.endsWith("ed") || Tokens.irregularPast(low);
  }

  // True when the two-word negation at i is a passive that denies its subject ("has been ruled out").
  private static boolean passiveDenial(List<Token> tokens, int i) {
    if (i == 0 || i + 1 >= tokens.size()
        || !PASSIVE_DENIES.contains(tokens.get(i).stem() + " " + tokens.get(i + 1).surface().toLowerCase(Locale.ROOT))) {
      return false;
    }
    int b = i - 1;
    if (b > 0 && tokens.get(b).surface().toLowerCase(Locale.ROOT).endsWith("ly")) {
      b--; // "was firmly ruled out"
    }
    return BE.contains(tokens.get(b).surface().toLowerCase(Locale.ROOT));
  }

  // Returns the index just after a negation starting at i, or -1.
  private static int negationEnd(List<Token> tokens, int i) {
    String low = tokens.get(i).surface().toLowerCase(Locale.ROOT);
    String stem = tokens.get(i).stem();
    if (i + 1 < tokens.size()) {
      String next = tokens.get(i + 1).surface().toLowerCase(Locale.ROOT);
      if (NEGATING_PAIRS.contains(stem + " " + next)) {
        return i + 2;
      }
      // An adverb may sit inside a two-word negation: "fell just short", "falls well short".
      if (i + 2 < tokens.size() && INSIDE_PAIR.contains(next)
          && NEGATING_PAIRS.contains(stem + " " + tokens.get(i + 2).surface().toLowerCase(Locale.ROOT))) {
        return i + 3;
      }
      if (LACKING.contains(stem) && OBJECT_START.contains(next)) {
        return i + 1;
      }
    }
    if (NEGATORS.contains(low) || low.endsWith("n't")) {
      return i + 1;
    }
    return -1;
  }

  static boolean isNumber(Token t) {
    return Character.isDigit(t.surface().charAt(0));
  }

  private static List<Name> names(String text, List<Token> tokens, boolean sentenceStart, Set<String> knownNames) {
    List<Name> out = new ArrayList<>();
    boolean[] quoted = quoted(text);
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (!nameWord(t) || NOT_NAMES.contains(bare(t.surface())) || quoted[t.start()]) {
        i++;
        continue;
      }
      int j = i;
      int lastName = i;
      // A possessive ends a name: "DeepSeek's R1" is DeepSeek and R1.
      while (j + 1 < tokens.size() && !possessive(tokens.get(j)) && adjacent(text, tokens.get(j), tokens.get(j + 1))) {
        Token n = tokens.get(j + 1);
        if (nameWord(n) && !NOT_NAMES.contains(bare(n.surface()))) {
          lastName = j + 1;
          j++;
        } else if (CONNECTORS.contains(n.surface()) && j + 2 < tokens.size() && adjacent(text, n, tokens.get(j + 2))
            && nameWord(tokens.get(j + 2))) {
          j++;
        } else {
          break;
        }
      }
      boolean first = sentenceStart && i == 0;
      // "Bloomberg reported that ...": a first word that reports is a name, an outlet's or a person's.
      boolean reports = i + 1 < tokens.size() && REPORTING.contains(tokens.get(i + 1).surface().toLowerCase(Locale.ROOT));
      if (first && lastName == i && !knownNames.contains(bare(t.surface())) && !reports) {
        i = lastName + 1; // a sentence's first word alone is a name only if the sources write it capitalised mid-sentence
        continue;
      }
      Token last = tokens.get(lastName);
      out.add(new Name(text.substring(t.start(), last.end()), key(last.surface()), t.start(), last.end()));
      i = lastName + 1;
    }
    return out;
  }

  // Words inside quotation marks are checked by the quotation rule, not as names ("Daddy has to ...").
  private static boolean[] quoted(String text) {
    boolean[] q = new boolean[text.length() + 1];
    boolean in = false;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '“' || c == '"' && !in) {
        in = true;
      } else if (c == '”' || c == '"') {
        in = false;
      }
      q[k] = in;
    }
    return q;
  }

  /** The folded form of a name's last word, its possessive removed and a dotted initialism's full stops dropped ("V.O.S" gives "vos"). */
  static String key(String word) {
    return Tokens.fold(bare(word).replaceAll("(?<=\\p{L})\\.(?=\\p{L})", "")).strip();
  }

  private static String bare(String word) {
    return word.replaceAll("['’]s$|['’]$", "");
  }

  private static boolean possessive(Token t) {
    return t.surface().endsWith("'s") || t.surface().endsWith("’s");
  }

  private static boolean nameWord(Token t) {
    return t.capitalised() && !isNumber(t);
  }

  private static boolean adjacent(String text, Token a, Token b) {
    String between = text.substring(a.end(), b.start());
    // "Michel H. Devoret", "D. John Sauer": an initial and its full stop stay inside the name.
    boolean initial = a.surface().length() == 1 && Character.isUpperCase(a.surface().charAt(0)) && between.equals(". ");
    return between.isEmpty() || between.equals(" ") || between.equals("-") || initial;
  }

  /** Capitalised words written inside a sentence (not as its first word) in {@code text}. */
  public static Set<String> capitalisedInside(List<String> sentences) {
    Set<String> out = new HashSet<>();
    for (String s : sentences) {
      List<Token> tokens = Tokens.of(s);
      for (int i = 1; i < tokens.size(); i++) {
        if (nameWord(tokens.get(i))) {
          out.add(bare(tokens.get(i).surface()));
        }
      }
    }
    return out;
  }
}

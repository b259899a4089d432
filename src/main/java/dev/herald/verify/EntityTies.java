package dev.herald.verify;

import dev.herald.verify.Clause.Name;
import dev.herald.verify.Tokens.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks who did what: every name in a claim must be in its cited sources, and a name (or a number)
 * the claim ties to an action or role must be tied to it in one source clause, not merely mentioned
 * somewhere else in the passage. Catches the wrong person in a real quotation's attribution, a role
 * moved from one person to another, and swapped subject and object ("Babiš congratulated Fiala").
 */
public final class EntityTies {

  /** Share of the best source clause's matching words that the clause holding the name must match too. */
  static final double TIE_SHARE = 0.6;

  // Attribution alone ties nobody to anything; verbs like "argued" or "warned" are kept, they are the action.
  // Roles reads the same words the same way.
  static final Set<String> FRAMING = Set.of("said", "say", "says", "saying", "told", "tell", "according", "added",
      "stated", "reported");

  private EntityTies() {}

  /** Returns the first name of {@code claim} that none of the sources mentions, if any; {@code sourceWords} are their folded words. */
  public static Optional<Name> missingName(Clause claim, Set<String> sourceWords) {
    for (Name n : claim.names()) {
      if (!mentioned(n, sourceWords)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /**
   * True when the sources mention the name: its last word (or a word it begins, for "Fed" and
   * "Federal", or its singular), or for an abbreviation words with those initials ("US", "MVP"),
   * or for a party the other name the table of aliases gives it ("SPD", "Social Democrats").
   */
  static boolean mentioned(Name n, Set<String> sourceWords) {
    String key = n.key();
    if (key.isEmpty() || sourceWords.contains(key)) {
      return true;
    }
    for (String w : sourceWords) {
      if (key.length() >= 3 && w.startsWith(key) || w.length() >= 4 && key.startsWith(w) && key.length() - w.length() <= 2) {
        return true;
      }
    }
    if (countryInY(key, sourceWords)) {
      return true;
    }
    for (String w : sourceWords) {
      if (w.length() >= 4 && key.startsWith(w) && DEMONYM_ENDINGS.contains(key.substring(w.length()))) {
        return true; // "Peruvian" where the source writes "Peru", "Iranian" where it writes "Iran"
      }
    }
    int alias = alias(n);
    if (alias >= PARTIES && sourceWords.contains("@" + alias)) {
      return true; // "SPD" where the source writes "Social Democrats"
    }
    String word = lastWord(n);
    return word.length() >= 2 && word.length() <= 5 && word.chars().allMatch(Character::isUpperCase)
        && hasInitials(sourceWords, word.toLowerCase(java.util.Locale.ROOT));
  }

  private static String lastWord(Name n) {
    String[] words = n.text().split("[\\s\\-]+");
    return words[words.length - 1].replaceAll("['’]s$", "");
  }

  // "MVP" for "most valuable player": the initials of consecutive words of the sources, small words skipped.
  private static boolean hasInitials(Set<String> sourceWords, String initials) {
    return sourceWords.contains("#" + initials);
  }

  private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile("(?<![\\p{L}.])\\p{L}(?:\\.\\p{L})+\\.?");

  /** The dotted initialisms of {@code text} written as one folded word ("U.S." gives "us", "V.O.S." gives "vos"), as a name's key reads them. */
  static Set<String> dottedInitialisms(String text) {
    Set<String> out = new HashSet<>();
    java.util.regex.Matcher m = DOTTED.matcher(text);
    while (m.find()) {
      out.add(Clause.key(m.group().replaceAll("\\.$", "")));
    }
    return out;
  }

  /** The initials of every run of two to five consecutive words of {@code folded}, small words skipped, as set entries. */
  static Set<String> withInitials(String folded) {
    String[] words = folded.strip().split(" ");
    Set<String> out = new HashSet<>(java.util.Arrays.asList(words));
    Set<String> small = Set.of("of", "and", "the", "for");
    for (int i = 0; i < words.length; i++) {
      if (small.contains(words[i]) || words[i].isEmpty()) {
        continue;
      }
      StringBuilder b = new StringBuilder();
      for (int j = i; j < words.length && b.length() < 5; j++) {
        if (small.contains(words[j])) {
          continue;
        }
        b.append(words[j].charAt(0));
        if (b.length() >= 2) {
          out.add("#" + b);
        }
      }
    }
    return out;
  }

  // Words that make a capitalised name an organisation, place or thing rather than a person.
  private static final Set<String> NOT_PERSON = Set.of("bank", "reserve", "council", "party", "union", "house", "court",
      "office", "ministry", "agency", "department", "committee", "fund", "group", "university", "institute", "force",
      "league", "cup", "series", "states", "republic", "kingdom", "nations", "garden", "station", "system", "observatory",
      "act", "city", "club", "base", "palace", "square", "basilica", "chapel", "stadium", "centre", "center", "company",
      "movement", "alliance", "board", "summit", "conference", "treaty", "organization", "organisation", "service",
      "network", "news", "times", "post", "street", "island", "sea", "ocean", "river", "gulf", "prize");

  // A person: some source (or the claim) writes the name in two or more capitalised words, none of them an organisation's.
  static boolean person(Name n, List<SourceClause> sources) {
    if (isPerson(n)) {
      return true;
    }
    for (SourceClause s : sources) {
      for (Name o : s.clause().names()) {
        if (o.key().equals(n.key()) && isPerson(o)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every word of the names in a source that look like people's ("Deepti Sharma" gives "deepti" and "sharma"). */
  static Set<String> personWords(String title, List<String> sentences, Set<String> known) {
    Set<String> out = new HashSet<>();
    List<String> all = new java.util.ArrayList<>(sentences);
    all.add(title);
    for (String sentence : all) {
      for (Name n : Clause.of(sentence, true, known).names()) {
        if (isPerson(n)) {
          for (String w : Tokens.fold(n.text()).strip().split(" ")) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }

  /** True when the name itself reads as a person's: two or more capitalised words, none an organisation's. */
  static boolean isPerson(Name n) {
    String[] words = n.text().split("\\s+");
    if (words.length < 2) {
      return false;
    }
    for (String w : words) {
      String f = Tokens.fold(w).strip();
      if (w.matches("\\p{Lu}\\.")) {
        continue; // an initial ("Michel H. Devoret")
      }
      if (w.length() < 2 || w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase) || NOT_PERSON.contains(f)) {
        return false;
      }
    }
    return true;
  }

  // Names news writes for one another, each line one entity: a country's other names and its capital standing for its
  // government ("Moscow said", "talks between Washington and Beijing"), then parties' abbreviations beside their names.
  // Capitals that sport writes for clubs ("Paris", "Madrid", "Milan") are left out, and so are adjectives ("British"):
  // a claim's "British banks" must not stand for a source's "UK" beside them (a country's own adjective is read by the
  // demonym rule). A name is the same entity as any other name of its line; only a party's other name also counts as
  // mentioning it, since a claim's "America" or "Washington" where the source never writes the country was measured to
  // let wrong claims through.
  private static final List<String> ALIAS_TABLE = List.of(
      "us|usa|united states|united states of america|america|washington",
      "uk|britain|great britain|united kingdom|london",
      "russia|russian federation|moscow|kremlin",
      "ukraine|kyiv|kiev",
      "china|people s republic of china|prc|beijing",
      "iran|tehran",
      "eu|european union|brussels",
      "germany|berlin",
      "japan|tokyo",
      "india|new delhi|delhi",
      "north korea|dprk|pyongyang",
      "south korea|seoul",
      "turkey|turkiye|ankara",
      "canada|ottawa",
      "australia|canberra",
      "syria|damascus",
      "saudi arabia|riyadh",
      "qatar|doha",
      "egypt|cairo",
      "pakistan|islamabad",
      "afghanistan|kabul",
      "iraq|baghdad",
      "venezuela|caracas",
      "cuba|havana",
      "taiwan|taipei",
      "belarus|minsk",
      "poland|warsaw",
      "hungary|budapest",
      "spd|social democrats|social democrat|social democratic party",
      "cdu|christian democrats|christian democrat|christian democratic union",
      "afd|alternative for germany",
      "pvv|party for freedom|freedom party",
      "gop|republicans|republican party",
      "tories|tory|conservatives|conservative party",
      "pis|law and justice",
      "rn|national rally");
  // The first line of the table that names a party.
  private static final int PARTIES = ALIAS_TABLE.indexOf("spd|social democrats|social democrat|social democratic party");
  private static final java.util.Map<String, Integer> ALIASES = new java.util.HashMap<>();
  // The last word of every name in the table, to tell quickly that a name is in none of its lines.
  private static final Set<String> ALIAS_LAST_WORDS = new HashSet<>();

  static {
    for (int i = 0; i < ALIAS_TABLE.size(); i++) {
      for (String form : ALIAS_TABLE.get(i).split("\\|")) {
        ALIASES.put(form, i);
        ALIAS_LAST_WORDS.add(form.substring(form.lastIndexOf(' ') + 1));
      }
    }
  }

  /** The line of the table of aliases naming {@code n} as a whole ("Moscow", "United States", "SPD"), or -1. */
  static int alias(Name n) {
    if (!ALIAS_LAST_WORDS.contains(n.key())) {
      return -1;
    }
    String text = n.text().replaceAll("['’]s$|['’]$", "").replaceAll("(?<=\\p{L})\\.(?=\\p{L})", "");
    return ALIASES.getOrDefault(Tokens.fold(text).strip(), -1);
  }

  /**
   * The parties of the table of aliases that the {@code names} of a source or the words of its {@code folded} text name,
   * as entries for the set {@link #mentioned} reads ("@30"). A single word counts only as a name.
   */
  static Set<String> aliasMarks(List<Name> names, String folded) {
    Set<String> out = new HashSet<>();
    for (Name n : names) {
      int k = alias(n);
      if (k >= PARTIES) {
        out.add("@" + k);
      }
    }
    for (var e : ALIASES.entrySet()) {
      if (e.getValue() >= PARTIES && e.getKey().indexOf(' ') > 0 && folded.contains(" " + e.getKey() + " ")) {
        out.add("@" + e.getValue());
      }
    }
    return out;
  }

  /** True when a claim's name and a source's name are the same entity written differently ("Powell", "Jerome Powell"; "ECB", "European Central Bank"). */
  static boolean sameEntity(Name a, Name b) {
    if (a.key().equals(b.key())) {
      return true;
    }
    int aliasA = alias(a);
    if (aliasA >= 0 && aliasA == alias(b)) {
      return true;
    }
    Set<String> wordsA = words(a);
    Set<String> wordsB = words(b);
    if (wordsA.contains(b.key()) || wordsB.contains(a.key())) {
      return true;
    }
    if (a.key().length() >= 3 && wordsB.stream().anyMatch(w -> w.startsWith(a.key()))
        || b.key().length() >= 3 && wordsA.stream().anyMatch(w -> w.startsWith(b.key()))) {
      return true;
    }
    if (a.key().length() >= 3 && b.key().length() >= 3 && (a.key().startsWith(b.key()) || b.key().startsWith(a.key()))) {
      return true;
    }
    if (demonym(a.key(), wordsB) || demonym(b.key(), wordsA)) {
      return true;
    }
    return initials(b).equalsIgnoreCase(lastWord(a)) || initials(a).equalsIgnoreCase(lastWord(b));
  }

  // Endings that make a country's name its adjective or its people.
  private static final Set<String> DEMONYM_ENDINGS = Set.of("ian", "ians", "vian", "vians", "an", "ans", "ese", "i", "is");

  // "China" and "Chinese", "Ukraine" and "Ukrainian", "Canada" and "Canadian": a country and the adjective written with its name.
  private static boolean demonym(String key, Set<String> words) {
    if ((key.equals("us") || key.equals("usa") || key.equals("america")) && (words.contains("american") || words.contains("americans"))) {
      return true;
    }
    if (countryInY(key, words)) {
      return true;
    }
    if (key.length() < 5 || !key.endsWith("a") && !key.endsWith("e")) {
      return false;
    }
    String stem = key.substring(0, key.length() - 1);
    return words.stream().anyMatch(w -> w.length() > key.length() && w.startsWith(stem)
        && (w.endsWith("ese") || w.endsWith("ian") || w.endsWith("an")));
  }

  // "Italy" and "Italian", "Hungary" and "Hungarian", "Germany" and "German": a country in -y and its adjective.
  private static boolean countryInY(String key, Set<String> words) {
    if (key.length() < 5 || !key.endsWith("y")) {
      return false;
    }
    String stem = key.substring(0, key.length() - 1);
    return words.contains(stem) || words.contains(stem + "ian") || words.contains(stem + "ians") || words.contains(stem + "s");
  }

  // A clause mentions a name when it names it, carries it over, names the same entity, or uses the word in lower case ("the bank").
  private static boolean mentions(SourceClause s, Name n) {
    if (s.names().contains(n.key()) || s.clause().names().stream().anyMatch(o -> sameEntity(n, o))) {
      return true;
    }
    for (Token t : s.clause().tokens()) {
      if (Tokens.fold(t.surface()).strip().equals(n.key())) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> words(Name n) {
    Set<String> out = new HashSet<>();
    for (String w : Tokens.fold(n.text()).strip().split(" ")) {
      if (w.length() >= 3) {
        out.add(w);
      }
    }
    return out;
  }

  private static String initials(Name n) {
    StringBuilder b = new StringBuilder();
    for (String w : n.text().split("[\\s\\-]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        b.append(w.charAt(0));
      }
    }
    return b.length() >= 2 ? b.toString() : "";
  }

  /**
   * Returns why {@code claim} ties a name or number to something the sources tie to another, or empty.
   * {@code allNames} are the names of the whole claim sentence and {@code numbers} the clause's numbers.
   */
  public static Optional<String> untied(Clause claim, List<Name> allNames, List<Numbers.Mention> numbers, List<SourceClause> sources) {
    Set<String> nameStems = new HashSet<>();
    for (Name n : claim.names()) {
      for (Token t : Tokens.of(n.text())) {
        nameStems.add(t.stem());
      }
    }
    Set<String> terms = new HashSet<>(claim.content());
    terms.addAll(claim.negated());
    terms.removeAll(nameStems);
    for (Token t : claim.tokens()) {
      if (FRAMING.contains(t.surface().toLowerCase(java.util.Locale.ROOT))) {
        terms.remove(t.stem());
      }
    }
    if (terms.size() < 2 || claim.names().isEmpty() && numbers.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> order = swapped(claim, terms, sources);
    if (order.isPresent()) {
      return order;
    }
    int best = 0;
    for (SourceClause s : sources) {
      if (!s.title()) {
        best = Math.max(best, Polarity.overlap(terms, s.clause()));
      }
    }
    if (best < 2) {
      return Optional.empty(); // one shared word is too little to say which clause a claim restates
    }
    int need = Math.max(1, Math.min(2, (int) Math.ceil(TIE_SHARE * best)));
    List<SourceClause> bestClauses = new java.util.ArrayList<>();
    for (SourceClause s : sources) {
      if (!s.title() && Polarity.overlap(terms, s.clause()) == best) {
        bestClauses.add(s);
      }
    }
    // A tie is wrong when the best matching clause gives the action to someone else, or when the
    // clauses naming the claim's name share at most a word with it while another shares three or more.
    // An alias ("the bank", "Federal Reserve") or a subject carried over from an earlier sentence is no evidence.
    // A thing (not a person) as the claim's subject cannot be confused with who reports on it ("NASA said the comet ...").
    boolean thing = !claim.names().isEmpty() && !person(claim.names().get(0), sources);
    boolean otherName = bestClauses.stream().allMatch(s -> s.clause().names().stream()
        .anyMatch(o -> claim.names().stream().noneMatch(c -> sameEntity(c, o)) && !(thing && speaker(s.clause(), o))));
    // Only the clause's subject (a name before its first shared word) is held to the clause; names
    // further on are objects or asides ("ahead of Lamine Yamal", "buying US soybeans"), checked by order below.
    int firstTerm = claim.tokens().stream().filter(t -> terms.contains(t.stem())).mapToInt(Token::start).findFirst().orElse(-1);
    Name n = subject(claim, firstTerm);
    for (Name m : claim.names()) {
      if (n == null || m.start() > n.start()) {
        break;
      }
      // The subject is held to the clause; who reports it ("Trump said Tehran had warned ...") to at least one of its
      // words, since the rest of what the claim reports may come from the narration around the statement.
      int enough = m == n ? need : 1;
      int cov = -1;
      boolean onlyPlace = true;
      for (SourceClause s : sources) {
        if (mentions(s, m)) {
          cov = Math.max(cov, shared(terms, numbers, s));
          onlyPlace &= s.clause().names().stream().filter(o -> o.key().equals(m.key())).allMatch(o -> place(s.clause(), o))
              && s.clause().names().stream().anyMatch(o -> o.key().equals(m.key()));
        }
      }
      if (onlyPlace && cov >= 0) {
        continue; // the sources write the name only as where something happened ("meeting in The Hague"): no doer to hold
      }
      if ((m == n || reports(claim, m)) && cov >= 0 && cov < enough && (otherName || cov <= 1 && best >= 3 && person(m, sources))) {
        return Optional.of(m.text() + " is tied to this only in another clause of the source");
      }
    }
    for (Numbers.Mention m : numbers) {
      int cov = -1;
      for (SourceClause s : sources) {
        if (s.numbers().stream().anyMatch(x -> Numbers.matches(m, x))) {
          cov = Math.max(cov, Polarity.overlap(terms, s.clause()));
        }
      }
      boolean otherNumber = bestClauses.stream().allMatch(s -> s.numbers().stream()
          .anyMatch(x -> x.kind() == m.kind() && java.util.Objects.equals(x.currency(), m.currency())
              && java.util.Objects.equals(x.unit(), m.unit())
              && numbers.stream().noneMatch(c -> Numbers.matches(c, x))));
      if (otherNumber && cov >= 0 && cov < need) {
        return Optional.of("'" + claim.text().substring(m.start(), m.end()).strip() + "' belongs to another statement of the source");
      }
    }
    return Optional.empty();
  }

  /**
   * The clause's subject: its first name before the first shared word (at {@code firstTerm}), passing over who reports
   * the rest ("Trump said Tehran had warned ...") and a possessive that qualifies the next name ("Kyoto's Kitagawa").
   */
  private static Name subject(Clause claim, int firstTerm) {
    List<Name> names = claim.names();
    for (int i = 0; i < names.size() && firstTerm >= 0 && names.get(i).start() < firstTerm; i++) {
      Name n = names.get(i);
      Name next = i + 1 < names.size() && names.get(i + 1).start() < firstTerm ? names.get(i + 1) : null;
      if (next != null && (reports(claim, n) || possessive(n) && claim.text().substring(n.end(), next.start()).isBlank())) {
        continue;
      }
      return n;
    }
    return null;
  }

  private static final Set<String> LOCATIVE = Set.of("in", "at", "from", "to", "near", "outside", "into");

  // "in The Hague", "watched in Washington": the name stands after a preposition of place.
  private static boolean place(Clause c, Name o) {
    Token before = null;
    for (Token t : c.tokens()) {
      if (t.start() >= o.start()) {
        break;
      }
      if (!t.surface().equalsIgnoreCase("the")) {
        before = t;
      }
    }
    return before != null && LOCATIVE.contains(before.surface().toLowerCase(java.util.Locale.ROOT));
  }

  // "Trump said ...": the word right after the name frames what follows as reported. Not "told", whose next name is
  // who was told ("Rutte told Trump that ...").
  private static boolean reports(Clause claim, Name n) {
    for (Token t : claim.tokens()) {
      if (t.start() >= n.end()) {
        return REPORTS.contains(t.surface().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return false;
  }

  private static final Set<String> REPORTS = Set.of("said", "says", "say", "added", "stated", "reported");

  private static boolean possessive(Name n) {
    return n.text().endsWith("'s") || n.text().endsWith("’s");
  }

  // "NASA said the comet ... will come no closer": the doer of a verb of speech in the clause.
  private static boolean speaker(Clause c, Name o) {
    for (int k = 0; k < c.tokens().size(); k++) {
      if (Speakers.CUES.contains(c.tokens().get(k).surface().toLowerCase(java.util.Locale.ROOT))) {
        Roles.Doer d = Roles.doer(c, k);
        if (d != null && d.names().contains(o)) {
          return true;
        }
      }
    }
    return false;
  }

  // The claim's words a source clause has, and the claim's numbers it states, each counting as one shared word
  // ("passed the bill 222-209" and "approved the measure by 222 votes to 209" share the vote).
  private static int shared(Set<String> terms, List<Numbers.Mention> numbers, SourceClause s) {
    int n = Polarity.overlap(terms, s.clause());
    for (Numbers.Mention m : numbers) {
      if (m.kind() != Numbers.Kind.YEAR && s.numbers().stream().anyMatch(x -> Numbers.matches(m, x))) {
        n++;
      }
    }
    return n;
  }

  // "A beat B" where the source says "B beat A": the first name before the first shared word, the second after it.
  private static Optional<String> swapped(Clause claim, Set<String> terms, List<SourceClause> sources) {
    List<Name> names = claim.names();
    if (names.size() < 2) {
      return Optional.empty();
    }
    Name first = names.get(0);
    if (speaker(claim, first)) {
      return Optional.empty(); // "The Kremlin said Trump's call with Putin ...": who reports takes no part in the action
    }
    Token verb = null;
    for (Token t : claim.tokens()) {
      if (t.start() >= first.end() && terms.contains(t.stem())) {
        verb = t;
        break;
      }
    }
    if (verb == null) {
      return Optional.empty();
    }
    Name second = null;
    for (Name n : names) {
      if (n.start() > verb.end() && !n.key().equals(first.key())) {
        second = n;
        break;
      }
    }
    if (second == null) {
      return Optional.empty();
    }
    boolean reversed = false;
    for (SourceClause s : sources) {
      Clause c = s.clause();
      int a = namePosition(c, first.key());
      int b = namePosition(c, second.key());
      if (a < 0 || b < 0) {
        continue;
      }
      for (Token t : c.tokens()) {
        if (!t.stem().equals(verb.stem())) {
          continue;
        }
        int v = t.start();
        if (a < v || c.text().substring(v, a).contains(" by ")) {
          return Optional.empty(); // some clause has the claim's order, or says it in the passive
        }
        if (b < v) {
          reversed = true;
        }
      }
    }
    return reversed ? Optional.of(first.text() + " and " + second.text() + " are the other way round in the source") : Optional.empty();
  }

  private static int namePosition(Clause c, String key) {
    for (Name n : c.names()) {
      if (n.key().equals(key)) {
        return n.start();
      }
    }
    return -1;
  }
}

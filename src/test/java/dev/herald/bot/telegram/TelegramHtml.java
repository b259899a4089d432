package dev.herald.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses text in Telegram's HTML parse mode as the Bot API documents it: only the listed tags, properly
 * nested, attributes only where allowed, entities {@code &lt; &gt; &amp; &quot;} and numeric ones.
 * Returns the visible text or throws with the API's error description.
 */
final class TelegramHtml {

  private static final Set<String> TAGS = Set.of(
      "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code",
      "pre", "blockquote");
  private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");
  private static final Pattern START = Pattern.compile("<([a-z-]+)((?:\\s+[a-z-]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*>");
  private static final Pattern END = Pattern.compile("</([a-z-]+)\\s*>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

  /** The description of a parse failure, as the Bot API words it. */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String what, int offset) {
      super("Bad Request: can't parse entities: " + what + " at byte offset " + offset);
    }
  }

  private TelegramHtml() {}

  /** Returns the visible text of {@code html}. */
  static String parse(String html) throws ParseException {
    StringBuilder text = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        Matcher end = END.matcher(html).region(i, html.length());
        Matcher start = START.matcher(html).region(i, html.length());
        if (end.lookingAt()) {
          String name = end.group(1);
          if (open.isEmpty() || !open.peek().equals(name)) {
            throw new ParseException("Unmatched end tag \"" + name + "\"", i);
          }
          open.pop();
          i = end.end();
        } else if (start.lookingAt()) {
          String name = start.group(1);
          if (!TAGS.contains(name)) {
            throw new ParseException("Unsupported start tag \"" + name + "\"", i);
          }
          if (name.equals("a") && !start.group(2).contains("href")) {
            throw new ParseException("Can't find href attribute of tag \"a\"", i);
          }
          open.push(name);
          i = start.end();
        } else {
          throw new ParseException("Unsupported start tag \"" + html.substring(i, Math.min(html.length(), i + 10)) + "\"", i);
        }
      } else if (c == '&') {
        Matcher e = ENTITY.matcher(html).region(i, html.length());
        if (e.lookingAt()) {
          String name = e.group(1);
          if (name.startsWith("#x")) {
            text.appendCodePoint(Integer.parseInt(name.substring(2), 16));
          } else if (name.startsWith("#")) {
            text.appendCodePoint(Integer.parseInt(name.substring(1)));
          } else if (ENTITIES.containsKey(name)) {
            text.append(ENTITIES.get(name));
          } else {
            // Unknown named entities are kept as written.
            text.append(e.group());
          }
          i = e.end();
        } else {
          text.append(c);
          i++;
        }
      } else {
        text.append(c);
        i++;
      }
    }
    if (!open.isEmpty()) {
      throw new ParseException("Can't find end tag corresponding to start tag \"" + open.peek() + "\"", html.length());
    }
    return text.toString();
  }
}

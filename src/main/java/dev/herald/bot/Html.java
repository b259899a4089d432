package dev.herald.bot;

/** Escapes text for Telegram's HTML parse mode, which knows only the entities {@code &lt; &gt; &amp; &quot;}. */
public final class Html {

  private Html() {}

  /** Escapes {@code &}, {@code <} and {@code >} so that any text can sit between tags. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes a value for a double-quoted attribute such as {@code href}. */
  public static String attribute(String value) {
    return escape(value).replace("\"", "&quot;");
  }

  /** A link whose visible text is escaped here. */
  public static String link(String url, String text) {
    return "<a href=\"" + attribute(url) + "\">" + escape(text) + "</a>";
  }
}

package dev.herald.verify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates in a text: "22 October", "October 22, 2025", "June 2024", "in September", and
 * weekdays or "yesterday" resolved against the date the text was written ("on Wednesday" in an article
 * of Thursday 23 October is 22 October; "plans to travel on Wednesday" looks ahead instead).
 */
public final class Dates {

  /**
   * A date or month named in a text.
   *
   * @param month 1 to 12
   * @param day day of the month, or 0 when only the month is named
   * @param year the year, or 0 when not named
   * @param start offset in the text
   * @param end end offset in the text
   */
  public record DateMention(int month, int day, int year, int start, int end) {
    /** The whole date of a day-precise mention with a year. */
    public static DateMention of(LocalDate d, int start, int end) {
      return new DateMention(d.getMonthValue(), d.getDayOfMonth(), d.getYear(), start, end);
    }
  }

  private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
      + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
  private static final Pattern DAY_MONTH = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\b\\.?(?:,?\\s+(\\d{4})\\b)?");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,\\d|\\d)(?:,?\\s+(\\d{4})\\b)?");
  private static final Pattern MONTH_ONLY = Pattern.compile(
      "\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?:\\s+(\\d{4})\\b)?");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\\b");
  private static final Pattern RELATIVE = Pattern.compile("\\b(today|yesterday|tomorrow)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern FUTURE = Pattern.compile(
      "\\b(will|plans?|planned|due to|scheduled|expected to|next|is to|are to)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern FUTURE_AFTER = Pattern.compile(
      "(?:'s)?\\s+(?:\\w+\\s+)?(?:will|is to|are to|is due|are due|is expected|are expected|is scheduled|are scheduled)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));

  private Dates() {}

  /**
   * Finds the dates in {@code text}; weekdays and relative days are resolved against {@code written}
   * (the article's date), and ignored when it is {@code null}.
   */
  public static List<DateMention> find(String text, LocalDate written) {
    List<DateMention> out = new ArrayList<>();
    BitSet used = new BitSet(text.length() + 1);
    for (Pattern p : List.of(DAY_MONTH, MONTH_DAY)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (!used.get(m.start(), m.end()).isEmpty() || (p == MONTH_DAY ? !monthWord(text, m.start(1), m.group(1)) : !monthWord(text, m.start(2), m.group(2)))) {
          continue;
        }
        int day = Integer.parseInt(p == DAY_MONTH ? m.group(1) : m.group(2));
        int month = month(p == DAY_MONTH ? m.group(2) : m.group(1));
        int year = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (day >= 1 && day <= 31) {
          out.add(new DateMention(month, day, year, m.start(), m.end()));
          used.set(m.start(), m.end());
        }
      }
    }
    Matcher m = MONTH_ONLY.matcher(text);
    while (m.find()) {
      if (!used.get(m.start(), m.end()).isEmpty() || !monthWord(text, m.start(1), m.group(1))) {
        continue;
      }
      out.add(new DateMention(month(m.group(1)), 0, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.start(), m.end()));
      used.set(m.start(), m.end());
    }
    if (written != null) {
      Matcher w = WEEKDAY.matcher(text);
      while (w.find()) {
        DayOfWeek day = DayOfWeek.valueOf(w.group(1).toUpperCase(Locale.ROOT));
        LocalDate d = looksAhead(text, w.start(), w.end())
            ? written.with(TemporalAdjusters.nextOrSame(day))
            : written.with(TemporalAdjusters.previousOrSame(day));
        out.add(DateMention.of(d, w.start(), w.end()));
      }
      Matcher r = RELATIVE.matcher(text);
      while (r.find()) {
        String k = r.group(1).toLowerCase(Locale.ROOT);
        LocalDate d = k.equals("today") ? written : k.equals("yesterday") ? written.minusDays(1) : written.plusDays(1);
        out.add(DateMention.of(d, r.start(), r.end()));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /** True when the claim's date {@code c} names the same day (or, for a month, the same month) as the source's {@code s}. */
  public static boolean matches(DateMention c, DateMention s) {
    if (c.month() != s.month()) {
      return false;
    }
    if (c.year() != 0 && s.year() != 0 && c.year() != s.year()) {
      return false;
    }
    return c.day() == 0 || c.day() == s.day();
  }

  // "May" is also a verb; as a month it is capitalised inside a sentence or followed by a day or year.
  private static boolean monthWord(String text, int at, String word) {
    if (!word.equals("May") && !word.equals("Mar")) {
      return true;
    }
    String before = text.substring(0, at).stripTrailing();
    boolean sentenceStart = before.isEmpty() || ".!?:\"“".indexOf(before.charAt(before.length() - 1)) >= 0;
    return !sentenceStart || text.substring(at + word.length()).matches("(?s)^\\s+\\d.*");
  }

  /**
   * Whether the weekday at {@code start}–{@code end} names a day ahead: a word of plans or the future
   * ("will", "plans to", "scheduled", "next") stands in its own clause before it ("plans to travel to
   * Paris on Wednesday"), or "will" and its like follow it ("on Wednesday will meet"). Only the weekday's
   * clause counts: "a US-brokered plan to end the war, Trump announced late on Wednesday" and "returned on
   * Tuesday, on a mission originally planned to last eight days" both look back. A clause of a word or
   * two ("and, on Wednesday, …") is read with the one before it.
   */
  private static boolean looksAhead(String text, int start, int end) {
    int from = clauseStart(text, start);
    if (text.substring(from, start).strip().split("\\s+").length <= 2 && from > 0) {
      from = clauseStart(text, from - 1);
    }
    return FUTURE.matcher(text.substring(from, start)).find() || FUTURE_AFTER.matcher(text).region(end, text.length()).lookingAt();
  }

  private static int clauseStart(String text, int at) {
    int s = at;
    while (s > 0 && ".!?;:,".indexOf(text.charAt(s - 1)) < 0) {
      s--;
    }
    return s;
  }

  private static int month(String name) {
    return MONTH_NUMBERS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
  }
}

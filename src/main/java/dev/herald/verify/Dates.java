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
   * @param relative true when it was resolved against another date the text names ("a day earlier", "the
   *     next night"), whose words also state a number the text gives
   */
  public record DateMention(int month, int day, int year, int start, int end, boolean relative) {
    /** A date the text names itself, or resolves against the date of writing. */
    public DateMention(int month, int day, int year, int start, int end) {
      this(month, day, year, start, end, false);
    }

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
  // "a day earlier", "two days later", "three weeks before the vote": a span of days counted from another date.
  private static final Pattern SPAN = Pattern.compile(
      "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          + "|eighteen|nineteen|twenty|\\d{1,2})\\s+(day|night|week)s?\\s+(earlier|later|before|after)\\b",
      Pattern.CASE_INSENSITIVE);
  // "the previous night", "the next day", "the day before": the day next to another date.
  private static final Pattern NEIGHBOUR = Pattern.compile(
      "\\bthe\\s+(?:(previous|preceding|next|following)\\s+(?:day|night|morning|afternoon|evening)\\b"
          + "|(?:day|night|evening)\\s+(before|after)\\b)",
      Pattern.CASE_INSENSITIVE);
  // "less than a week later", "about two weeks earlier": a span given loosely names no day.
  private static final Pattern LOOSE = Pattern.compile(
      "\\b(?:less|more|fewer|nearly|almost|about|around|roughly|some|over|under|within|just|only|barely|few)\\s+(?:than\\s+)?$",
      Pattern.CASE_INSENSITIVE);
  // After "before" or "after", the words of what the span is counted from ("two days before Trump signed it").
  private static final Pattern COMPLEMENT = Pattern.compile("^\\s+[\\p{L}\\p{N}\"“‘']");
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

  /**
   * Reads the sentences of one text in order, clause by clause, and resolves the days it names relative to
   * another ("a day earlier", "six days later", "the previous night", "the next day") against the date named
   * before them: the nearest day-precise date before them in the text that is not after the date of writing
   * (a future date, "the deadline of 27 November", is no point the narrative stands at), or else, when
   * {@code orWritten}, the date of writing. A span counted from what follows it ("on 10 November, two days
   * before Trump signed it", "on Easter Sunday, the day before he died") gives the date of that, counted from
   * a date named before it in the same sentence; with none there ("Two days before the vote, ..."), it names
   * no day. A span given loosely ("less than a week later") names none either.
   */
  public static final class Reader {
    private final LocalDate written;
    private final boolean orWritten;
    private LocalDate last;
    private boolean lastInSentence;
    private String sentence = "";
    private int cursor;

    /** A reader of a text written on {@code written}; {@code orWritten} tells whether a span with no date before it counts from that. */
    public Reader(LocalDate written, boolean orWritten) {
      this.written = written;
      this.orWritten = orWritten;
    }

    /** Starts the next sentence, whose clauses {@link #find} then reads in order. */
    public void sentence(String text) {
      sentence = text;
      cursor = 0;
      lastInSentence = false;
    }

    /**
     * The dates of {@code clause}, the next clause of the current sentence (a text that is not part of it is
     * read as a sentence of its own); offsets are in {@code clause}.
     */
    public List<DateMention> find(String clause) {
      if (sentence.indexOf(clause, cursor) < 0) {
        sentence(clause);
      }
      final int at = Math.max(sentence.indexOf(clause, cursor), 0);
      int to = at + clause.length();
      cursor = to;
      List<DateMention> named = Dates.find(clause, written);
      List<int[]> spans = new ArrayList<>();
      for (Pattern p : List.of(SPAN, NEIGHBOUR)) {
        Matcher m = p.matcher(sentence);
        while (m.find()) {
          if (m.start() >= at && m.start() < to && named.stream().noneMatch(d -> d.start() < m.end() - at && d.end() > m.start() - at)) {
            int days = p == SPAN ? spanCount(m.group(1).toLowerCase(Locale.ROOT)) : 1;
            if (p == SPAN && m.group(2).equalsIgnoreCase("week")) {
              days *= 7;
            }
            String way = (p == SPAN ? m.group(3) : m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            boolean back = way.equals("earlier") || way.equals("before") || way.equals("previous") || way.equals("preceding");
            boolean from = (way.equals("before") || way.equals("after")) && COMPLEMENT.matcher(sentence.substring(m.end())).find();
            if (p == SPAN && LOOSE.matcher(sentence.substring(0, m.start())).find()) {
              continue;
            }
            spans.add(new int[] {m.start() - at, Math.min(m.end(), to) - at, back ? -days : days, from ? 1 : 0});
          }
        }
      }
      List<DateMention> out = new ArrayList<>();
      int s = 0;
      spans.sort((a, b) -> Integer.compare(a[0], b[0]));
      for (int[] span : spans) {
        for (; s < named.size() && named.get(s).start() < span[0]; s++) {
          note(named.get(s));
        }
        if (span[3] == 1) {
          // the date of what the span is counted from: only from a date of this sentence
          if (last != null && lastInSentence) {
            out.add(relative(last.minusDays(span[2]), span));
          }
        } else {
          LocalDate from = last != null ? last : orWritten ? written : null;
          if (from != null) {
            DateMention d = relative(from.plusDays(span[2]), span);
            out.add(d);
            note(d);
          }
        }
      }
      for (; s < named.size(); s++) {
        note(named.get(s));
      }
      out.addAll(named);
      out.sort((a, b) -> Integer.compare(a.start(), b.start()));
      return out;
    }

    // The count of a span: "a" or "an" is one, a number word is read as the number checks read it, else digits.
    private static int spanCount(String w) {
      if (w.equals("a") || w.equals("an")) {
        return 1;
      }
      Integer n = Numbers.word(w);
      return n != null ? n : Integer.parseInt(w);
    }

    private static DateMention relative(LocalDate d, int[] span) {
      return new DateMention(d.getMonthValue(), d.getDayOfMonth(), d.getYear(), span[0], span[1], true);
    }

    // A day-precise date named in the text becomes the point later spans count from, unless it lies ahead.
    private void note(DateMention d) {
      if (d.day() == 0 || written == null) {
        return;
      }
      LocalDate day = dayOf(d, written);
      if (day != null && !day.isAfter(written)) {
        last = day;
        lastInSentence = true;
      }
    }
  }

  /**
   * The day {@code d} names, its year, when not written, the one that puts it nearest {@code written};
   * {@code null} for a month alone or a day that does not exist.
   */
  public static LocalDate dayOf(DateMention d, LocalDate written) {
    if (d.day() == 0) {
      return null;
    }
    LocalDate best = null;
    for (int y : d.year() != 0 ? List.of(d.year()) : List.of(written.getYear() - 1, written.getYear(), written.getYear() + 1)) {
      try {
        LocalDate c = LocalDate.of(y, d.month(), d.day());
        if (best == null || Math.abs(c.toEpochDay() - written.toEpochDay()) < Math.abs(best.toEpochDay() - written.toEpochDay())) {
          best = c;
        }
      } catch (java.time.DateTimeException e) {
        // 31 April and the like
      }
    }
    return best;
  }

  /**
   * True when {@code n} {@code unit}s (day, week, month or year) is the time from one to the other of {@code a} and
   * {@code b}, as a writer rounds it: days exactly, weeks to half a week, months to half a month, years to half a year.
   */
  public static boolean apart(LocalDate a, LocalDate b, double n, String unit) {
    LocalDate from = a.isBefore(b) ? a : b;
    LocalDate to = a.isBefore(b) ? b : a;
    long days = to.toEpochDay() - from.toEpochDay();
    return switch (unit) {
      case "day" -> days == n;
      case "week" -> Math.abs(days - 7 * n) <= 3;
      case "month" -> n == Math.rint(n) && Math.abs(to.toEpochDay() - from.plusMonths((long) n).toEpochDay()) <= 15;
      case "year" -> n == Math.rint(n) && Math.abs(to.toEpochDay() - from.plusYears((long) n).toEpochDay()) <= 182;
      default -> false;
    };
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

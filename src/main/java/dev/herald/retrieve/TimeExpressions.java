package dev.herald.retrieve;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time expressions in a question ("today", "yesterday", "this week", "last month", "since
 * Monday", "in October", "on 16 October", "past 3 days", "latest") and turns them into a
 * {@link TimeWindow} relative to the as-of moment, in the given zone. Weeks start on Monday. A month or
 * weekday without a year means the most recent one not after the as-of moment. "This week" means the
 * last seven days, so that a question asked on a Monday still sees the weekend's news.
 */
public final class TimeExpressions {

  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
  private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

  private static final Pattern ON_DAY_MONTH =
      Pattern.compile("\\b(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ON_MONTH_DAY =
      Pattern.compile("\\b(?:on\\s+)?(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE =
      Pattern.compile("\\b(since|after|before|on)?\\s*(\\d{4}-\\d{2}-\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SINCE_DAY =
      Pattern.compile("\\b(?:since|from)\\s+(?:last\\s+)?(" + DAYS + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ON_DAY =
      Pattern.compile("\\b(?:on\\s+|last\\s+)(" + DAYS + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern IN_MONTH =
      Pattern.compile("\\b(in|since|during)\\s+(?:early\\s+|late\\s+|mid-?\\s*)?(" + MONTHS + ")\\.?(?:\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern IN_YEAR = Pattern.compile("\\b(in|since|during)\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PAST_N =
      Pattern.compile("\\b(?:in\\s+)?(?:the\\s+)?(?:past|last)\\s+(\\d{1,3}|two|three|four|five|six|seven|ten)\\s+(hours?|days?|weeks?|months?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE =
      Pattern.compile("\\b((?:over|in|during|within|throughout)\\s+the\\s+(?:last|past)\\s+(?:year|month|week)|today|tonight|this morning|yesterday|this week|last week|past week|this month|last month|past month|this year|last year|past year|last 24 hours|past 24 hours|last night|over the weekend|this weekend|last weekend)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LATEST =
      Pattern.compile("\\b(latest|newest|most recent|recent|recently|currently|right now|lately|so far|what's new|what is new|any news|news on|updates?\\s+on)\\b", Pattern.CASE_INSENSITIVE);

  private final ZoneId zone;

  /** Creates a reader that interprets days in {@code zone}. */
  public TimeExpressions(ZoneId zone) {
    this.zone = zone;
  }

  /** Parses the question's time expressions relative to {@code asOf}. */
  public ParsedQuestion parse(String question, Instant asOf) {
    ZonedDateTime now = asOf.atZone(zone);
    LocalDate today = now.toLocalDate();
    boolean latest = LATEST.matcher(question).find();
    Matcher m;

    if ((m = RELATIVE.matcher(question)).find()) {
      String e = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      // "over the last year" is a rolling window ending now, not the previous calendar year.
      if (e.matches("(?:over|in|during|within|throughout) the (?:last|past) (?:year|month|week)")) {
        e = "past " + e.substring(e.lastIndexOf(' ') + 1);
      }
      LocalDate from;
      LocalDate to = today.plusDays(1);
      switch (e) {
        case "today", "tonight", "this morning" -> from = today;
        case "yesterday", "last night" -> {
          from = today.minusDays(1);
          to = today;
        }
        // "this week" in news talk means the last seven days, not only since Monday morning.
        case "this week", "past week" -> from = today.minusDays(7);
        case "last week" -> {
          LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          from = monday.minusWeeks(1);
          to = monday;
        }
        case "this month" -> from = today.withDayOfMonth(1);
        case "last month" -> {
          from = today.withDayOfMonth(1).minusMonths(1);
          to = today.withDayOfMonth(1);
        }
        case "past month" -> from = today.minusMonths(1);
        case "this year" -> from = today.withDayOfYear(1);
        case "last year" -> {
          from = today.withDayOfYear(1).minusYears(1);
          to = today.withDayOfYear(1);
        }
        case "past year" -> from = today.minusYears(1);
        case "over the weekend", "last weekend", "this weekend" -> {
          LocalDate sat = today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY
              ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
              : today.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
          from = sat;
          to = sat.plusDays(2);
        }
        default -> {
          // last/past 24 hours
          return result(question, m, now.minusHours(24).toInstant(), asOf, true);
        }
      }
      return result(question, m, start(from), end(to, asOf), latest);
    }
    if ((m = PAST_N.matcher(question)).find()) {
      int n = number(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      ZonedDateTime from =
          unit.startsWith("hour") ? now.minusHours(n)
              : unit.startsWith("day") ? now.minusDays(n)
              : unit.startsWith("week") ? now.minusWeeks(n)
              : now.minusMonths(n);
      return result(question, m, from.toInstant(), asOf, latest);
    }
    if ((m = ISO_DATE.matcher(question)).find()) {
      LocalDate d = LocalDate.parse(m.group(2));
      String prep = m.group(1) == null ? "on" : m.group(1).toLowerCase(Locale.ROOT);
      return switch (prep) {
        case "since", "after" -> result(question, m, start(d), asOf, latest);
        case "before" -> result(question, m, null, end(d, asOf), latest);
        default -> result(question, m, start(d), end(d.plusDays(1), asOf), latest);
      };
    }
    if ((m = ON_DAY_MONTH.matcher(question)).find()) {
      LocalDate d = dayOf(today, month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3));
      if (d != null) {
        return dayWindow(question, m, d, asOf, latest);
      }
    }
    if ((m = ON_MONTH_DAY.matcher(question)).find()) {
      LocalDate d = dayOf(today, month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
      if (d != null) {
        return dayWindow(question, m, d, asOf, latest);
      }
    }
    if ((m = SINCE_DAY.matcher(question)).find()) {
      DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      LocalDate d = today.with(TemporalAdjusters.previousOrSame(dow));
      return result(question, m, start(d), asOf, latest);
    }
    if ((m = ON_DAY.matcher(question)).find()) {
      DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      LocalDate d = today.with(TemporalAdjusters.previousOrSame(dow));
      return dayWindow(question, m, d, asOf, latest);
    }
    if ((m = IN_MONTH.matcher(question)).find()) {
      Month month = month(m.group(2));
      LocalDate first;
      if (m.group(3) != null) {
        first = LocalDate.of(Integer.parseInt(m.group(3)), month, 1);
      } else {
        first = LocalDate.of(today.getYear(), month, 1);
        if (first.isAfter(today)) {
          first = first.minusYears(1);
        }
      }
      boolean since = m.group(1).equalsIgnoreCase("since");
      return result(question, m, start(first), since ? asOf : end(first.plusMonths(1), asOf), latest);
    }
    if ((m = IN_YEAR.matcher(question)).find()) {
      int year = Integer.parseInt(m.group(2));
      LocalDate first = LocalDate.of(year, 1, 1);
      boolean since = m.group(1).equalsIgnoreCase("since");
      return result(question, m, start(first), since ? asOf : end(first.plusYears(1), asOf), latest);
    }
    return new ParsedQuestion(question, question, new TimeWindow(null, asOf, latest, null));
  }

  private ParsedQuestion dayWindow(String q, Matcher m, LocalDate d, Instant asOf, boolean latest) {
    return result(q, m, start(d), end(d.plusDays(1), asOf), latest);
  }

  private ParsedQuestion result(String q, Matcher m, Instant from, Instant to, boolean latest) {
    String rest = (q.substring(0, m.start()) + " " + q.substring(m.end())).replaceAll("\\s+", " ").strip();
    return new ParsedQuestion(q, rest, new TimeWindow(from, to, latest, m.group().strip()));
  }

  private Instant start(LocalDate d) {
    return d.atStartOfDay(zone).toInstant();
  }

  private Instant end(LocalDate exclusiveDay, Instant asOf) {
    Instant e = exclusiveDay.atStartOfDay(zone).toInstant();
    return e.isAfter(asOf) ? asOf : e;
  }

  private static LocalDate dayOf(LocalDate today, Month month, int day, String year) {
    try {
      if (year != null) {
        return LocalDate.of(Integer.parseInt(year), month, day);
      }
      LocalDate d = LocalDate.of(today.getYear(), month, day);
      return d.isAfter(today) ? d.minusYears(1) : d;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static Month month(String s) {
    String p = s.toLowerCase(Locale.ROOT).substring(0, 3);
    for (Month m : Month.values()) {
      if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(p)) {
        return m;
      }
    }
    throw new IllegalArgumentException("not a month: " + s);
  }

  private static int number(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "seven" -> 7;
      case "ten" -> 10;
      default -> Integer.parseInt(s);
    };
  }
}

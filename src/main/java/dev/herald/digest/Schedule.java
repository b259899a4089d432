package dev.herald.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a subscription's digests are due: hourly, daily at a local time, or weekly on a day at a local
 * time, read in the chat's time zone so that "daily 08:00" stays 08:00 across daylight-saving changes.
 *
 * @param every how often
 * @param time the local time of day (ignored for hourly digests)
 * @param day the day of the week of weekly digests, else {@code null}
 */
public record Schedule(Every every, LocalTime time, DayOfWeek day) {

  /** How often a digest is due. */
  public enum Every { HOURLY, DAILY, WEEKLY }

  /** The schedule of a subscription that names none. */
  public static final Schedule DEFAULT = new Schedule(Every.DAILY, LocalTime.of(8, 0), null);

  /**
   * Parses {@code hourly}, {@code daily HH:MM} or {@code weekly DAY HH:MM} (any case; a day may be
   * abbreviated to three letters); empty means {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException with a message for the user when it is none of these
   */
  public static Schedule parse(String spec) {
    String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return DEFAULT;
    }
    String[] w = s.split("\\s+");
    try {
      if (w.length == 1 && w[0].equals("hourly")) {
        return new Schedule(Every.HOURLY, LocalTime.MIDNIGHT, null);
      }
      if (w.length == 2 && w[0].equals("daily")) {
        return new Schedule(Every.DAILY, LocalTime.parse(pad(w[1])), null);
      }
      if (w.length == 3 && w[0].equals("weekly")) {
        return new Schedule(Every.WEEKLY, LocalTime.parse(pad(w[2])), day(w[1]));
      }
    } catch (DateTimeParseException e) {
      // falls through to the one message that shows every accepted form
    }
    throw new IllegalArgumentException(
        "'" + spec.strip() + "' is not a schedule: use hourly, daily HH:MM or weekly DAY HH:MM (e.g. weekly mon 08:00)");
  }

  /** The first due time strictly after {@code after}, in {@code zone}. */
  public Instant nextAfter(Instant after, ZoneId zone) {
    ZonedDateTime now = after.atZone(zone);
    if (every == Every.HOURLY) {
      return now.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }
    LocalDate date = now.toLocalDate();
    if (every == Every.WEEKLY) {
      date = date.with(TemporalAdjusters.nextOrSame(day));
    }
    // ZonedDateTime.of moves a time that falls in a spring-forward gap to just after it, and picks
    // the earlier of two times in an autumn overlap, so a digest is never skipped nor sent twice.
    ZonedDateTime due = ZonedDateTime.of(date, time, zone);
    while (!due.toInstant().isAfter(after)) {
      date = date.plusDays(every == Every.WEEKLY ? 7 : 1);
      due = ZonedDateTime.of(date, time, zone);
    }
    return due.toInstant();
  }

  /** The canonical text form, which {@link #parse} reads back. */
  public String spec() {
    return switch (every) {
      case HOURLY -> "hourly";
      case DAILY -> "daily " + time;
      case WEEKLY -> "weekly " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT) + " " + time;
    };
  }

  private static String pad(String hhmm) {
    return hhmm.length() == 4 && hhmm.charAt(1) == ':' ? "0" + hhmm : hhmm;
  }

  private static DayOfWeek day(String word) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String name = d.name().toLowerCase(Locale.ROOT);
      if (name.equals(word) || name.substring(0, 3).equals(word)) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + word + "' is not a day of the week: use mon, tue, … or monday, tuesday, …");
  }
}

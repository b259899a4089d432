package dev.herald.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code --as-of} values: an ISO date means the end of that day in the configured zone (so
 * everything published that day is visible); a date-time without offset is read in that zone.
 */
final class AsOf {

  private AsOf() {}

  /** Parses {@code raw}, or returns now when it is {@code null}. */
  static Instant parse(String raw, ZoneId zone, Clock clock) {
    if (raw == null || raw.isBlank()) {
      return clock.instant();
    }
    String s = raw.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new UsageException("--as-of: '" + raw + "' is not an ISO date or date-time (e.g. 2025-10-16 or 2025-10-16T18:00:00Z)");
    }
  }
}

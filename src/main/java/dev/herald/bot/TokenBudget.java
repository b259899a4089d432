package dev.herald.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Each user's daily allowance of language-model tokens (UTC days). Past it, the user still gets answers,
 * composed extractively, until the day ends. A limit of 0 means no budget.
 */
public final class TokenBudget {

  private record Day(LocalDate date, long used) {}

  private final long limit;
  private final Clock clock;
  private final Map<Long, Day> days = new HashMap<>();

  /** Creates a budget of {@code limit} tokens a day per user (0: unlimited). */
  public TokenBudget(long limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** The daily limit (0: unlimited). */
  public long limit() {
    return limit;
  }

  /** Whether {@code user} has used up today's tokens. */
  public synchronized boolean spent(long user) {
    return limit > 0 && today(user).used() >= limit;
  }

  /** Counts {@code tokens} against {@code user}'s day. */
  public synchronized void add(long user, long tokens) {
    if (limit > 0 && tokens > 0) {
      Day d = today(user);
      days.put(user, new Day(d.date(), d.used() + tokens));
    }
  }

  private Day today(long user) {
    LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Day d = days.get(user);
    return d == null || !d.date().equals(now) ? new Day(now, 0) : d;
  }
}

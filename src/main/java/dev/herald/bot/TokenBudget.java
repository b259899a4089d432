package dev.herald.bot;

import dev.herald.store.ChatStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Each user's daily allowance of language-model tokens (UTC days). Past it, the user still gets answers,
 * composed extractively, until the day ends. A limit of 0 means no budget. Counts live in the state
 * database when there is one (so a restart does not reset them), else in this process.
 */
public final class TokenBudget {

  private final long limit;
  private final Clock clock;
  private final ChatStore store;
  private final Map<String, Long> inMemory = new HashMap<>();

  /** Creates a budget of {@code limit} tokens a day per user (0: unlimited), kept in this process. */
  public TokenBudget(long limit, Clock clock) {
    this(limit, clock, null);
  }

  /** Creates a budget kept in {@code store} ({@code null}: in this process). */
  public TokenBudget(long limit, Clock clock, ChatStore store) {
    this.limit = limit;
    this.clock = clock;
    this.store = store;
  }

  /** The daily limit (0: unlimited). */
  public long limit() {
    return limit;
  }

  /** Whether {@code user} has used up today's tokens. */
  public synchronized boolean spent(long user) {
    if (limit <= 0) {
      return false;
    }
    String day = today();
    long used = store != null ? store.tokensUsed(user, day) : inMemory.getOrDefault(user + "@" + day, 0L);
    return used >= limit;
  }

  /** Counts {@code tokens} that {@code user} used in {@code chat} against today. */
  public synchronized void add(long user, long chat, long tokens) {
    if (limit <= 0 || tokens <= 0) {
      return;
    }
    String day = today();
    if (store != null) {
      store.addTokens(user, chat, day, tokens);
    } else {
      inMemory.merge(user + "@" + day, tokens, Long::sum);
    }
  }

  private String today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
  }
}

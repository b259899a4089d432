package dev.herald.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Skips the language model for a while after repeated consecutive failures, so that a dead or
 * rate-limited provider does not add its timeout to every answer. After the pause one trial call is let
 * through: success closes the breaker, failure opens it for another pause.
 */
public final class CircuitBreaker {

  /** The breaker's state. */
  public enum State {
    /** Calls go through. */
    CLOSED,
    /** Calls are skipped until the pause is over. */
    OPEN,
    /** The pause is over and one trial call is in flight. */
    HALF_OPEN
  }

  private final int failureThreshold;
  private final Duration pause;
  private final Clock clock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt;
  // Running totals for the metrics endpoint; the breaker is the one place that sees every call's fate.
  private long successes;
  private long failures;
  private long rejections;

  /** Creates a closed breaker that opens after {@code failureThreshold} consecutive failures, for {@code pause}. */
  public CircuitBreaker(int failureThreshold, Duration pause, Clock clock) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    this.failureThreshold = failureThreshold;
    this.pause = pause;
    this.clock = clock;
  }

  /** Returns whether a call may go to the model now; after the pause, lets exactly one trial through. */
  public synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (!clock.instant().isBefore(openedAt.plus(pause))) {
          state = State.HALF_OPEN;
          return true;
        }
        rejections++;
        return false;
      default:
        rejections++;
        return false;
    }
  }

  /** Records a successful call: closes the breaker. */
  public synchronized void recordSuccess() {
    successes++;
    consecutiveFailures = 0;
    state = State.CLOSED;
  }

  /** Records a failed call: opens the breaker at the threshold, or at once after a failed trial. */
  public synchronized void recordFailure() {
    failures++;
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      state = State.OPEN;
      openedAt = clock.instant();
    }
  }

  /** The current state (OPEN is reported until a call is attempted after the pause). */
  public synchronized State state() {
    return state;
  }

  /** Calls recorded as successful so far. */
  public synchronized long successes() {
    return successes;
  }

  /** Calls recorded as failed so far. */
  public synchronized long failures() {
    return failures;
  }

  /** Calls refused so far because the breaker was open (or a trial was already in flight). */
  public synchronized long rejections() {
    return rejections;
  }
}

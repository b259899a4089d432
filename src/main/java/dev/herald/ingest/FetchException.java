package dev.herald.ingest;

import java.time.Duration;
import java.util.Optional;

/** Fetching or reading a source failed; {@link #reason()} says why in a few words. */
public final class FetchException extends Exception {

  private final String url;
  private final String reason;
  private final Duration retryAfter;

  /** Creates the exception for {@code url} with a short reason. */
  public FetchException(String url, String reason) {
    this(url, reason, null);
  }

  /** Creates the exception for a server that asked to be left alone for {@code retryAfter} ({@code null} if it did not say). */
  public FetchException(String url, String reason, Duration retryAfter) {
    super(url + ": " + reason);
    this.url = url;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  /** How long the server asked us to wait (429/503 {@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The URL that failed. */
  public String url() {
    return url;
  }

  /** Why, in a few words. */
  public String reason() {
    return reason;
  }
}

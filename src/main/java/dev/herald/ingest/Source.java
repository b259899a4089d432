package dev.herald.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * One place Herald takes news from.
 *
 * @param kind feed, page or folder
 * @param location URL, or folder path
 * @param outlet outlet name shown in citations, or {@code null} to take the feed title or host
 * @param language language code, or {@code null}
 * @param interval poll interval, or {@code null} for the configured default
 * @param trusted named by the operator (config, command line, OPML): may reach loopback and private addresses
 */
public record Source(SourceKind kind, String location, String outlet, String language, Duration interval, boolean trusted) {

  /** Validates the required fields. */
  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }

  /** A trusted feed with defaults for everything else. */
  public static Source feed(String url) {
    return new Source(SourceKind.FEED, url, null, null, null, true);
  }

  /** A trusted page with defaults for everything else. */
  public static Source page(String url) {
    return new Source(SourceKind.PAGE, url, null, null, null, true);
  }

  /** Returns a copy with another outlet name. */
  public Source withOutlet(String name) {
    return new Source(kind, location, name, language, interval, trusted);
  }
}

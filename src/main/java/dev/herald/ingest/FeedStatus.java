package dev.herald.ingest;

import dev.herald.store.SourceState;

/**
 * A source and how fetching it has gone, as {@code /feeds} shows it.
 *
 * @param source the source
 * @param origin {@code config} (config file), {@code added} (bot) or {@code opml} (import)
 * @param state its fetch state, or {@code null} when never tried
 */
public record FeedStatus(Source source, String origin, SourceState state) {

  /** One human-readable line: URL, outlet, last success, item count, last error. */
  public String line() {
    StringBuilder b = new StringBuilder(source.location());
    if (source.outlet() != null) {
      b.append(" (").append(source.outlet()).append(')');
    }
    b.append(" [").append(origin).append("]");
    if (state == null) {
      return b.append(": not fetched yet").toString();
    }
    b.append(": ").append(state.items()).append(" articles, last success ")
        .append(state.lastSuccess() == null ? "never" : state.lastSuccess().toString());
    if (state.lastError() != null) {
      b.append(", ").append(state.consecutiveFailures()).append(" failures, last: ").append(state.lastError());
    }
    return b.toString();
  }
}

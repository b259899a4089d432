package dev.herald.ingest;

import java.time.Duration;
import java.util.List;

/**
 * How Herald fetches: the {@code ingest:} section of the config file.
 *
 * @param userAgent the User-Agent sent with every request and matched against robots.txt
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed for a whole response, headers and body
 * @param maxBodyBytes largest response body (after decompression) accepted
 * @param maxRedirects redirects followed before giving up
 * @param hostDelay pause between two requests to the same host
 * @param defaultInterval poll interval of sources that name none
 * @param jitter share of the interval added or removed at random, so polls do not align
 * @param respectRobots whether robots.txt is obeyed
 * @param allowPrivateAddresses whether sources added through the bot may reach private and loopback addresses
 * @param allowedHosts hosts that bot-added sources may reach even when they resolve to private addresses
 * @param threads fetch threads of one pass
 */
public record IngestSettings(
    String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
    Duration hostDelay, Duration defaultInterval, double jitter, boolean respectRobots,
    boolean allowPrivateAddresses, List<String> allowedHosts, int threads) {

  /** The built-in defaults. */
  public static IngestSettings defaults() {
    return new IngestSettings(
        "HeraldBot/0.1 (+https://github.com/herald-news/herald; news question answering)",
        Duration.ofSeconds(10), Duration.ofSeconds(30), 5_000_000, 5, Duration.ofSeconds(1),
        Duration.ofMinutes(15), 0.1, true, false, List.of(), 4);
  }

  /** Returns a copy with other timeouts and body limit. */
  public IngestSettings withLimits(Duration connect, Duration read, long maxBytes) {
    return new IngestSettings(userAgent, connect, read, maxBytes, maxRedirects, hostDelay,
        defaultInterval, jitter, respectRobots, allowPrivateAddresses, allowedHosts, threads);
  }
}

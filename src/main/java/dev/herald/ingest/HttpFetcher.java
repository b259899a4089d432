package dev.herald.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Polite, bounded HTTP GET: conditional requests, gzip, timeouts, a body size cap, redirects followed
 * by hand so every hop is checked (scheme, SSRF guard, robots.txt, loops), and a per-host delay.
 */
public final class HttpFetcher {

  private static final Duration ROBOTS_TTL = Duration.ofHours(24);
  private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);

  private record CachedRobots(RobotsTxt rules, long expires) {}

  private static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(String message) {
      super(message);
    }
  }

  private final IngestSettings settings;
  private final AddressGuard guard;
  private final HttpClient client;
  private final HostPoliteness politeness;
  private final String agentToken;
  private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
  private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

  /** Creates a fetcher with its own HTTP client. */
  public HttpFetcher(IngestSettings settings) {
    this.settings = settings;
    this.guard = new AddressGuard(settings.allowPrivateAddresses(), settings.allowedHosts());
    this.politeness = new HostPoliteness(settings.hostDelay());
    this.agentToken = settings.userAgent().split("[/ ]", 2)[0];
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** The SSRF guard applied to untrusted URLs. */
  public AddressGuard guard() {
    return guard;
  }

  /**
   * Fetches {@code url}, sending the stored validators; an untrusted URL is checked by the SSRF guard at
   * every hop.
   */
  public FetchResult fetch(String url, String etag, String lastModified, boolean trusted) throws FetchException {
    return fetch(url, etag, lastModified, trusted, settings.respectRobots());
  }

  private FetchResult fetch(String url, String etag, String lastModified, boolean trusted, boolean checkRobots)
      throws FetchException {
    URI uri = parse(url);
    Set<URI> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new FetchException(url, "only http and https are fetched (got " + uri + ")");
      }
      if (!trusted) {
        guard.check(uri);
      }
      if (checkRobots && !robotsFor(uri, trusted).allows(pathAndQuery(uri))) {
        throw new FetchException(url, "disallowed by robots.txt for " + uri);
      }
      visited.add(uri);
      HttpResponse<byte[]> r = exchange(url, uri, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
      int status = r.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        String location = r.headers().firstValue("Location").orElseThrow(
            () -> new FetchException(url, "HTTP " + status + " without a Location header"));
        URI next;
        try {
          next = uri.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new FetchException(url, "bad redirect Location '" + location + "'");
        }
        if (visited.contains(next)) {
          throw new FetchException(url, "redirect loop at " + next);
        }
        if (hop + 1 > settings.maxRedirects()) {
          throw new FetchException(url, "more than " + settings.maxRedirects() + " redirects");
        }
        uri = next;
        continue;
      }
      String ct = r.headers().firstValue("Content-Type").orElse(null);
      String newEtag = r.headers().firstValue("ETag").orElse(etag);
      String newLm = r.headers().firstValue("Last-Modified").orElse(lastModified);
      if (status == 304) {
        return new FetchResult(uri.toString(), 304, new byte[0], ct, newEtag, newLm);
      }
      if (status < 200 || status > 299) {
        Duration wait = status == 429 || status == 503 ? retryAfter(r.headers().firstValue("Retry-After").orElse(null)) : null;
        throw new FetchException(url, "HTTP " + status + (wait == null ? "" : " (retry after " + wait.toSeconds() + " s)"), wait);
      }
      byte[] body = r.body();
      String encoding = r.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
      if (encoding.contains("gzip")) {
        body = gunzip(url, body);
      }
      return new FetchResult(uri.toString(), status, body, ct, newEtag, newLm);
    }
  }

  private HttpResponse<byte[]> exchange(String url, URI uri, String etag, String lastModified) throws FetchException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept-Encoding", "gzip")
        .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      b.header("If-Modified-Since", lastModified);
    }
    try {
      politeness.await(uri.getHost() + ":" + uri.getPort());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(url, "interrupted");
    }
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), this::bodyHandler);
    long limit = settings.readTimeout().toMillis();
    try {
      // The request timeout covers only the headers; this deadline also covers a body that trickles in.
      return f.get(limit, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new FetchException(url, "timed out after " + limit + " ms");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(url, "interrupted");
    } catch (ExecutionException e) {
      throw new FetchException(url, describe(e.getCause()));
    }
  }

  private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
    if (info.statusCode() < 200 || info.statusCode() > 299) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new LimitedBody(settings.maxBodyBytes(), declared > settings.maxBodyBytes());
  }

  private static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BodyTooLargeException) {
        return c.getMessage();
      }
      if (c instanceof HttpTimeoutException) {
        return "timed out (" + c.getMessage() + ")";
      }
      if (c instanceof ConnectException) {
        return "cannot connect" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
      }
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private byte[] gunzip(String url, byte[] gz) throws FetchException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, gz.length * 4));
      byte[] buf = new byte[16384];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > settings.maxBodyBytes()) {
          throw new FetchException(url, "body larger than " + settings.maxBodyBytes() + " bytes after decompression");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ZipException e) {
      throw new FetchException(url, "corrupt gzip body (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new FetchException(url, "cannot decompress body (" + e.getMessage() + ")");
    }
  }

  private RobotsTxt robotsFor(URI uri, boolean trusted) {
    String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    CachedRobots cached = robots.get(origin);
    if (cached != null && cached.expires() > System.currentTimeMillis()) {
      return cached.rules();
    }
    // One fetch per origin: threads arriving meanwhile wait for it instead of asking the host again.
    synchronized (robotsLocks.computeIfAbsent(origin, o -> new Object())) {
      cached = robots.get(origin);
      if (cached != null && cached.expires() > System.currentTimeMillis()) {
        return cached.rules();
      }
      return fetchRobots(origin, trusted);
    }
  }

  private RobotsTxt fetchRobots(String origin, boolean trusted) {
    long now = System.currentTimeMillis();
    RobotsTxt rules;
    long ttl = ROBOTS_TTL.toMillis();
    try {
      FetchResult r = fetch(origin + "/robots.txt", null, null, trusted, false);
      rules = RobotsTxt.parse(new String(r.body(), StandardCharsets.UTF_8), agentToken);
    } catch (FetchException e) {
      if (e.reason().startsWith("HTTP 4")) {
        rules = RobotsTxt.allowAll();
      } else {
        // RFC 9309: an unreachable robots.txt means "assume complete disallow" for a while.
        rules = RobotsTxt.disallowAll();
        ttl = ROBOTS_FAILURE_TTL.toMillis();
      }
    }
    robots.put(origin, new CachedRobots(rules, now + ttl));
    return rules;
  }

  /** Reads {@code Retry-After} as seconds or an HTTP date; {@code null} when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static String pathAndQuery(URI uri) {
    String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
  }

  private static URI parse(String url) throws FetchException {
    try {
      URI u = new URI(url.strip());
      if (u.getHost() == null) {
        throw new FetchException(url, "not an absolute URL with a host");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new FetchException(url, "malformed URL (" + e.getReason() + ")");
    }
  }

  /** Collects a body up to a byte limit and fails as soon as it is exceeded, so a huge page is never held. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final boolean failNow;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(long max, boolean failNow) {
      this.max = max;
      this.failNow = failNow;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (failNow) {
        s.cancel();
        result.completeExceptionally(new BodyTooLargeException("body larger than " + max + " bytes (Content-Length)"));
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (buffer.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLargeException("body larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        buffer.writeBytes(chunk);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}

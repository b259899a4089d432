package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.ingest.FeedServer.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

  FeedServer server;
  HttpFetcher fetcher;

  @BeforeEach
  void setUp() throws Exception {
    server = new FeedServer();
    fetcher = new HttpFetcher(settings(false, List.of()));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  static IngestSettings settings(boolean allowPrivate, List<String> allowedHosts) {
    IngestSettings d = IngestSettings.defaults();
    return new IngestSettings(d.userAgent(), Duration.ofSeconds(2), Duration.ofMillis(800), 100_000, 3,
        Duration.ZERO, d.defaultInterval(), d.jitter(), true, allowPrivate, allowedHosts, 2);
  }

  @Test
  void should_send_validators_and_report_not_modified_on_304() throws Exception {
    server.route("/feed.xml", Route.ok("application/rss+xml", "<rss/>").withEtag("\"v1\""));

    FetchResult first = fetcher.fetch(server.url("/feed.xml"), null, null, true);
    FetchResult second = fetcher.fetch(server.url("/feed.xml"), first.etag(), first.lastModified(), true);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.etag()).isEqualTo("\"v1\"");
    assertThat(second.notModified()).isTrue();
    assertThat(server.requests.get(server.requests.size() - 1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void should_ask_for_gzip_and_decompress_it_with_a_clear_user_agent() throws Exception {
    server.route("/g.xml", Route.ok("application/xml", "<rss>compressed</rss>").gzipped());

    FetchResult r = fetcher.fetch(server.url("/g.xml"), null, null, true);

    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>compressed</rss>");
    FeedServer.Request req = server.requests.stream().filter(x -> x.path().equals("/g.xml")).findFirst().orElseThrow();
    assertThat(req.headers().getFirst("Accept-Encoding")).contains("gzip");
    assertThat(req.headers().getFirst("User-Agent")).startsWith("HeraldBot/");
  }

  @Test
  void should_follow_redirects_up_to_the_limit_and_report_the_final_url() throws Exception {
    server.route("/old", Route.redirect(301, "/mid")).route("/mid", Route.redirect(302, server.url("/new")))
        .route("/new", Route.ok("text/html", "<p>here</p>"));

    FetchResult r = fetcher.fetch(server.url("/old"), null, null, true);

    assertThat(r.url()).isEqualTo(server.url("/new"));
  }

  @Test
  void should_refuse_redirect_loops_and_long_chains() {
    server.route("/loop1", Route.redirect(302, "/loop2")).route("/loop2", Route.redirect(302, "/loop1"));
    for (int i = 0; i < 6; i++) {
      server.route("/hop" + i, Route.redirect(302, "/hop" + (i + 1)));
    }

    assertThatThrownBy(() -> fetcher.fetch(server.url("/loop1"), null, null, true)).hasMessageContaining("redirect loop");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/hop0"), null, null, true)).hasMessageContaining("more than 3 redirects");
  }

  @Test
  void should_obey_robots_txt() throws Exception {
    server.route("/robots.txt", Route.ok("text/plain", "User-agent: *\nDisallow: /private/\n"))
        .route("/private/page.html", Route.ok("text/html", "<p>secret</p>"))
        .route("/public.html", Route.ok("text/html", "<p>open</p>"));

    assertThat(fetcher.fetch(server.url("/public.html"), null, null, true).status()).isEqualTo(200);
    assertThatThrownBy(() -> fetcher.fetch(server.url("/private/page.html"), null, null, true))
        .hasMessageContaining("disallowed by robots.txt");
    assertThat(server.count("/private/page.html")).isZero();
    assertThat(server.count("/robots.txt")).isEqualTo(1);
  }

  @Test
  void should_refuse_bodies_over_the_limit_declared_or_not_and_gzip_bombs() {
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'a');
    server.route("/huge.html", Route.bytes("text/html", big)).route("/bomb.xml", Route.bytes("application/xml", big).gzipped())
        .route("/stream.html", Route.bytes("text/html", big).chunkedBody());

    assertThatThrownBy(() -> fetcher.fetch(server.url("/huge.html"), null, null, true)).hasMessageContaining("body larger than 100000 bytes");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/stream.html"), null, null, true))
        .hasMessageContaining("body larger than 100000 bytes").hasMessageNotContaining("Content-Length");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/bomb.xml"), null, null, true)).hasMessageContaining("after decompression");
  }

  @Test
  void should_give_up_on_slow_servers_and_report_http_errors() {
    server.route("/slow.xml", Route.ok("application/xml", "<rss/>").delayed(3000)).route("/down.xml", Route.status(500));

    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(server.url("/slow.xml"), null, null, true)).hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/down.xml"), null, null, true)).hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/missing.xml"), null, null, true)).hasMessageContaining("HTTP 404");
  }

  @Test
  void should_space_requests_to_one_host_by_the_politeness_delay() throws Exception {
    IngestSettings d = settings(false, List.of());
    HttpFetcher polite = new HttpFetcher(new IngestSettings(d.userAgent(), d.connectTimeout(), d.readTimeout(), d.maxBodyBytes(),
        d.maxRedirects(), Duration.ofMillis(200), d.defaultInterval(), d.jitter(), false, false, List.of(), 2));
    server.route("/a", Route.ok("text/plain", "a"));

    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      polite.fetch(server.url("/a"), null, null, true);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void should_refuse_an_untrusted_url_on_loopback_but_fetch_it_for_a_trusted_source() throws Exception {
    server.route("/feed.xml", Route.ok("application/rss+xml", "<rss/>"));

    assertThatThrownBy(() -> fetcher.fetch(server.url("/feed.xml"), null, null, false))
        .hasMessageContaining("refused").hasMessageContaining("127.0.0.1");
    assertThat(fetcher.fetch(server.url("/feed.xml"), null, null, true).status()).isEqualTo(200);
    assertThat(server.count("/feed.xml")).isEqualTo(1);
  }

  @Test
  void should_check_the_resolved_address_again_after_a_redirect() throws Exception {
    HttpFetcher allowingLocalhost = new HttpFetcher(settings(false, List.of("localhost")));
    server.route("/feed.xml", Route.redirect(302, server.url("/internal.xml")))
        .route("/internal.xml", Route.ok("application/rss+xml", "<rss/>"));

    assertThatThrownBy(() -> allowingLocalhost.fetch(server.localhostBase() + "/feed.xml", null, null, false))
        .hasMessageContaining("refused").hasMessageContaining("127.0.0.1");
    assertThat(server.count("/internal.xml")).isZero();
  }
}

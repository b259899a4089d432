package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {

  static final String TEXT = "The city council of Port Marlow voted on Tuesday to rebuild the old harbour bridge, which was "
      + "closed last winter after engineers found cracks in two of its steel supports. The new bridge will carry a tram line, "
      + "two cycle lanes and a wider footpath, and construction is expected to begin next spring. Mayor Ilse Varga said the "
      + "vote ended years of delay, and shop owners near the waterfront welcomed the decision after a quiet summer season.";

  @TempDir Path dir;
  HttpServer server;

  record Run(int code, String out, String err) {}

  Path config;

  @BeforeEach
  void setUp() throws IOException {
    // No politeness delay: every request here goes to one local host.
    config = Files.writeString(dir.resolve("herald.yaml"), "ingest:\n  host-delay-ms: 0\n");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/feed.xml", ex -> {
      byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Port News</title>"
          + "<item><title>Harbour bridge to be rebuilt</title><link>" + base() + "/harbour</link><guid>h1</guid>"
          + "<pubDate>Fri, 31 Oct 2025 09:00:00 GMT</pubDate><description><![CDATA[<p>" + TEXT + "</p>]]></description></item>"
          + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HeraldCommand root = new HeraldCommand(Map.of("HERALD_DATA", dir.resolve("data").toString()),
        Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC));
    CommandLine cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "--config=" + config;
    System.arraycopy(args, 0, all, 1, args.length);
    int code = cl.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_ingest_a_feed_given_on_the_command_line_and_end_with_a_summary_line() {
    Run first = run("ingest", "--feed", base() + "/feed.xml", "--page", base() + "/missing");
    Run second = run("ingest", "--feed", base() + "/feed.xml");
    Run search = run("search", "harbour bridge");

    assertThat(first.code()).isZero();
    assertThat(first.out()).startsWith("Ingested 2 sources: 1 new articles, 0 duplicates, 0 unchanged, 1 failures");
    assertThat(first.err()).contains("failed: " + base() + "/missing: HTTP 404");
    assertThat(second.out()).startsWith("Ingested 1 sources: 0 new articles, 0 duplicates, 1 unchanged, 0 failures");
    assertThat(search.out()).contains("Harbour bridge to be rebuilt — Port News");
  }

  @Test
  void should_import_opml_and_list_the_feeds() throws IOException {
    Path opml = dir.resolve("subs.opml");
    Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"Port News\" xmlUrl=\""
        + base() + "/feed.xml\"/><outline text=\"Not a feed\"/></body></opml>");

    Run imported = run("feeds", "import", opml.toString());
    Run ingested = run("ingest");
    Run listed = run("feeds");

    assertThat(imported.out()).startsWith("Imported 1 new feeds (0 already known)");
    assertThat(ingested.out()).startsWith("Ingested 1 sources: 1 new articles");
    assertThat(listed.out()).contains(base() + "/feed.xml (Port News) [opml]: 1 articles, last success 2025-11-01T00:00:00Z");
  }

  @Test
  void should_refuse_a_file_that_is_not_opml_with_a_clear_message() throws IOException {
    Path notOpml = dir.resolve("x.opml");
    Files.writeString(notOpml, "<html><body>hello</body></html>");

    Run r = run("feeds", "import", notOpml.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not an OPML file");
  }
}

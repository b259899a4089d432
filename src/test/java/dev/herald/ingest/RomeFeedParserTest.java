package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RomeFeedParserTest {

  private final RomeFeedParser parser = new RomeFeedParser();

  @Test
  void should_read_rss_atom_and_rdf_with_keys_links_dates_and_content() throws Exception {
    List<IngestFixtures.Item> items = List.of(new IngestFixtures.Item("T", "http://x/a", "g1", "Fri, 31 Oct 2025 09:00:00 GMT", "d", "<p>c</p>"));

    FeedItem rss = parser.parse("u", IngestFixtures.rss("R", items).getBytes(StandardCharsets.UTF_8), "application/rss+xml").items().get(0);
    FeedItem atom = parser.parse("u", IngestFixtures.atom("A", List.of(new IngestFixtures.Item("T", "http://x/b", "urn:b",
        "2025-10-31T09:00:00Z", null, "<p>c</p>"))).getBytes(StandardCharsets.UTF_8), null).items().get(0);
    ParsedFeed rdf = parser.parse("u", IngestFixtures.rdf("D", List.of(new IngestFixtures.Item("T", "http://x/c", null,
        "2025-10-31T09:00:00Z", null, "<p>c</p>"))).getBytes(StandardCharsets.UTF_8), "application/rdf+xml");

    assertThat(rss.key()).isEqualTo("g1");
    assertThat(rss.published()).isEqualTo(Instant.parse("2025-10-31T09:00:00Z"));
    assertThat(rss.contentHtml()).contains("<p>c</p>");
    assertThat(rss.author()).isEqualTo("Desk Writer");
    assertThat(atom.link()).isEqualTo("http://x/b");
    assertThat(atom.key()).isEqualTo("urn:b");
    assertThat(rdf.title()).isEqualTo("D");
    assertThat(rdf.items().get(0).published()).isEqualTo(Instant.parse("2025-10-31T09:00:00Z"));
  }

  @Test
  void should_decode_by_the_xml_prolog_when_the_header_names_no_or_a_bogus_charset() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 News</title>"
        + "<item><title>Cr\u00e8me</title><link>http://x/a</link></item></channel></rss>";
    byte[] latin1 = xml.getBytes(Charset.forName("ISO-8859-1"));

    assertThat(parser.parse("u", latin1, "text/xml").title()).isEqualTo("Caf\u00e9 News");
    assertThat(parser.parse("u", latin1, "application/rss+xml; charset=nonsense-42").items().get(0).title()).isEqualTo("Cr\u00e8me");
  }

  @Test
  void should_refuse_doctypes_so_external_entities_are_never_resolved() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";

    assertThatThrownBy(() -> parser.parse("u", xxe.getBytes(StandardCharsets.UTF_8), "application/xml"))
        .isInstanceOf(FetchException.class).hasMessageContaining("not a readable RSS/Atom/RDF feed");
  }

  @Test
  void should_report_html_served_as_a_feed_clearly() {
    assertThatThrownBy(() -> parser.parse("u", "<html><body>Not here</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"))
        .isInstanceOf(FetchException.class).hasMessageContaining("not a readable RSS/Atom/RDF feed");
  }
}

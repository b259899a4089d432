package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadabilityExtractorTest {

  private final ReadabilityExtractor extractor = new ReadabilityExtractor();

  @Test
  void should_take_meta_published_time_og_url_and_author_and_leave_the_boilerplate_out() throws Exception {
    String html = """
        <html><head><title>Ferry | Island Times</title>
        <meta property="og:url" content="/island/ferry">
        <meta property="article:published_time" content="2025-10-29T06:00:00Z">
        <meta name="author" content="Meta Author"></head>
        <body><header><a href="/">Home</a><a href="/login">Sign in</a></header>
        <div class="cookie">We use cookies.</div>
        <main><article><h1>Night ferry</h1><p>%s</p><p>Tickets go on sale next week, the operator said on Monday.</p></article></main>
        <aside><ul><li><a href="/x">Most read: something else</a></li></ul></aside></body></html>"""
        .formatted(IngestFixtures.FERRY_TEXT);

    ExtractedPage p = extractor.extract("http://island.test/a?ref=x", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.canonicalUrl()).isEqualTo("http://island.test/island/ferry");
    assertThat(p.published()).isEqualTo(Instant.parse("2025-10-29T06:00:00Z"));
    assertThat(p.author()).isEqualTo("Meta Author");
    assertThat(p.text()).contains("liquefied natural gas").contains("Tickets go on sale")
        .doesNotContain("Sign in").doesNotContain("Most read");
  }

  @Test
  void should_fall_back_to_the_paragraphs_of_a_page_readability_cannot_score() throws Exception {
    ExtractedPage p = extractor.extract("http://x/", "<p>Only one short line".getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.text()).isEqualTo("Only one short line");
    assertThat(p.published()).isNull();
  }

  @Test
  void should_read_the_date_formats_seen_in_page_metadata() {
    assertThat(ReadabilityExtractor.parseDate("2025-10-29T06:00:00+02:00")).isEqualTo(Instant.parse("2025-10-29T04:00:00Z"));
    assertThat(ReadabilityExtractor.parseDate("2025-10-29T06:00:00")).isEqualTo(Instant.parse("2025-10-29T06:00:00Z"));
    assertThat(ReadabilityExtractor.parseDate("Wed, 29 Oct 2025 06:00:00 GMT")).isEqualTo(Instant.parse("2025-10-29T06:00:00Z"));
    assertThat(ReadabilityExtractor.parseDate("2025-10-29")).isEqualTo(Instant.parse("2025-10-29T00:00:00Z"));
    assertThat(ReadabilityExtractor.parseDate("yesterday")).isNull();
  }
}

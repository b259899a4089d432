package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlsTest {

  @Test
  void should_drop_tracking_parameters_fragment_default_port_and_case_of_host() {
    String url = "HTTPS://News.Example.COM:443/world/story-1?id=7&utm_source=rss&utm_medium=feed&fbclid=abc#comments";

    String canonical = CanonicalUrls.canonicalize(url);

    assertThat(canonical).isEqualTo("https://news.example.com/world/story-1?id=7");
  }

  @Test
  void should_drop_an_emptied_query_and_keep_a_non_default_port() {
    assertThat(CanonicalUrls.canonicalize("http://127.0.0.1:8080/a?utm_campaign=x")).isEqualTo("http://127.0.0.1:8080/a");
    assertThat(CanonicalUrls.canonicalize("http://example.com")).isEqualTo("http://example.com/");
  }

  @Test
  void should_return_unparseable_input_stripped_instead_of_failing() {
    assertThat(CanonicalUrls.canonicalize(" not a url with spaces ")).isEqualTo("not a url with spaces");
  }
}

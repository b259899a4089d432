package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

  @Test
  void should_apply_the_star_group_with_longest_match_winning() {
    RobotsTxt r = RobotsTxt.parse("""
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        """, "HeraldBot");

    assertThat(r.allows("/news/1")).isTrue();
    assertThat(r.allows("/private/x")).isFalse();
    assertThat(r.allows("/private/press/y")).isTrue();
  }

  @Test
  void should_prefer_a_group_naming_our_agent_over_the_star_group() {
    RobotsTxt r = RobotsTxt.parse("""
        User-agent: *
        Disallow: /

        User-agent: heraldbot
        Disallow: /drafts
        """, "HeraldBot");

    assertThat(r.allows("/news")).isTrue();
    assertThat(r.allows("/drafts/1")).isFalse();
  }

  @Test
  void should_allow_everything_on_an_empty_disallow() {
    assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "HeraldBot").allows("/a")).isTrue();
  }
}

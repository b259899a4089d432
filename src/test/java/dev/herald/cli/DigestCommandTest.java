package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald digest}: the documented JSON, and clear messages for bad dates. */
class DigestCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void index() throws Exception {
    assertThat(run("index", Fixtures.writeArticles(dir).toString()).code()).isZero();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HeraldCommand root = new HeraldCommand(Map.of("HERALD_DATA", dir.resolve("data").toString()),
        Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC));
    CommandLine cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void should_print_the_documented_digest_json_with_cited_items() throws Exception {
    Run r = run("digest", "Budapest summit", "--since", "2025-10-01", "--as-of", "2025-10-31", "--json");

    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.fieldNames()).toIterable().containsExactly("topic", "since", "as_of", "items");
    assertThat(j.get("since").asText()).isEqualTo("2025-10-01T00:00:00Z");
    assertThat(j.get("as_of").asText()).isEqualTo("2025-10-31T23:59:59.999Z");
    JsonNode item = j.get("items").get(0);
    assertThat(item.get("date").asText()).isEqualTo("2025-10-16T18:00:00Z");
    assertThat(item.get("summary").asText()).contains("Budapest");
    JsonNode c = item.get("citations").get(0);
    assertThat(c.fieldNames()).toIterable()
        .containsExactly("n", "article_id", "passage_id", "title", "url", "source", "published", "text");
    assertThat(c.get("article_id").asText()).isEqualTo("budapest-plan");
  }

  @Test
  void should_print_a_readable_digest_and_nothing_new_outside_the_window() {
    assertThat(run("digest", "Budapest summit", "--since", "2025-10-01", "--as-of", "2025-10-31").out())
        .startsWith("Digest on Budapest summit: 1 new since 1 Oct 2025 00:00 UTC").contains("[1]");
    assertThat(run("digest", "Budapest summit", "--since", "2025-10-20", "--as-of", "2025-10-31").out())
        .startsWith("Digest on Budapest summit: nothing new since 20 Oct 2025 00:00 UTC");
  }

  @Test
  void should_explain_a_bad_since_date() {
    Run r = run("digest", "Budapest summit", "--since", "last tuesday");

    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("--since: 'last tuesday' is not an ISO date or date-time");
  }
}

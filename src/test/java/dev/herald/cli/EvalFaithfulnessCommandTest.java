package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald eval faithfulness} on a small cases file over the bundled corpus. */
class EvalFaithfulnessCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run herald(String... args) {
    HeraldCommand root = new HeraldCommand(Map.of(), Clock.systemUTC());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void should_report_precision_recall_and_the_rule_that_dropped_each_wrong_claim() throws Exception {
    Path cases = Files.writeString(dir.resolve("cases.jsonl"), String.join("\n",
        "{\"id\":\"a\",\"kind\":\"paraphrase\",\"supported\":true,\"sources\":[\"fed-cut-2025-09-17\"],"
            + "\"claim\":\"The Fed lowered rates by 25 basis points in an 11-1 vote [1].\"}",
        "{\"id\":\"b\",\"kind\":\"wrong-number\",\"supported\":false,\"sources\":[\"fed-cut-2025-09-17\"],"
            + "\"claim\":\"The Fed lowered rates by 75 basis points in an 11-1 vote [1].\"}",
        "{\"id\":\"c\",\"kind\":\"flipped-negation\",\"supported\":false,\"sources\":[\"fed-cut-2025-10-29\"],"
            + "\"claim\":\"Powell said a further reduction at the December meeting was a foregone conclusion [1].\"}"));

    Run r = herald("eval", "faithfulness", "--cases", cases.toString(), "--corpus", "corpus", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("cases").asInt()).isEqualTo(3);
    assertThat(j.get("recall").asDouble()).isEqualTo(1.0);
    assertThat(j.get("faithful_kept_share").asDouble()).isEqualTo(1.0);
    assertThat(j.get("dropped_by_rule").get("number").get("wrong").asInt()).isEqualTo(1);
    assertThat(j.get("dropped_by_rule").get("polarity").get("wrong").asInt()).isEqualTo(1);
  }

  @Test
  void should_say_which_case_cites_an_unknown_article() throws Exception {
    Path cases = Files.writeString(dir.resolve("cases.jsonl"),
        "{\"id\":\"z\",\"kind\":\"paraphrase\",\"supported\":true,\"sources\":[\"nowhere\"],\"claim\":\"Something [1].\"}\n");

    Run r = herald("eval", "faithfulness", "--cases", cases.toString(), "--corpus", "corpus");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("case z").contains("nowhere");
  }

  @Test
  void should_reject_a_missing_cases_file() {
    Run r = herald("eval", "faithfulness", "--cases", dir.resolve("none.jsonl").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }
}

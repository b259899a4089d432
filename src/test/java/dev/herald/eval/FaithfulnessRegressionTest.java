package dev.herald.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the answer verifier's figures (judge off) on the faithfulness sets in {@code eval/faithfulness/},
 * as recorded in docs/EVALUATION.md; the sets are written over the bundled {@code corpus/}.
 */
class FaithfulnessRegressionTest {

  static final Path DIR = Path.of("eval/faithfulness");
  static final FaithfulnessEval EVAL = new FaithfulnessEval(Path.of("corpus"), 0.5, ZoneOffset.UTC);

  static FaithfulnessReport run(String file) throws IOException {
    return EVAL.run(FaithfulnessEval.read(DIR.resolve(file)));
  }

  @Test
  void should_drop_at_least_97_percent_of_wrong_claims_and_keep_95_percent_of_faithful_ones_on_the_main_set() throws IOException {
    FaithfulnessReport r = run("cases.jsonl");

    // recorded: 274 cases; 138 of 140 wrong dropped (0.986), 133 of 134 faithful kept (0.993), precision 0.993 (unchanged
    // by the fifth and sixth rule revisions)
    assertThat(r.cases()).isEqualTo(274);
    assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);
    assertThat(r.faithfulKeptShare()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.wrongDropped()).isGreaterThanOrEqualTo(137);
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(132);
  }

  @Test
  void should_keep_the_held_out_sets_at_the_recorded_level() throws IOException {
    FaithfulnessReport first = run("heldout.jsonl");
    FaithfulnessReport second = run("heldout2.jsonl");
    FaithfulnessReport third = run("heldout3.jsonl");
    FaithfulnessReport fourth = run("heldout4.jsonl");
    FaithfulnessReport fifth = run("heldout5.jsonl");
    FaithfulnessReport sixth = run("heldout6.jsonl");
    FaithfulnessReport seventh = run("heldout7.jsonl");
    FaithfulnessReport eighth = run("heldout8.jsonl");
    FaithfulnessReport ninth = run("heldout9.jsonl");

    // recorded (docs/EVALUATION.md, sixth rule revision): held-out 1, 30 of 32 wrong dropped, 38 of 38 kept; held-out 2,
    // 22 of 26 dropped, 28 of 28 kept; held-out 3, 23 of 26 dropped, 26 of 26 kept; held-out 4, 80 of 94 dropped, 86 of
    // 94 kept; held-out 5, 32 of 36 dropped, 35 of 35 kept; held-out 6 (the sixth revision was developed on its misses),
    // 73 of 89 dropped, 84 of 88 kept; held-out 7 (written before the sixth revision, run once before it and once after,
    // never used to change a rule), 98 of 130 dropped, 118 of 127 kept; then 121 of 127 kept after the weekday fix its
    // final run's misses showed (see docs/EVALUATION.md); the seventh revision, developed on held-out 7's misses, raised
    // it to 106 of 130 dropped. Held-out 8 (written before the seventh revision, run once before it and once after, never
    // used to change a rule): 93 of 148 dropped and 134 of 146 kept before, 95 of 148 and 134 of 146 after; 97 of 148
    // after the eighth. Then the ninth (dates relative to other dates, number forms, sentence splitting, negating verbs,
    // names for one entity), developed on held-out 9's faithful misses: held-out 4, 80 of 94 dropped, 89 of 94 kept;
    // held-out 7, 108 of 130 dropped, 122 of 127 kept; held-out 8, 99 of 148 dropped, 140 of 146 kept; the others
    // unchanged. Held-out 9 (written before the eighth revision): 80 of 131 dropped and 104 of 137 kept on its first run,
    // 82 of 131 and 134 of 137 after the ninth. Floors sit a claim or two under the measured counts.
    assertThat(first.wrongDropped()).isGreaterThanOrEqualTo(29);
    assertThat(first.faithfulKept()).isGreaterThanOrEqualTo(37);
    assertThat(second.wrongDropped()).isGreaterThanOrEqualTo(21);
    assertThat(second.faithfulKept()).isGreaterThanOrEqualTo(27);
    assertThat(third.wrongDropped()).isGreaterThanOrEqualTo(22);
    assertThat(third.faithfulKept()).isGreaterThanOrEqualTo(25);
    assertThat(fourth.wrongDropped()).isGreaterThanOrEqualTo(78);
    assertThat(fourth.faithfulKept()).isGreaterThanOrEqualTo(87);
    assertThat(fifth.wrongDropped()).isGreaterThanOrEqualTo(31);
    assertThat(fifth.faithfulKept()).isGreaterThanOrEqualTo(34);
    assertThat(sixth.wrongDropped()).isGreaterThanOrEqualTo(71);
    assertThat(sixth.faithfulKept()).isGreaterThanOrEqualTo(82);
    assertThat(seventh.wrongDropped()).isGreaterThanOrEqualTo(106);
    assertThat(seventh.faithfulKept()).isGreaterThanOrEqualTo(120);
    assertThat(eighth.wrongDropped()).isGreaterThanOrEqualTo(97);
    assertThat(eighth.faithfulKept()).isGreaterThanOrEqualTo(138);
    assertThat(ninth.wrongDropped()).isGreaterThanOrEqualTo(80);
    assertThat(ninth.faithfulKept()).isGreaterThanOrEqualTo(132);
  }

  @Test
  void should_hold_the_later_held_out_sets_to_their_size_and_balance() throws IOException {
    List<FaithfulnessCase> fourth = FaithfulnessEval.read(DIR.resolve("heldout4.jsonl"));
    List<FaithfulnessCase> fifth = FaithfulnessEval.read(DIR.resolve("heldout5.jsonl"));
    List<FaithfulnessCase> sixth = FaithfulnessEval.read(DIR.resolve("heldout6.jsonl"));
    List<FaithfulnessCase> seventh = FaithfulnessEval.read(DIR.resolve("heldout7.jsonl"));
    List<FaithfulnessCase> eighth = FaithfulnessEval.read(DIR.resolve("heldout8.jsonl"));
    List<FaithfulnessCase> ninth = FaithfulnessEval.read(DIR.resolve("heldout9.jsonl"));

    assertThat(fourth).hasSize(188).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(fourth.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(94);
    assertThat(fifth).hasSize(71).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(fifth.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(35);
    assertThat(sixth).hasSize(177).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(sixth.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(88);
    assertThat(seventh).hasSize(257).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(seventh.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(127);
    assertThat(eighth).hasSize(294).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(eighth.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(146);
    assertThat(ninth).hasSize(268).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(ninth.stream().filter(FaithfulnessCase::supported).count()).isEqualTo(137);
  }

  @Test
  void should_cover_every_kind_of_error_and_of_faithful_paraphrase() throws IOException {
    List<FaithfulnessCase> cases = FaithfulnessEval.read(DIR.resolve("cases.jsonl"));

    Set<String> kinds = cases.stream().map(FaithfulnessCase::kind).collect(Collectors.toSet());
    assertThat(kinds).contains("paraphrase", "reordered", "compressed", "number-format", "two-sources", "date-resolved",
        "wrong-number", "wrong-date", "flipped-negation", "contradiction", "swapped-person", "false-recombination",
        "misquote", "invented-source");
    assertThat(cases).extracting(FaithfulnessCase::id).doesNotHaveDuplicates();
    assertThat(cases.stream().filter(FaithfulnessCase::supported).count()).isGreaterThanOrEqualTo(100);
    assertThat(cases.stream().filter(c -> !c.supported()).count()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void should_report_an_unknown_article_by_case_id() {
    FaithfulnessCase bad = new FaithfulnessCase("x-1", "paraphrase", true, List.of("no-such-article"), "Something happened [1].");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EVAL.run(List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-1").hasMessageContaining("no-such-article");
  }
}

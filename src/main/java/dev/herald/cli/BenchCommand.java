package dev.herald.cli;

import dev.herald.bench.Bench;
import dev.herald.bench.BenchReport;
import dev.herald.bench.ScaleBenchReport;
import dev.herald.bench.VerifierBench;
import dev.herald.eval.FaithfulnessEval;
import dev.herald.config.HeraldConfig;
import dev.herald.eval.Jsonl;
import dev.herald.eval.RealTimeQaQuestion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald bench}: indexing rate, query latency and heap against bare Lucene, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark indexing and question latency against bare Lucene (in a scratch folder).")
final class BenchCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Option(names = "--corpus", paramLabel = "PATH",
      description = "Articles to repeat (default: ../shared/eval-data/realtimeqa/articles-dev.jsonl when present, else corpus/).")
  Path corpus;

  @Option(names = "--passages", defaultValue = "100000", description = "Passages to build (default: ${DEFAULT-VALUE}).")
  int passages;

  @Option(names = "--embedded-passages", defaultValue = "4000",
      description = "Passages to index with embeddings for the embedding and hybrid figures; 0 skips them (default: ${DEFAULT-VALUE}).")
  int embeddedPassages;

  @Option(names = "--hybrid-passages", defaultValue = "0",
      description = "Also measure hybrid latency over this many passages with vectors (repeated texts embedded once); 0 skips it (default: ${DEFAULT-VALUE}).")
  int hybridPassages;

  @Option(names = "--index-rounds", defaultValue = "" + Bench.INDEX_ROUNDS,
      description = "Indexing rounds, each the bare Lucene writer then Herald; the rates shown are the round with the median ratio (default: ${DEFAULT-VALUE}; 1 with a Solr backend).")
  int indexRounds;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--verification",
      description = "Only time answer verification (judge off): four-sentence answers with four sources, from eval/faithfulness/cases.jsonl.")
  boolean verification;

  @Option(names = "--runs", defaultValue = "2000", description = "Verifications timed with --verification (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    if (verification) {
      return verification();
    }
    if (passages < 100) {
      throw new UsageException("bench: --passages must be at least 100");
    }
    if (embeddedPassages != 0 && embeddedPassages < 100) {
      throw new UsageException("bench: --embedded-passages must be 0 (skip) or at least 100");
    }
    HeraldConfig c = root.loadConfig();
    Path shared = c.home().resolve("../shared/eval-data/realtimeqa");
    Path src = corpus != null ? corpus
        : Files.exists(shared.resolve("articles-dev.jsonl")) ? shared.resolve("articles-dev.jsonl") : c.corpusDir();
    if (!Files.exists(src)) {
      throw new UsageException("bench: --corpus " + src + ": no such file or folder");
    }
    List<String> questions = Files.exists(shared.resolve("questions-dev.jsonl"))
        ? Jsonl.read(shared.resolve("questions-dev.jsonl"), RealTimeQaQuestion.class).stream().map(RealTimeQaQuestion::question).toList()
        : List.of();
    if (hybridPassages != 0 && hybridPassages < 100) {
      throw new UsageException("bench: --hybrid-passages must be 0 (skip) or at least 100");
    }
    PrintWriter err = root.spec.commandLine().getErr();
    if (indexRounds < 1) {
      throw new UsageException("bench: --index-rounds must be at least 1");
    }
    Bench bench = new Bench(c, m -> err.println("bench: " + m), indexRounds);
    BenchReport r = bench.run(src, passages, embeddedPassages, questions);
    ScaleBenchReport scale = hybridPassages > 0 ? bench.hybridAtScale(src, hybridPassages, questions) : null;
    PrintWriter out = root.spec.commandLine().getOut();
    if (json) {
      var o = Bench.json(r);
      if (scale != null) {
        o.set("hybrid_at_scale", Bench.json(scale));
      }
      out.println(JsonOutput.line(o));
    } else {
      out.printf(Locale.ROOT, "passages %d%nindexing   %.0f passages/s (bare Lucene %.0f/s, %.0f%%)%n"
          + "search     p50 %.2f ms  p95 %.2f ms%nask        p50 %.2f ms  p95 %.2f ms%n"
          + "bare BM25  p50 %.2f ms%nheap peak  %.0f MB%n",
          r.passages(), r.indexPerS(), r.luceneIndexPerS(), 100 * r.indexPerS() / r.luceneIndexPerS(),
          r.searchP50Ms(), r.searchP95Ms(), r.askP50Ms(), r.askP95Ms(), r.luceneQueryP50Ms(), r.heapPeakMb());
      if (r.dense() != null) {
        var d = r.dense();
        out.printf(Locale.ROOT, "embedding  %d passages, %s: model alone %.0f passages/s, indexing with embeddings %.0f/s (%.0f%%)%n"
            + "hybrid     search p50 %.2f ms  p95 %.2f ms%nhybrid ask p50 %.2f ms  p95 %.2f ms%n",
            d.passages(), d.model(), d.modelPerS(), d.indexPerS(), 100 * d.indexPerS() / d.modelPerS(),
            d.hybridSearchP50Ms(), d.hybridSearchP95Ms(), d.hybridAskP50Ms(), d.hybridAskP95Ms());
      }
      if (scale != null) {
        out.printf(Locale.ROOT, "hybrid at %d passages (%d distinct texts embedded, %.0f s to index): search p50 %.2f ms  p95 %.2f ms, "
            + "ask p50 %.2f ms  p95 %.2f ms%n", scale.passages(), scale.distinctTexts(), scale.indexSeconds(),
            scale.hybridSearchP50Ms(), scale.hybridSearchP95Ms(), scale.hybridAskP50Ms(), scale.hybridAskP95Ms());
      }
    }
    return 0;
  }

  private int verification() throws java.io.IOException {
    if (runs < 100) {
      throw new UsageException("bench: --runs must be at least 100");
    }
    HeraldConfig c = root.loadConfig();
    Path cases = c.home().resolve("eval/faithfulness/cases.jsonl");
    if (!Files.isRegularFile(cases)) {
      throw new UsageException("bench: " + cases + ": no such file");
    }
    Path src = corpus != null ? corpus : c.corpusDir();
    VerifierBench.Report r = new VerifierBench(c.zone()).run(src, FaithfulnessEval.read(cases), runs);
    PrintWriter out = root.spec.commandLine().getOut();
    if (json) {
      var o = JsonOutput.MAPPER.createObjectNode();
      o.put("answers", r.answers());
      o.put("runs", r.runs());
      o.put("verify_p50_ms", r.verifyP50Ms());
      o.put("verify_p95_ms", r.verifyP95Ms());
      o.put("fact_checks_p50_ms", r.factsP50Ms());
      o.put("fact_checks_p95_ms", r.factsP95Ms());
      out.println(JsonOutput.line(o));
    } else {
      out.printf(Locale.ROOT, "verification of a 4-sentence answer with 4 sources (%d answers, %d runs): p50 %.2f ms  p95 %.2f ms%n"
          + "fact checks alone (numbers, dates, polarity, names; timed separately): p50 %.2f ms  p95 %.2f ms%n",
          r.answers(), r.runs(), r.verifyP50Ms(), r.verifyP95Ms(), r.factsP50Ms(), r.factsP95Ms());
    }
    return 0;
  }
}

package dev.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.eval.FaithfulnessCase;
import dev.herald.eval.FaithfulnessEval;
import dev.herald.eval.FaithfulnessReport;
import dev.herald.eval.Jsonl;
import dev.herald.eval.QuoteExtractionEval;
import dev.herald.eval.QuoteExtractionReport;
import dev.herald.quotes.QuoteExtractor;
import dev.herald.eval.RealTimeQaEval;
import dev.herald.eval.RealTimeQaQuestion;
import dev.herald.eval.RealTimeQaReport;
import dev.herald.eval.WhoSaidEval;
import dev.herald.eval.WhoSaidQuestion;
import dev.herald.eval.WhoSaidReport;
import dev.herald.index.ArticleIndex;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald eval}: measures retrieval and answers on question sets (index the articles first). */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate on a question set; index its articles first with 'herald index'.",
    subcommands = {EvalCommand.RealTimeQa.class, EvalCommand.WhoSaid.class, EvalCommand.Quotes.class, EvalCommand.Faithfulness.class})
final class EvalCommand implements Runnable {

  @ParentCommand HeraldCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Herald openExisting(HeraldConfig c) throws java.io.IOException {
    if (c.index().isSolr()) {
      Herald h = Herald.openWritable(c);
      if (h.stats().articles() == 0) {
        h.close();
        throw new UsageException("eval: the Solr collection '" + c.index().solr().collection()
            + "' is empty; index the evaluation articles first (herald index FILE --config FILE)");
      }
      return h;
    }
    if (!ArticleIndex.exists(c.indexDir())) {
      throw new UsageException("eval: no index at " + c.indexDir() + "; index the evaluation articles first (herald index FILE)");
    }
    return Herald.openForQuestions(c, p -> {}, m -> {});
  }

  static Path questionsFile(Path p) {
    if (p == null || !Files.isRegularFile(p)) {
      throw new UsageException("eval: --questions " + p + ": no such file");
    }
    return p;
  }

  /** {@code herald eval realtimeqa}. */
  @Command(name = "realtimeqa", mixinStandardHelpOptions = true, description = "Hits@4, Hits@10, MRR@10 and answer accuracy.")
  static final class RealTimeQa implements Callable<Integer> {
    @ParentCommand EvalCommand eval;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Questions JSONL.")
    Path questions;

    @Option(names = "--k", defaultValue = "10", description = "Passages retrieved (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--mode", paramLabel = "MODE",
        description = "Retrieval mode instead of the configured one: bm25, dense or hybrid (dense and hybrid need an index built with embeddings).")
    String mode;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--details", description = "Also print each question's first gold rank and answer (to stderr).")
    boolean details;

    @Override
    public Integer call() throws Exception {
      HeraldConfig c = HeraldCommand.withMode(eval.root.loadConfig(), mode, "eval");
      PrintWriter err = eval.spec.commandLine().getErr();
      List<RealTimeQaQuestion> qs = Jsonl.read(questionsFile(questions), RealTimeQaQuestion.class);
      RealTimeQaReport r;
      try (Herald h = openExisting(c)) {
        r = new RealTimeQaEval(h, (q, rank, a, ok) -> {
          if (details) {
            err.printf(Locale.ROOT, "%s\trank=%d\tcorrect=%s\t%s\t=> %s%n", q.id(), rank, ok, q.question(), a.text().replace('\n', ' '));
          }
        }).run(qs, k);
      }
      PrintWriter out = eval.spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("questions", r.questions());
        o.put("hits_at_4", r.hitsAt4());
        o.put("hits_at_10", r.hitsAt10());
        o.put("mrr_at_10", r.mrrAt10());
        o.put("answer_accuracy", r.answerAccuracy());
        out.println(JsonOutput.line(o));
      } else {
        out.printf(Locale.ROOT, "questions %d  Hits@4 %.3f  Hits@10 %.3f  MRR@10 %.3f  answer accuracy %.3f%n",
            r.questions(), r.hitsAt4(), r.hitsAt10(), r.mrrAt10(), r.answerAccuracy());
      }
      return 0;
    }
  }

  /** {@code herald eval who-said}. */
  @Command(name = "who-said", mixinStandardHelpOptions = true, description = "Speaker and citation accuracy.")
  static final class WhoSaid implements Callable<Integer> {
    @ParentCommand EvalCommand eval;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Questions JSONL.")
    Path questions;

    @Option(names = "--mode", paramLabel = "MODE",
        description = "Retrieval mode instead of the configured one: bm25, dense or hybrid (dense and hybrid need an index built with embeddings).")
    String mode;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--details", description = "Also print each question's outcome and answer (to stderr).")
    boolean details;

    @Override
    public Integer call() throws Exception {
      HeraldConfig c = HeraldCommand.withMode(eval.root.loadConfig(), mode, "eval");
      List<WhoSaidQuestion> qs = Jsonl.read(questionsFile(questions), WhoSaidQuestion.class);
      WhoSaidReport r;
      try (Herald h = openExisting(c)) {
        PrintWriter err = eval.spec.commandLine().getErr();
        r = new WhoSaidEval(h, (q, a, speakerRight, citationRight) -> {
          if (details) {
            err.printf(Locale.ROOT, "%s\tspeaker=%s\tcited=%s\t%s\t=> %s | %s%n", q.id(), speakerRight, citationRight, q.surname(),
                a.text().replace('\n', ' '), a.citations().isEmpty() ? "" : a.citations().get(0).articleId());
          }
        }).run(qs, eval.root.clock.instant());
      }
      PrintWriter out = eval.spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("questions", r.questions());
        o.put("speaker_accuracy", r.speakerAccuracy());
        o.put("citation_accuracy", r.citationAccuracy());
        out.println(JsonOutput.line(o));
      } else {
        out.printf(Locale.ROOT, "questions %d  speaker accuracy %.3f  citation accuracy %.3f%n",
            r.questions(), r.speakerAccuracy(), r.citationAccuracy());
      }
      return 0;
    }
  }

  /** {@code herald eval quotes}: extraction quality against annotated attributions. */
  @Command(name = "quotes", mixinStandardHelpOptions = true,
      description = "Precision and recall of direct-quotation extraction and speakers against BRAT annotations (PolNeAR layout).")
  static final class Quotes implements Callable<Integer> {
    @ParentCommand EvalCommand eval;

    @Option(names = "--annotations", required = true, paramLabel = "DIR",
        description = "A PolNeAR split folder holding text/ and attributions/ (e.g. ../shared/eval-data/polnear/data/dev).")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(dir.resolve("attributions")) || !Files.isDirectory(dir.resolve("text"))) {
        throw new UsageException("eval quotes: --annotations " + dir + " must hold text/ and attributions/");
      }
      QuoteExtractionReport r = new QuoteExtractionEval(QuoteExtractor.standard()).run(dir);
      PrintWriter out = eval.spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("articles", r.articles());
        o.put("gold", r.gold());
        o.put("predicted", r.predicted());
        o.put("content_precision", r.contentPrecision());
        o.put("content_recall", r.contentRecall());
        o.put("source_precision", r.sourcePrecision());
        o.put("source_recall", r.sourceRecall());
        o.put("gold_pronoun_sources", r.goldPronounSources());
        out.println(JsonOutput.line(o));
      } else {
        out.printf(Locale.ROOT, "articles %d  gold %d  extracted %d  content P %.3f R %.3f  source P %.3f R %.3f (%d pronoun sources not judged)%n",
            r.articles(), r.gold(), r.predicted(), r.contentPrecision(), r.contentRecall(), r.sourcePrecision(), r.sourceRecall(), r.goldPronounSources());
      }
      return 0;
    }
  }

  /** {@code herald eval faithfulness}: the answer verifier on labelled claims (no index or model needed). */
  @Command(name = "faithfulness", mixinStandardHelpOptions = true,
      description = "Precision and recall of the answer verifier (judge off) on labelled claims over the corpus articles.")
  static final class Faithfulness implements Callable<Integer> {
    @ParentCommand EvalCommand eval;

    @Option(names = "--cases", paramLabel = "FILE",
        description = "Labelled cases JSONL (default: eval/faithfulness/cases.jsonl under the installation).")
    Path cases;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Articles the cases cite (default: the configured corpus).")
    Path corpus;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--details", description = "Also list the wrong claims kept and the faithful claims dropped (to stderr).")
    boolean details;

    @Override
    public Integer call() throws Exception {
      HeraldConfig c = eval.root.loadConfig();
      Path file = cases != null ? cases : c.home().resolve("eval/faithfulness/cases.jsonl");
      if (!Files.isRegularFile(file)) {
        throw new UsageException("eval faithfulness: --cases " + file + ": no such file");
      }
      Path articles = corpus != null ? corpus : c.corpusDir();
      if (!Files.exists(articles)) {
        throw new UsageException("eval faithfulness: --corpus " + articles + ": no such file or folder");
      }
      List<FaithfulnessCase> list = FaithfulnessEval.read(file);
      FaithfulnessReport r;
      try {
        r = new FaithfulnessEval(articles, c.llm().minSupport(), c.zone()).run(list);
      } catch (IllegalArgumentException e) {
        throw new UsageException("eval faithfulness: " + e.getMessage());
      }
      PrintWriter out = eval.spec.commandLine().getOut();
      if (details) {
        r.misses().forEach(eval.spec.commandLine().getErr()::println);
      }
      if (json) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("cases", r.cases());
        o.put("wrong", r.wrong());
        o.put("wrong_dropped", r.wrongDropped());
        o.put("faithful", r.faithful());
        o.put("faithful_kept", r.faithfulKept());
        o.put("precision", r.precision());
        o.put("recall", r.recall());
        o.put("faithful_kept_share", r.faithfulKeptShare());
        ObjectNode rules = o.putObject("dropped_by_rule");
        r.byRule().forEach((k, v) -> rules.putObject(k).put("wrong", v[0]).put("faithful", v[1]));
        ObjectNode firing = o.putObject("rule_fires_alone");
        r.firing().forEach((k, v) -> firing.putObject(k).put("wrong", v[0]).put("faithful", v[1]));
        ObjectNode kinds = o.putObject("by_kind");
        r.byKind().forEach((k, v) -> kinds.putObject(k).put("cases", v[0]).put("dropped", v[1]));
        out.println(JsonOutput.line(o));
      } else {
        out.printf(Locale.ROOT, "cases %d  wrong %d, dropped %d (recall %.3f)  faithful %d, kept %d (%.3f)  precision %.3f%n",
            r.cases(), r.wrong(), r.wrongDropped(), r.recall(), r.faithful(), r.faithfulKept(), r.faithfulKeptShare(), r.precision());
        r.byRule().forEach((k, v) -> out.printf(Locale.ROOT, "dropped by %-9s wrong %3d  faithful %3d%n", k, v[0], v[1]));
        r.firing().forEach((k, v) -> out.printf(Locale.ROOT, "fires alone %-8s wrong %3d  faithful %3d%n", k, v[0], v[1]));
        r.byKind().forEach((k, v) -> out.printf(Locale.ROOT, "kind %-20s %3d cases, %3d dropped%n", k, v[0], v[1]));
      }
      return 0;
    }
  }
}

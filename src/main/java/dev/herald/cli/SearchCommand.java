package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.SearchRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald search "QUERY"}: lists the best passages with scores. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Show the top passages for a query.")
final class SearchCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Parameters(paramLabel = "QUERY", description = "What to search for.")
  String query;

  @Option(names = "--k", defaultValue = "10", description = "How many passages (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Search as of this ISO date or date-time (default: now).")
  String asOf;

  @Option(names = "--source", paramLabel = "OUTLET", description = "Only this outlet (repeatable).")
  Set<String> sources;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "Retrieval mode instead of the configured one: bm25, dense or hybrid (dense and hybrid need an index built with embeddings).")
  String mode;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (k < 1 || k > 1000) {
      throw new UsageException("search: --k must be between 1 and 1000, not " + k);
    }
    HeraldConfig c = HeraldCommand.withMode(root.loadConfig(), mode, "search");
    Instant at = AsOf.parse(asOf, c.zone(), root.clock);
    PrintWriter out = root.spec.commandLine().getOut();
    try (Herald h = root.openForQuestions(c)) {
      Retrieval r = h.search(new SearchRequest(query, k, at, sources == null ? Set.of() : sources));
      if (json) {
        out.println(JsonOutput.line(JsonOutput.results(r.passages()).put("partial", r.partial())));
        return 0;
      }
      if (r.partial()) {
        out.println(dev.herald.answer.Answer.PARTIAL_NOTE);
      }
      if (r.passages().isEmpty()) {
        out.println("No passages match.");
      }
      int rank = 1;
      for (ScoredPassage sp : r.passages()) {
        var p = sp.passage();
        out.printf(Locale.ROOT, "%2d. %.3f  %s  %s — %s, %s%n", rank++, sp.score(), p.id(), p.title(), p.source(), TextOutput.day(p.published(), c.zone()));
        String text = p.text().replaceAll("\\s+", " ");
        out.println("      " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
      }
    }
    return 0;
  }
}

package dev.herald.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.quotes.Quote;
import dev.herald.retrieve.FoundQuote;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald quotes --speaker NAME [--about TOPIC]}: verified quotes by a person, newest first. */
@Command(name = "quotes", mixinStandardHelpOptions = true,
    description = "List what a person was quoted saying (verified word for word against the article), newest first.")
final class QuotesCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Option(names = "--speaker", required = true, paramLabel = "NAME", description = "Who (any part of the name).")
  String speaker;

  @Option(names = "--about", paramLabel = "TOPIC", description = "Only quotes mentioning this.")
  String about;

  @Option(names = "--k", defaultValue = "10", description = "How many quotes (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--as-of", paramLabel = "DATE", description = "As of this ISO date or date-time (default: now).")
  String asOf;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (speaker.isBlank()) {
      throw new UsageException("quotes: --speaker is empty; try: herald quotes --speaker Powell");
    }
    if (k < 1 || k > 1000) {
      throw new UsageException("quotes: --k must be between 1 and 1000, not " + k);
    }
    HeraldConfig c = root.loadConfig();
    Instant at = AsOf.parse(asOf, c.zone(), root.clock);
    PrintWriter out = root.spec.commandLine().getOut();
    try (Herald h = root.openForQuestions(c)) {
      List<FoundQuote> found = h.quotesBy(speaker, about, at, k);
      if (json) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("speaker", speaker);
        o.put("about", about);
        o.put("as_of", at.toString());
        ArrayNode qs = o.putArray("quotes");
        for (FoundQuote f : found) {
          Quote q = f.quote();
          ObjectNode n = qs.addObject();
          n.put("speaker", q.speaker());
          n.put("role", q.role());
          n.put("cue", q.cue());
          n.put("direct", q.direct());
          n.put("text", q.text());
          n.put("context", f.context());
          n.put("article_id", q.articleId());
          n.put("passage_id", f.passageId());
          n.put("title", q.title());
          n.put("url", q.url());
          n.put("source", q.source());
          n.put("published", q.published().toString());
        }
        out.println(JsonOutput.line(o));
        return 0;
      }
      if (found.isEmpty()) {
        out.println("No quotes by " + speaker + (about == null ? "" : " about " + about) + " in the index.");
      }
      for (FoundQuote f : found) {
        Quote q = f.quote();
        out.printf("%s — %s%s (%s, %s)%n    %s%n    %s%n", TextOutput.day(q.published(), c.zone()), q.speaker(),
            q.role() == null ? "" : ", " + q.role(), q.source(), q.cue(),
            q.direct() ? "“" + q.text() + "”" : f.context(), q.url());
      }
    }
    return 0;
  }
}

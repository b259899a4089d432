package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.answer.ComposedAnswer;
import dev.herald.answer.Development;
import dev.herald.answer.StoryLookup;
import dev.herald.config.HeraldConfig;
import dev.herald.store.IngestStore;
import dev.herald.store.StateDb;
import dev.herald.store.Story;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald digest "TOPIC" --since DATE}: what a digest on a topic would hold, for testing and operators. */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = "Show the digest on a topic: the developments first reported since a date, grouped by story, cited.")
final class DigestCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Parameters(paramLabel = "TOPIC", description = "The topic, in quotes.")
  String topic;

  @Option(names = "--since", paramLabel = "DATE", required = true,
      description = "Start of the window: an ISO date (its first moment in the configured zone) or date-time.")
  String since;

  @Option(names = "--as-of", paramLabel = "DATE", description = "End of the window: an ISO date or date-time (default: now).")
  String asOf;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (topic == null || topic.isBlank()) {
      throw new UsageException("digest: the topic is empty; try: herald digest \"Ukraine talks\" --since 2025-11-20");
    }
    HeraldConfig c = root.loadConfig();
    Instant to = AsOf.parse(asOf, c.zone(), root.clock);
    Instant from = start(since, c.zone());
    if (!from.isBefore(to)) {
      throw new UsageException("digest: --since " + since + " is not before --as-of " + to);
    }
    PrintWriter out = root.spec.commandLine().getOut();
    // Syndicated copies are known only to the state database that live ingestion keeps.
    try (StateDb state = c.state().exists(c.dataDir()) ? c.state().open(c.dataDir()) : null;
         Herald h = root.openForQuestions(c)) {
      StoryLookup stories = state == null ? StoryLookup.NONE : outlets(new IngestStore(state));
      List<Development> found = h.updates().developments(topic.strip(), from, to, stories);
      List<Development> shown = h.updates().newestFirst(found);
      if (json) {
        out.println(JsonOutput.line(JsonOutput.digest(topic.strip(), from, to, shown)));
      } else {
        out.println(TextOutput.answer(ComposedAnswer.extractive(h.updates().digest(topic.strip(), shown, from, to, c.zone())), c.zone()));
      }
    }
    return 0;
  }

  static StoryLookup outlets(IngestStore store) {
    return id -> store.storyOf(id).map(Story::outlets).orElse(List.of());
  }

  /** Reads {@code --since}: a date means its first moment in {@code zone}. */
  static Instant start(String raw, ZoneId zone) {
    String s = raw.strip();
    if (s.length() == 10) {
      try {
        return LocalDate.parse(s).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new UsageException("--since: '" + raw + "' is not an ISO date or date-time (e.g. 2025-11-20 or 2025-11-20T08:00:00Z)");
      }
    }
    try {
      return AsOf.parse(s, zone, null);
    } catch (UsageException e) {
      throw new UsageException("--since: '" + raw + "' is not an ISO date or date-time (e.g. 2025-11-20 or 2025-11-20T08:00:00Z)");
    }
  }
}

package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.answer.Citation;
import dev.herald.answer.Development;
import dev.herald.answer.StoryLookup;
import dev.herald.chart.Trend;
import dev.herald.chart.TrendChart;
import dev.herald.config.HeraldConfig;
import dev.herald.store.IngestStore;
import dev.herald.store.StateDb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald trend "TOPIC" --since DATE --png FILE}: the chart {@code /trend} sends, written to a file. */
@Command(name = "trend", mixinStandardHelpOptions = true,
    description = {"Chart how coverage of a topic grew: articles per day by outlet, key developments marked.",
        "Writes a PNG and prints the developments it marks, numbered as on the chart."})
final class TrendCommand implements Callable<Integer> {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final int DEVELOPMENTS = 6;

  @ParentCommand HeraldCommand root;

  @Parameters(paramLabel = "TOPIC", description = "The topic, in quotes.")
  String topic;

  @Option(names = "--since", paramLabel = "DATE", required = true,
      description = "Start of the chart: an ISO date (its first moment in the configured zone) or date-time.")
  String since;

  @Option(names = "--as-of", paramLabel = "DATE", description = "End of the chart: an ISO date or date-time (default: now).")
  String asOf;

  @Option(names = "--png", paramLabel = "FILE", required = true, description = "Where to write the chart (PNG).")
  Path png;

  @Override
  public Integer call() throws Exception {
    if (topic == null || topic.isBlank()) {
      throw new UsageException("trend: the topic is empty; try: herald trend \"Ukraine talks\" --since 2025-10-01 --png trend.png");
    }
    HeraldConfig c = root.loadConfig();
    Instant to = AsOf.parse(asOf, c.zone(), root.clock);
    Instant from = DigestCommand.start(since, c.zone());
    if (!from.isBefore(to)) {
      throw new UsageException("trend: --since " + since + " is not before --as-of " + to);
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("trend: --png " + png + ": folder " + parent + " does not exist");
    }
    PrintWriter out = root.spec.commandLine().getOut();
    // Syndicated copies are known only to the state database that live ingestion keeps.
    try (StateDb state = c.state().exists(c.dataDir()) ? c.state().open(c.dataDir()) : null;
         Herald h = root.openForQuestions(c)) {
      StoryLookup stories = state == null ? StoryLookup.NONE : DigestCommand.outlets(new IngestStore(state));
      Trend t;
      try {
        t = Trend.of(h.updates(), topic.strip(), from, to, c.zone(), stories, DEVELOPMENTS);
      } catch (IllegalArgumentException e) {
        throw new UsageException("trend: " + e.getMessage());
      }
      if (t.articles() == 0) {
        out.println("No articles on " + topic.strip() + " between " + DAY.format(t.days().get(0)) + " and "
            + DAY.format(t.days().get(t.days().size() - 1)) + "; no chart written.");
        return 0;
      }
      Files.write(png, TrendChart.png(t));
      out.println(t.articles() + " articles on " + t.topic() + ", "
          + DAY.format(t.days().get(0)) + " to " + DAY.format(t.days().get(t.days().size() - 1)) + "; chart written to " + png
          + " (" + TrendChart.WIDTH + "x" + TrendChart.HEIGHT + ")");
      int n = 1;
      for (Development d : t.developments()) {
        Citation first = d.citations().get(0);
        out.println(n++ + ". " + DAY.format(d.date().atZone(c.zone())) + ": " + d.summary());
        out.println("   " + first.source() + " — " + first.url());
      }
    }
    return 0;
  }
}

package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.config.ConfigException;
import dev.herald.config.ConfigLoader;
import dev.herald.config.HeraldConfig;
import dev.herald.index.ReembedNeededException;
import dev.herald.retrieve.RetrievalMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code herald} command line: global options and the subcommands. */
@Command(
    name = "herald",
    mixinStandardHelpOptions = true,
    version = "herald 0.1.0",
    description = "Answers questions about current events with cited passages from a local news index.",
    subcommands = {
      IndexCommand.class,
      AskCommand.class,
      SearchCommand.class,
      QuotesCommand.class,
      ChatCommand.class,
      BotCommand.class,
      DigestCommand.class,
      TrendCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      IngestCommand.class,
      FeedsCommand.class,
      SolrCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HeraldCommand implements Runnable {

  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data folder (index and state). Default: data/ (or HERALD_DATA).")
  Path data;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Config file. Default: config/herald.yaml (or HERALD_CONFIG).")
  Path config;

  boolean verbose;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and debug logs.")
  void verbose(boolean on) {
    verbose = on;
    if (on && org.slf4j.LoggerFactory.getLogger("dev.herald") instanceof ch.qos.logback.classic.Logger herald) {
      herald.setLevel(ch.qos.logback.classic.Level.DEBUG);
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  final Map<String, String> env;
  final Clock clock;

  /** Creates the command with the process environment and the system clock. */
  public HeraldCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** Creates the command with an explicit environment and clock (for tests). */
  public HeraldCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The installation folder: {@code herald.home} (set by the launcher), else the working directory. */
  Path home() {
    String h = System.getProperty("herald.home");
    return Path.of(h != null && !h.isBlank() ? h : "").toAbsolutePath();
  }

  /** Loads the configuration, applying the environment and the global options. */
  HeraldConfig loadConfig() {
    Path file = config;
    if (file == null && env.get("HERALD_CONFIG") != null && !env.get("HERALD_CONFIG").isBlank()) {
      file = Path.of(env.get("HERALD_CONFIG"));
    }
    try {
      HeraldConfig c = new ConfigLoader().load(home(), file, env);
      return data == null ? c : c.withDataDir(data.toAbsolutePath());
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Returns {@code c} with the retrieval mode named by a {@code --mode} option, or unchanged when it is {@code null}. */
  static HeraldConfig withMode(HeraldConfig c, String mode, String command) {
    if (mode == null) {
      return c;
    }
    RetrievalMode m = RetrievalMode.byName(mode).orElseThrow(() -> new UsageException(
        command + ": --mode " + mode + " is not a retrieval mode (known: " + RetrievalMode.names() + ")"));
    return c.withRetrieval(c.retrieval().withMode(m));
  }

  /** Opens Herald for answering questions, indexing the corpus first if there is no index. */
  Herald openForQuestions(HeraldConfig c) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return Herald.openForQuestions(c, env, p -> err.println(p), m -> err.println(m));
  }

  /** Builds the configured command line with Herald's error handling and exit codes. */
  public static CommandLine commandLine(HeraldCommand root) {
    CommandLine cl = new CommandLine(root);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          // An index built for another mode or model is the user's to fix, like bad usage: no stack trace.
          if (ex instanceof UsageException || ex instanceof ReembedNeededException) {
            err.println("herald: " + ex.getMessage());
            return 2;
          }
          err.println("herald: error: " + describe(ex));
          if (root.verbose) {
            ex.printStackTrace(err);
          } else {
            err.println("(run again with --verbose for details)");
          }
          return 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("herald: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    return cl;
  }

  private static String describe(Throwable ex) {
    String msg = ex.getMessage();
    if (ex instanceof org.apache.lucene.store.LockObtainFailedException) {
      return "the index is in use by another Herald process (" + msg + ")";
    }
    return msg == null ? ex.getClass().getSimpleName() : msg;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int code = commandLine(new HeraldCommand()).execute(args);
    System.exit(code);
  }
}

package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.index.IndexSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald index [PATH...]}: indexes article files and folders. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Index article files or folders (.jsonl, .md with front matter, .txt). Default: corpus/.")
final class IndexCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to index.")
  List<Path> paths;

  @Option(names = "--embeddings", negatable = true,
      description = "Also store a vector for every passage (for --mode dense or hybrid); default: index.embeddings in the config.")
  Boolean embeddings;

  @Override
  public Integer call() throws Exception {
    HeraldConfig c = root.loadConfig();
    if (embeddings != null) {
      c = c.withEmbeddings(c.embeddings().withEnabled(embeddings));
    }
    List<Path> targets = paths == null || paths.isEmpty() ? List.of(c.corpusDir()) : paths;
    PrintWriter out = root.spec.commandLine().getOut();
    PrintWriter err = root.spec.commandLine().getErr();
    Progress progress = new Progress(new PrintStream(System.err, true, StandardCharsets.UTF_8), System.console() != null);
    try (Herald h = Herald.openWritable(c)) {
      IndexSummary s = h.index(targets, p -> {
        progress.finish();
        err.println(p);
      }, progress);
      progress.finish();
      out.println(s.line());
    }
    return 0;
  }
}

package dev.herald.cli;

import dev.herald.config.HeraldConfig;
import dev.herald.ingest.AddressGuard;
import dev.herald.ingest.FeedAdmin;
import dev.herald.ingest.FeedStatus;
import dev.herald.ingest.OpmlImporter;
import dev.herald.ingest.Source;
import dev.herald.store.IngestStore;
import dev.herald.store.StateDb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code herald feeds}: lists sources with their state; {@code import} and {@code remove} edit the run-time ones. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "List news sources with their last success, article count and errors.",
    subcommands = {FeedsCommand.Import.class, FeedsCommand.Remove.class})
final class FeedsCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Override
  public Integer call() throws Exception {
    HeraldConfig c = root.loadConfig();
    PrintWriter out = root.spec.commandLine().getOut();
    try (StateDb db = c.state().open(c.dataDir())) {
      List<FeedStatus> list = admin(c, db).list();
      if (list.isEmpty()) {
        out.println("No sources. Add them under sources: in config/herald.yaml or with 'herald feeds import FILE.opml'.");
      }
      list.forEach(s -> out.println(s.line()));
    }
    return 0;
  }

  FeedAdmin admin(HeraldConfig c, StateDb db) {
    return new FeedAdmin(c.sources(), new IngestStore(db),
        new AddressGuard(c.ingest().allowPrivateAddresses(), c.ingest().allowedHosts()), root.clock);
  }

  /** {@code herald feeds import FILE.opml}: adds the feeds of an OPML export as trusted sources. */
  @Command(name = "import", mixinStandardHelpOptions = true, description = "Add the feeds listed in an OPML file.")
  static final class Import implements Callable<Integer> {

    @ParentCommand FeedsCommand feeds;

    @Parameters(paramLabel = "FILE.opml", description = "OPML file, as exported by feed readers.")
    Path file;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such file");
      }
      HeraldConfig c = feeds.root.loadConfig();
      List<Source> found;
      try {
        found = new OpmlImporter().read(file);
      } catch (java.io.IOException e) {
        throw new UsageException(e.getMessage());
      }
      try (StateDb db = c.state().open(c.dataDir())) {
        int added = feeds.admin(c, db).addTrusted(found, "opml:" + file.getFileName());
        feeds.root.spec.commandLine().getOut().println(
            "Imported " + added + " new feeds (" + (found.size() - added) + " already known) from " + file + ".");
      }
      return 0;
    }
  }

  /** {@code herald feeds remove URL}: removes a run-time source. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a feed added at run time or imported.")
  static final class Remove implements Callable<Integer> {

    @ParentCommand FeedsCommand feeds;

    @Parameters(paramLabel = "URL") String url;

    @Override
    public Integer call() throws Exception {
      HeraldConfig c = feeds.root.loadConfig();
      try (StateDb db = c.state().open(c.dataDir())) {
        feeds.root.spec.commandLine().getOut().println(feeds.admin(c, db).remove(url));
      }
      return 0;
    }
  }
}

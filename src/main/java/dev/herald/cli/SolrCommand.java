package dev.herald.cli;

import dev.herald.config.HeraldConfig;
import dev.herald.index.SolrIndex;
import dev.herald.index.SolrSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald solr}: administers the SolrCloud index backend. */
@Command(name = "solr", mixinStandardHelpOptions = true,
    description = "Administer the SolrCloud index backend (index.backend: solr).",
    subcommands = {SolrCommand.Init.class})
final class SolrCommand implements Runnable {

  @ParentCommand HeraldCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code herald solr init}: uploads the configset and creates the collection. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Upload the configset in config/solr/ and create the collection (index.solr.shards x index.solr.replicas); "
          + "an existing collection is reloaded with the configset instead.")
  static final class Init implements Callable<Integer> {
    @ParentCommand SolrCommand solr;

    @Option(names = "--configset", paramLabel = "DIR", description = "Configset folder (default: config/solr/ of the installation).")
    Path configset;

    @Override
    public Integer call() throws Exception {
      HeraldConfig c = solr.root.loadConfig();
      if (!c.index().isSolr()) {
        throw new UsageException("solr init: the configuration does not use Solr; set index.backend: solr and index.solr.zk-hosts "
            + "(or pass --config DIR/herald.yaml written by scripts/cluster-up.sh)");
      }
      SolrSettings s = c.index().solr();
      PrintWriter out = solr.spec.commandLine().getOut();
      for (String line : SolrIndex.init(s, configset != null ? configset : c.home().resolve("config/solr"))) {
        out.println(line);
      }
      return 0;
    }
  }
}

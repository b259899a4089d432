package dev.herald.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs one SolrCloud node in its own JVM from the Maven artifacts (no Solr installation), for
 * {@code scripts/cluster-up.sh}: {@code SolrNodeMain SOLR_HOME PORT ZK_HOST}. It serves {@code /solr} on
 * 127.0.0.1:PORT, joins the cluster whose ZooKeeper is ZK_HOST, keeps its cores under SOLR_HOME and stops
 * cleanly on SIGTERM. Herald's classes are on its class path, so the configset can name HeraldAnalyzer.
 */
public final class SolrNodeMain {

  // A node's own settings; the collection's live in the configset (config/solr/).
  private static final String SOLR_XML = """
      <solr>
        <str name="coreRootDirectory">${coreRootDirectory:.}</str>
        <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
          <int name="socketTimeout">${socketTimeout:60000}</int>
          <int name="connTimeout">${connTimeout:5000}</int>
        </shardHandlerFactory>
        <solrcloud>
          <str name="host">127.0.0.1</str>
          <int name="hostPort">${hostPort:8983}</int>
          <str name="hostContext">solr</str>
          <str name="zkHost">${zkHost:}</str>
          <int name="zkClientTimeout">${zkClientTimeout:30000}</int>
          <bool name="genericCoreNodeNames">true</bool>
          <int name="leaderVoteWait">10000</int>
        </solrcloud>
      </solr>
      """;

  private SolrNodeMain() {}

  /** Starts the node and waits until the JVM is told to stop. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SolrNodeMain SOLR_HOME PORT ZK_HOST");
      System.exit(2);
    }
    Path home = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    int port = Integer.parseInt(args[1]);
    Path xml = home.resolve("solr.xml");
    if (!Files.exists(xml)) {
      Files.writeString(xml, SOLR_XML);
    }
    System.setProperty("zkHost", args[2]);
    System.setProperty("hostPort", Integer.toString(port));
    JettySolrRunner node = new JettySolrRunner(home.toString(), JettyConfig.builder().setPort(port).setContext("/solr").build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop();
      } catch (Exception e) {
        System.err.println("stopping the Solr node failed: " + e);
      } finally {
        stopped.countDown();
      }
    }, "solr-node-stop"));
    node.start();
    System.out.println("Solr node up on http://127.0.0.1:" + port + "/solr (ZooKeeper " + args[2] + ")");
    stopped.await();
  }
}

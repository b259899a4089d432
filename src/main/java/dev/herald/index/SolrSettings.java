package dev.herald.index;

import java.time.Duration;
import java.util.List;

/**
 * How Herald reaches its SolrCloud collection ({@code index.solr.*}).
 *
 * @param zkHosts ZooKeeper {@code host:port} addresses of the cluster (preferred); empty to use {@code urls}
 * @param zkChroot the ZooKeeper chroot Solr lives under, or {@code null} for the root
 * @param urls Solr base URLs ({@code http://host:8983/solr}), used when no ZooKeeper address is given
 * @param collection the collection's name
 * @param configset the name the configset in {@code config/solr/} is uploaded under
 * @param shards shards {@code herald solr init} creates
 * @param replicas replicas of each shard {@code herald solr init} creates
 * @param timeout connect and read timeout of every request
 * @param writeAttempts how often a failed write is tried before it is reported (at least 1)
 */
public record SolrSettings(
    List<String> zkHosts, String zkChroot, List<String> urls, String collection, String configset, int shards, int replicas,
    Duration timeout, int writeAttempts) {

  /** The defaults: collection and configset {@code herald}, 2 shards of 1 replica, 30 s timeout, 3 write attempts. */
  public static SolrSettings defaults() {
    return new SolrSettings(List.of(), null, List.of(), "herald", "herald", 2, 1, Duration.ofSeconds(30), 3);
  }

  /** Returns a copy naming another collection (the benchmark uses a scratch one). */
  public SolrSettings withCollection(String name) {
    return new SolrSettings(zkHosts, zkChroot, urls, name, configset, shards, replicas, timeout, writeAttempts);
  }
}

package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Herald;
import dev.herald.bot.telegram.BotRoundTrip;
import dev.herald.answer.Answer;
import dev.herald.answer.AnswerSettings;
import dev.herald.config.HeraldConfig;
import dev.herald.retrieve.FoundQuote;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.RetrievalSettings;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud backend against a real two-node SolrCloud (MiniSolrCloudCluster, embedded ZooKeeper),
 * one per class: the configset uploaded and the collection created by {@code herald solr init}'s code,
 * the sample corpus indexed, the golden questions answered exactly as the embedded index answers them,
 * one node stopped and started again, and the {@link NewsIndexContract} on fresh collections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrBackendTest {

  private static final Path HOME = Path.of("").toAbsolutePath();

  private Path tmp;

  private MiniSolrCloudCluster cluster;
  private HeraldConfig solrConfig;
  private Herald embedded;
  private Herald solr;
  private List<Golden> golden;

  /** One golden question. */
  private record Golden(String question, Instant asOf) {}

  @BeforeAll
  void startClusterAndIndex(@TempDir Path dir) throws Exception {
    tmp = dir;
    cluster = new MiniSolrCloudCluster.Builder(2, Files.createDirectories(tmp.resolve("solr"))).build();
    String zk = cluster.getZkServer().getZkHost();
    // Two shards of one replica each, one per node: losing a node loses a shard, which is what the failure test needs.
    SolrSettings s = new SolrSettings(List.of(zk), "/solr", List.of(), "herald_test", "herald", 2, 1, Duration.ofSeconds(20), 2);
    List<String> done = SolrIndex.init(s, HOME.resolve("config/solr"));
    assertThat(done).anyMatch(l -> l.startsWith("created collection 'herald_test'"));
    HeraldConfig base = new HeraldConfig(HOME, tmp.resolve("data"), HOME.resolve("corpus"), ZoneOffset.UTC, 10,
        RetrievalSettings.defaults(), AnswerSettings.defaults());
    solrConfig = base.withIndex(new IndexBackend(IndexBackend.Kind.SOLR, s));
    embedded = Herald.openWritable(base);
    embedded.index(List.of(HOME.resolve("corpus")), p -> {}, (a, b) -> {});
    solr = Herald.openWritable(solrConfig);
    solr.index(List.of(HOME.resolve("corpus")), p -> {}, (a, b) -> {});
    golden = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(HOME.resolve("src/test/resources/golden/corpus-questions.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        golden.add(new Golden(n.get("question").asText(), Instant.parse(n.get("as_of").asText())));
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  @Order(1)
  void should_hold_what_the_embedded_index_holds() throws IOException {
    IndexStats e = embedded.stats();
    IndexStats s = solr.stats();

    assertThat(s).isEqualTo(e);
    assertThat(solr.sources()).isEqualTo(embedded.sources());
    Instant asOf = Instant.parse("2025-11-01T00:00:00Z");
    assertThat(solr.newest(5, asOf)).isEqualTo(embedded.newest(5, asOf));
  }

  @Test
  @Order(2)
  void should_retrieve_and_answer_the_golden_questions_as_the_embedded_index_does() throws IOException {
    int sameTop = 0;
    for (Golden g : golden) {
      Retrieval e = embedded.search(SearchRequest.of(g.question(), 10, g.asOf()));
      Retrieval s = solr.search(SearchRequest.of(g.question(), 10, g.asOf()));

      assertThat(s.partial()).isFalse();
      assertThat(s.termWeights()).as(g.question()).isEqualTo(e.termWeights());
      assertThat(s.unknownTerms()).isEqualTo(e.unknownTerms());
      assertThat(ids(s)).as(g.question()).hasSameElementsAs(ids(e));
      for (int i = 0; i < e.passages().size(); i++) {
        // the same BM25 score up to float rounding: collection-wide statistics, the same analysis and query
        assertThat(s.passages().get(i).score()).as(g.question()).isCloseTo(e.passages().get(i).score(), org.assertj.core.data.Percentage.withPercentage(0.01));
      }
      sameTop += ids(s).isEmpty() || ids(s).get(0).equals(ids(e).get(0)) ? 1 : 0;

      Answer ea = embedded.ask(g.question(), g.asOf());
      Answer sa = solr.ask(g.question(), g.asOf());
      assertThat(sa.partial()).isFalse();
      assertThat(sa.text()).as(g.question()).isEqualTo(ea.text());
      assertThat(sa.citations()).isEqualTo(ea.citations());
    }
    assertThat(sameTop).isEqualTo(golden.size());
  }

  @Test
  @Order(4)
  void should_answer_in_telegram_from_the_solr_index(@TempDir Path state) throws Exception {
    // The real bot (telegrambots client, handler, reply formatting) on the Solr backend, through the fake Bot API.
    BotRoundTrip.Reply reply = BotRoundTrip.ask(solr, state, 42, "Where did Trump and Putin meet?");

    assertThat(reply.text()).contains("Alaska");
    assertThat(reply.html()).contains("<a href=\"https://herald.example/sample/alaska-summit-2025-08-15\">");
  }

  @Test
  @Order(3)
  void should_find_and_verify_quotes_as_the_embedded_index_does() throws IOException {
    Instant asOf = Instant.parse("2025-12-01T00:00:00Z");
    for (String speaker : List.of("Trump", "Powell", "Putin", "Zelensky", "Mamdani")) {
      assertThat(quoteIds(solr.quotesBy(speaker, null, asOf, 10))).as(speaker).isEqualTo(quoteIds(embedded.quotesBy(speaker, null, asOf, 10)));
    }
    Answer e = embedded.ask("Who said there is no deal until there's a deal?", asOf);
    Answer s = solr.ask("Who said there is no deal until there's a deal?", asOf);
    assertThat(s.text()).isEqualTo(e.text()).contains("Trump");
  }

  @Test
  @Order(5)
  void should_flag_or_refuse_answers_and_report_writes_while_a_node_is_down_and_lose_nothing_after() throws Exception {
    Golden g = golden.get(0);
    Answer whole = solr.ask(g.question(), g.asOf());
    JettySolrRunner node = cluster.stopJettySolrRunner(1);
    cluster.waitForJettyToStop(node);
    try {
      // a fact question: answered from the live shard, and said to be partial
      Retrieval r = solr.search(SearchRequest.of(g.question(), 10, g.asOf()));
      assertThat(r.partial()).isTrue();
      Answer a = solr.ask("Where did Trump and Putin meet?", Instant.parse("2025-12-01T00:00:00Z"));
      assertThat(a.partial()).isTrue();
      assertThat(a.text()).startsWith(Answer.PARTIAL_NOTE);
      // as every command opens it: a collection that partly answers is not taken for an empty one
      try (Herald asked = Herald.openForQuestions(solrConfig, Map.of(), p -> {}, m -> {})) {
        assertThat(asked.ask("Where did Trump and Putin meet?", Instant.parse("2025-12-01T00:00:00Z")).partial()).isTrue();
      }
      // lists that cannot say what they lack are refused with a clear message
      assertThatThrownBy(() -> solr.stats()).isInstanceOf(PartialResultsException.class).hasMessageContaining("unreachable");
      assertThatThrownBy(() -> solr.quotesBy("Trump", null, Instant.parse("2025-12-01T00:00:00Z"), 10))
          .isInstanceOf(PartialResultsException.class);
      // a write to the lost shard is tried again, then reported, never dropped quietly
      assertThatThrownBy(() -> solr.index(List.of(HOME.resolve("corpus")), p -> {}, (x, y) -> {}))
          .isInstanceOf(IOException.class).hasMessageContaining("failed after 2 attempt(s)");
    } finally {
      cluster.startJettySolrRunner(node, true);
      cluster.waitForNode(node, 60);
      cluster.waitForActiveCollection("herald_test", 60, java.util.concurrent.TimeUnit.SECONDS, 2, 2);
    }
    // the next run indexes everything again and nothing is missing
    solr.index(List.of(HOME.resolve("corpus")), p -> {}, (x, y) -> {});
    assertThat(solr.stats()).isEqualTo(embedded.stats());
    Answer again = solr.ask(g.question(), g.asOf());
    assertThat(again.partial()).isFalse();
    assertThat(again.text()).isEqualTo(whole.text());
  }

  /** The {@link NewsIndex} contract on a SolrCloud collection of this class's cluster, a new one per test. */
  @Nested
  class Contract extends NewsIndexContract {

    private int n;

    @Override
    NewsIndex emptyIndex() throws IOException {
      SolrSettings s = solrConfig.index().solr().withCollection("contract_" + (++n) + "_" + System.nanoTime() % 100_000);
      SolrIndex.init(s, HOME.resolve("config/solr"));
      return SolrIndex.open(s, PassageSplitter.standard(), Optional.empty());
    }
  }

  private static List<String> ids(Retrieval r) {
    return r.passages().stream().map(ScoredPassage::passage).map(Passage::id).toList();
  }

  private static List<String> quoteIds(List<FoundQuote> quotes) {
    return quotes.stream().map(f -> f.quote().id()).toList();
  }

}

package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.MutableClock;
import dev.herald.corpus.Article;
import dev.herald.embed.InProcessModel;
import dev.herald.index.ArticleIndex;
import dev.herald.index.IndexStats;
import dev.herald.index.NewsIndex;
import dev.herald.index.Passage;
import dev.herald.index.PassageSplitter;
import dev.herald.index.SourceStats;
import dev.herald.quotes.Quote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article whose indexing failed (a search node down, a write refused) is indexed by the next ingest
 * run, in the same process too: nothing of the failed batch is recorded as seen, and its articles are not
 * taken for copies of themselves.
 */
class IndexFailureIngestTest {

  @TempDir Path dir;

  /** The embedded index, with writes that fail while {@code down} is set, as a SolrIndex's do with a shard lost. */
  static final class FlakyIndex implements NewsIndex {
    final ArticleIndex inner;
    boolean down;

    FlakyIndex(ArticleIndex inner) {
      this.inner = inner;
    }

    @Override
    public int add(List<Article> articles) throws IOException {
      return inner.add(articles);
    }

    @Override
    public void commit() throws IOException {
      if (down) {
        throw new IOException("writing to the index failed after 3 attempt(s): node down");
      }
      inner.commit();
    }

    @Override
    public boolean embedsPassages() {
      return false;
    }

    @Override
    public void refresh() throws IOException {
      inner.refresh();
    }

    @Override
    public void requireEmbedding(InProcessModel model, String mode) throws IOException {
      inner.requireEmbedding(model, mode);
    }

    @Override
    public IndexStats stats() throws IOException {
      return inner.stats();
    }

    @Override
    public List<SourceStats> sources() throws IOException {
      return inner.sources();
    }

    @Override
    public List<Passage> newest(int n, Instant asOf) throws IOException {
      return inner.newest(n, asOf);
    }

    @Override
    public List<Quote> quotesMatching(Collection<String> terms, Instant asOf, int n) throws IOException {
      return inner.quotesMatching(terms, asOf, n);
    }

    @Override
    public List<Quote> quotesBy(Collection<String> speakerTerms, Collection<String> topicTerms, Instant asOf, int n) throws IOException {
      return inner.quotesBy(speakerTerms, topicTerms, asOf, n);
    }

    @Override
    public List<Passage> passagesOf(String articleId) throws IOException {
      return inner.passagesOf(articleId);
    }

    @Override
    public String location() {
      return inner.location();
    }

    @Override
    public Optional<String> problem() {
      return inner.problem();
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }

  @Test
  void should_index_on_the_next_run_an_article_whose_indexing_failed() throws IOException {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    // long enough to get a story fingerprint, so a retry could be mistaken for a copy of itself
    Files.writeString(inbox.resolve("wire.jsonl"), "{\"title\":\"Miners rescued\",\"url\":\"https://inbox.test/miners\","
        + "\"source\":\"Inbox\",\"published\":\"2025-10-31T08:00:00Z\",\"text\":\""
        + IngestFixtures.WIRE_TEXT.replace("\"", "\\\"") + "\"}\n");
    Source folder = new Source(SourceKind.FOLDER, inbox.toString(), null, "en", Duration.ofMinutes(5), true);
    MutableClock clock = new MutableClock(Instant.parse("2025-11-01T12:00:00Z"));
    try (FlakyIndex index = new FlakyIndex(ArticleIndex.openWritable(dir.resolve("index"), PassageSplitter.standard()));
        Ingestion ingestion = Ingestion.open(dir, List.of(folder), HttpFetcherTest.settings(false, List.of()), index, clock)) {
      index.down = true;

      IngestSummary failed = ingestion.runOnce(List.of());

      assertThat(failed.newArticles()).isZero();
      assertThat(failed.failures()).isEqualTo(1);
      assertThat(failed.outcomes().get(0).error()).contains("failed after 3 attempt(s)");

      index.down = false;
      clock.advance(Duration.ofMinutes(10));
      IngestSummary next = ingestion.runOnce(List.of());

      assertThat(next.newArticles()).isEqualTo(1);
      assertThat(next.duplicates()).isZero();
      index.refresh();
      assertThat(index.stats().articles()).isEqualTo(1);
    }
  }
}

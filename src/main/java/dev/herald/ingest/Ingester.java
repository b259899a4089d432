package dev.herald.ingest;

import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleFields;
import dev.herald.corpus.ArticleReader;
import dev.herald.index.NewsIndex;
import dev.herald.store.IngestStore;
import dev.herald.store.SourceState;
import dev.herald.store.StoreException;
import dev.herald.store.StoredArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes news in from sources: fetches (network work in parallel), extracts, deduplicates by canonical
 * URL and by SimHash story fingerprint, indexes, commits and refreshes so new articles are searchable at
 * once, then records what it did in the state database. A failing source is logged once per attempt,
 * backed off and never stops the others.
 */
public final class Ingester {

  private static final Logger log = LoggerFactory.getLogger(Ingester.class);

  /** Feed content shorter than this is a teaser: the page is fetched for the full text. */
  static final int MIN_FULL_CONTENT_CHARS = 400;
  /** Texts shorter than this are not compared for near-duplicates: too little to tell stories apart. */
  static final int MIN_WORDS_FOR_STORY = 40;
  /** SimHash distance (of 64 bits) within which two texts are one story; unrelated texts sit near 32. */
  static final int MAX_STORY_DISTANCE = 10;
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration MAX_RETRY = Duration.ofHours(6);

  /** An article ready to be deduplicated and indexed. */
  private record Candidate(String itemKey, String canonicalUrl, String title, String outlet, String author,
      Instant published, String text, String language) {}

  /** What the read phase of one source produced. */
  private record Batch(List<Candidate> candidates, List<String> seenKeys, int unchanged, int itemFailures,
      String etag, String lastModified, List<Path> files) {}

  private final NewsIndex index;
  private final IngestStore store;
  private final HttpFetcher fetcher;
  private final RomeFeedParser feeds = new RomeFeedParser();
  private final ReadabilityExtractor extractor = new ReadabilityExtractor();
  private final IngestSettings settings;
  private final Clock clock;
  private final Random random;
  private final StoryFingerprints fingerprints = new StoryFingerprints();
  private final Object writeLock = new Object();

  /** Creates an ingester writing into {@code index} and remembering state in {@code store}. */
  public Ingester(NewsIndex index, IngestStore store, HttpFetcher fetcher, IngestSettings settings, Clock clock, Random random) {
    this.index = index;
    this.store = store;
    this.fetcher = fetcher;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    for (IngestStore.Fingerprint f : store.fingerprints()) {
      fingerprints.add(f.storyId(), f.simhash());
    }
  }

  /** Runs one pass over {@code sources} on a few named fetch threads and returns the summary. */
  public IngestSummary runOnce(List<Source> sources) {
    long start = System.nanoTime();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), sources.size())), r -> {
      Thread t = new Thread(r, "herald-ingest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<SourceOutcome>> futures = new ArrayList<>();
      for (Source s : sources) {
        futures.add(pool.submit(() -> ingest(s)));
      }
      List<SourceOutcome> outcomes = new ArrayList<>();
      for (Future<SourceOutcome> f : futures) {
        try {
          outcomes.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("ingest task failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return new IngestSummary(outcomes, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Ingests one source; a failure is logged, recorded with its backoff and returned, never thrown. */
  public SourceOutcome ingest(Source source) {
    String url = source.location();
    SourceState state = store.sourceState(url).orElse(null);
    // The pass is dated when it starts: the next one is due an interval after this one began, whatever
    // the clock reads by the time this one is recorded.
    Instant started = clock.instant();
    try {
      Batch batch = switch (source.kind()) {
        case FEED -> readFeed(source, state);
        case PAGE -> readPage(source, state);
        case FOLDER -> readFolder(source);
      };
      int[] counts = commit(source, batch);
      store.recordSuccess(url, batch.etag(), batch.lastModified(), started, started.plus(jittered(interval(source))), counts[0]);
      return new SourceOutcome(source, counts[0], counts[1], batch.unchanged(), batch.itemFailures(), null);
    } catch (FetchException e) {
      return fail(source, e.reason(), e.retryAfter().orElse(Duration.ZERO));
    } catch (IOException | UncheckedIOException | StoreException e) {
      return fail(source, e.getMessage(), Duration.ZERO);
    } catch (RuntimeException e) {
      // A bug or a parser surprise on one source must not stop the others; the stack trace helps fix it.
      log.warn("source {} failed unexpectedly", url, e);
      return fail(source, e.toString(), Duration.ZERO);
    }
  }

  private SourceOutcome fail(Source source, String reason, Duration serverWait) {
    Instant now = clock.instant();
    int previous = store.sourceState(source.location()).map(SourceState::consecutiveFailures).orElse(0);
    Duration retry = backoff(previous + 1);
    // A server's own Retry-After is honoured when it asks for longer than our backoff, up to a day.
    if (serverWait.compareTo(retry) > 0) {
      retry = serverWait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : serverWait;
    }
    int failures = store.recordFailure(source.location(), reason, now, now.plus(retry));
    log.warn("source {} failed ({} in a row, next try in {}): {}", source.location(), failures, pretty(retry), reason);
    return new SourceOutcome(source, 0, 0, 0, 1, reason);
  }

  /** The wait before retrying after {@code failures} consecutive failures: doubling from one minute, at most six hours. */
  static Duration backoff(int failures) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  /** The poll interval of a source. */
  Duration interval(Source s) {
    return s.interval() != null ? s.interval() : settings.defaultInterval();
  }

  private Duration jittered(Duration d) {
    double factor = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1000, (long) (d.toMillis() * factor)));
  }

  private Batch readFeed(Source source, SourceState state) throws FetchException {
    String url = source.location();
    FetchResult r = fetcher.fetch(url, state == null ? null : state.etag(), state == null ? null : state.lastModified(), source.trusted());
    if (r.notModified()) {
      return new Batch(List.of(), List.of(), 1, 0, r.etag(), r.lastModified(), List.of());
    }
    ParsedFeed feed = feeds.parse(url, r.body(), r.contentType());
    String outlet = source.outlet() != null ? source.outlet() : feed.title() != null ? feed.title() : host(url);
    List<Candidate> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    int unchanged = 0;
    int failures = 0;
    for (FeedItem item : feed.items()) {
      if (store.isSeen(url, item.key())) {
        unchanged++;
        continue;
      }
      if (item.link() == null) {
        log.info("feed {}: item '{}' has no link; skipped", url, item.key());
        seen.add(item.key());
        continue;
      }
      String link;
      try {
        link = URI.create(r.url()).resolve(item.link().strip()).toString();
      } catch (IllegalArgumentException e) {
        log.info("feed {}: item '{}' has a malformed link '{}'; skipped", url, item.key(), item.link());
        seen.add(item.key());
        continue;
      }
      String canonical = CanonicalUrls.canonicalize(link);
      if (store.articleByUrl(canonical).isPresent()) {
        out.add(new Candidate(item.key(), canonical, null, outlet, null, null, null, source.language()));
        continue;
      }
      String text = item.contentHtml() == null ? "" : extractor.textOf(item.contentHtml());
      ExtractedPage page = null;
      if (text.length() < MIN_FULL_CONTENT_CHARS) {
        try {
          FetchResult p = fetcher.fetch(link, null, null, source.trusted());
          page = extractor.extract(p.url(), p.body(), p.charset().orElse(null));
          if (page.canonicalUrl() != null) {
            canonical = CanonicalUrls.canonicalize(page.canonicalUrl());
          }
          if (page.text().length() > text.length()) {
            text = page.text();
          }
        } catch (FetchException e) {
          String summary = item.summaryHtml() == null ? "" : extractor.textOf(item.summaryHtml());
          if (text.isBlank() && summary.isBlank()) {
            // Not marked seen: the page is tried again on the next pass.
            log.warn("feed {}: item {} skipped for now: {}", url, link, e.reason());
            failures++;
            continue;
          }
          log.info("feed {}: page {} unavailable ({}); using the feed's text", url, link, e.reason());
        }
      }
      if (text.isBlank() && item.summaryHtml() != null) {
        text = extractor.textOf(item.summaryHtml());
      }
      if (text.isBlank()) {
        log.info("feed {}: item {} has no text; skipped", url, link);
        seen.add(item.key());
        continue;
      }
      String title = item.title() != null ? item.title() : page != null && page.title() != null ? page.title() : "(untitled)";
      String author = item.author() != null ? item.author() : page == null ? null : page.author();
      Instant published = item.published() != null ? item.published()
          : page != null && page.published() != null ? page.published() : clock.instant();
      out.add(new Candidate(item.key(), canonical, title, outlet, author, published, text, source.language()));
    }
    return new Batch(out, seen, unchanged, failures, r.etag(), r.lastModified(), List.of());
  }

  private Batch readPage(Source source, SourceState state) throws FetchException {
    String url = source.location();
    FetchResult r = fetcher.fetch(url, state == null ? null : state.etag(), state == null ? null : state.lastModified(), source.trusted());
    if (r.notModified()) {
      return new Batch(List.of(), List.of(), 1, 0, r.etag(), r.lastModified(), List.of());
    }
    ExtractedPage page = extractor.extract(r.url(), r.body(), r.charset().orElse(null));
    if (page.text().isBlank()) {
      throw new FetchException(url, "no article text found on the page");
    }
    String canonical = CanonicalUrls.canonicalize(page.canonicalUrl() != null ? page.canonicalUrl() : r.url());
    String outlet = source.outlet() != null ? source.outlet() : page.siteName() != null ? page.siteName() : host(url);
    Candidate c = new Candidate(canonical, canonical, page.title() == null ? "(untitled)" : page.title(), outlet,
        page.author(), page.published() != null ? page.published() : clock.instant(), page.text(), source.language());
    return new Batch(List.of(c), List.of(), 0, 0, r.etag(), r.lastModified(), List.of());
  }

  private Batch readFolder(Source source) throws FetchException {
    Path dir = Path.of(source.location());
    if (!Files.isDirectory(dir)) {
      throw new FetchException(source.location(), "no such folder");
    }
    ArticleReader reader = new ArticleReader();
    List<Candidate> out = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    int unchanged = 0;
    AtomicInteger failures = new AtomicInteger();
    for (Path f : reader.filesUnder(dir)) {
      long modified;
      long size;
      try {
        modified = Files.getLastModifiedTime(f).toMillis();
        size = Files.size(f);
      } catch (IOException e) {
        continue; // vanished between listing and reading; the next pass sees the folder as it is then
      }
      if (store.isFileSeen(f.toString(), modified, size)) {
        unchanged++;
        continue;
      }
      files.add(f);
      reader.read(List.of(f), a -> out.add(new Candidate(a.url(), CanonicalUrls.canonicalize(a.url()), a.title(),
          source.outlet() != null ? source.outlet() : a.source(), a.author(), a.published(), a.text(), source.language())),
          p -> {
            failures.incrementAndGet();
            log.warn("folder {}: {}", source.location(), p);
          });
    }
    return new Batch(out, List.of(), unchanged, failures.get(), null, null, files);
  }

  /** Deduplicates and indexes a batch, then commits, refreshes and records it; returns {new, duplicates}. */
  private int[] commit(Source source, Batch batch) throws IOException {
    synchronized (writeLock) {
      int remembered = fingerprints.size();
      try {
        return commitLocked(source, batch);
      } catch (IOException | RuntimeException e) {
        // Nothing of the batch is recorded as seen, so the next run fetches it again; its articles must then
        // not look like copies of themselves.
        fingerprints.truncate(remembered);
        throw e;
      }
    }
  }

  private int[] commitLocked(Source source, Batch batch) throws IOException {
    {
      Instant now = clock.instant();
      List<StoredArticle> stored = new ArrayList<>();
      List<String> seen = new ArrayList<>(batch.seenKeys());
      Set<String> urls = new HashSet<>();
      int added = 0;
      int duplicates = 0;
      for (Candidate c : batch.candidates()) {
        seen.add(c.itemKey());
        if (!urls.add(c.canonicalUrl()) || store.articleByUrl(c.canonicalUrl()).isPresent()) {
          duplicates++;
          continue;
        }
        long fp = SimHash.of(c.text());
        String story = wordCount(c.text()) >= MIN_WORDS_FOR_STORY ? fingerprints.match(fp, MAX_STORY_DISTANCE) : null;
        String id = ArticleFields.deriveId(c.canonicalUrl(), c.text());
        if (story != null) {
          duplicates++;
          stored.add(new StoredArticle(c.canonicalUrl(), id, story, c.outlet(), c.title(), c.language(), c.published(), now, fp, false));
          log.debug("{} joins story {}", c.canonicalUrl(), story);
          continue;
        }
        index.add(new Article(id, c.title(), c.canonicalUrl(), c.outlet(), c.author(), c.published(), c.text()));
        fingerprints.add(id, fp);
        stored.add(new StoredArticle(c.canonicalUrl(), id, id, c.outlet(), c.title(), c.language(), c.published(), now, fp, true));
        added++;
      }
      if (added > 0) {
        // Commit before recording: a crash in between re-ingests (replacing by id), never loses.
        index.commit();
        index.refresh();
      }
      store.saveBatch(source.location(), stored, seen, now);
      for (Path f : batch.files()) {
        store.markFileSeen(f.toString(), Files.getLastModifiedTime(f).toMillis(), Files.size(f));
      }
      return new int[] {added, duplicates};
    }
  }

  private static int wordCount(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String pretty(Duration d) {
    return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }
}

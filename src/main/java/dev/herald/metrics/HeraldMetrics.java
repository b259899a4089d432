package dev.herald.metrics;

import dev.herald.answer.ComposedAnswer;
import dev.herald.answer.TokenCounts;
import dev.herald.answer.Verification;
import dev.herald.ingest.Source;
import dev.herald.ingest.SourceKind;
import dev.herald.ingest.SourceOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Herald's meters, named and labelled in one place so that no label ever carries a token, a key or a
 * chat's text: every label value is taken from a fixed set (intents, outcomes, rules, Bot API method
 * names, provider names) or is a news source's host name. Without an admin port the registry is an empty
 * composite, whose meters record nothing.
 */
public final class HeraldMetrics implements AutoCloseable {

  // Buckets for latencies from a cached BM25 lookup (milliseconds) to a slow language model (tens of seconds).
  private static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;
  private final Clock clock;
  private final Map<String, Instant> lastIngestSuccess = new ConcurrentHashMap<>();
  private JvmGcMetrics gc;

  private HeraldMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, Clock clock) {
    this.registry = registry;
    this.prometheus = prometheus;
    this.clock = clock;
  }

  /** Meters that record nothing: for runs without an admin port (commands, tests that do not look). */
  public static HeraldMetrics off() {
    return new HeraldMetrics(new CompositeMeterRegistry(), null, Clock.systemUTC());
  }

  /** Meters kept in a Prometheus registry, with the JVM and process binders, for {@code /metrics}. */
  public static HeraldMetrics prometheus(Clock clock) {
    PrometheusMeterRegistry p = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HeraldMetrics m = new HeraldMetrics(p, p, clock);
    new ClassLoaderMetrics().bindTo(p);
    new JvmMemoryMetrics().bindTo(p);
    m.gc = new JvmGcMetrics();
    m.gc.bindTo(p);
    new JvmThreadMetrics().bindTo(p);
    new ProcessorMetrics().bindTo(p);
    new UptimeMetrics().bindTo(p);
    new FileDescriptorMetrics().bindTo(p);
    return m;
  }

  /** Whether meters are kept (an admin port is open). */
  public boolean enabled() {
    return prometheus != null;
  }

  /** The registry, for binders of other parts. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text exposition format; empty when meters are off. */
  public String scrape() {
    return prometheus == null ? "" : prometheus.scrape();
  }

  private Timer timer(String name, String description, String... tags) {
    return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /**
   * Records one question the bot handled: {@code intent} (question, who, latest, update, timeline, trend)
   * and {@code outcome} (answered, abstained, fallback, rate_limited, refused, error), with its latency.
   */
  public void question(String intent, String outcome, Duration took) {
    Counter.builder("herald.questions").description("Questions handled, by intent and outcome")
        .tags("intent", intent, "outcome", outcome).register(registry).increment();
    timer("herald.answer", "Time from question to composed reply", "intent", intent).record(took);
  }

  /** Records the time one first-stage retrieval (plus the optional reranker) took. */
  public void retrieval(Duration took) {
    timer("herald.retrieval", "Time to retrieve the top passages for one question").record(took);
  }

  /**
   * Records what a language-model answer did: tokens and latency of a completed call, and the verifier's
   * removals by rule. Answers of the extractive composer carry no verification and record nothing.
   */
  public void llmAnswer(ComposedAnswer a, Duration took) {
    Verification v = a.verification();
    if (v == null) {
      return;
    }
    String provider = a.provider() == null ? "unknown" : a.provider().toLowerCase(Locale.ROOT);
    TokenCounts usage = a.usage();
    if (usage != null) {
      timer("herald.llm", "Time of completed language-model calls, verification included", "provider", provider).record(took);
      count("herald.llm.tokens", "Tokens used by language-model calls", usage.input(), "provider", provider, "kind", "input");
      count("herald.llm.tokens", "Tokens used by language-model calls", usage.output(), "provider", provider, "kind", "output");
    }
    String drops = "Parts of language-model answers the verifier removed, by rule";
    count("herald.verifier.dropped", drops, v.dropped(), "rule", "unsupported_sentence");
    count("herald.verifier.dropped", drops, v.citationsRemoved(), "rule", "unknown_citation");
    count("herald.verifier.dropped", drops, v.quotesRemoved(), "rule", "misquote");
    if (usage != null && v.fallback()) {
      count("herald.verifier.dropped", drops, 1, "rule", "whole_answer");
    }
  }

  private void count(String name, String description, Integer n, String... tags) {
    Counter c = Counter.builder(name).description(description).tags(tags).register(registry);
    if (n != null && n > 0) {
      c.increment(n);
    }
  }

  /**
   * Exposes the language model's call counters and circuit-breaker state, read when scraped from
   * {@code source} (which may report nothing until the model is first used).
   */
  public void bindLlm(Supplier<LlmCounts> source) {
    FunctionCounter.builder("herald.llm.calls", source, s -> s.get().successes()).tags("outcome", "ok")
        .description("Language-model calls, by outcome").register(registry);
    FunctionCounter.builder("herald.llm.calls", source, s -> s.get().failures()).tags("outcome", "error")
        .description("Language-model calls, by outcome").register(registry);
    FunctionCounter.builder("herald.llm.calls", source, s -> s.get().skipped()).tags("outcome", "skipped_breaker_open")
        .description("Language-model calls, by outcome").register(registry);
    Gauge.builder("herald.llm.circuit.state", source, s -> s.get().state())
        .description("Circuit breaker: 0 closed, 1 open, 2 half-open (trial call in flight)").strongReference(true)
        .register(registry);
  }

  /**
   * A language model's call counts and breaker state.
   *
   * @param successes completed calls
   * @param failures failed calls (errors, timeouts)
   * @param skipped calls not made because the breaker was open
   * @param state 0 closed, 1 open, 2 half-open
   */
  public record LlmCounts(long successes, long failures, long skipped, int state) {
    /** The counts before any model was used. */
    public static final LlmCounts NONE = new LlmCounts(0, 0, 0, 0);
  }

  /**
   * Records one Bot API request attempt: {@code outcome} is ok, too_many_requests, server_error,
   * client_error or network; {@code method} is the Bot API method name.
   */
  public void telegramRequest(String method, String outcome) {
    Counter.builder("herald.telegram.requests").description("Bot API requests, by method and outcome")
        .tags("method", method.toLowerCase(Locale.ROOT), "outcome", outcome).register(registry).increment();
  }

  /** Records that a Bot API request is tried again after {@code reason} (too_many_requests, server_error, network). */
  public void telegramRetry(String method, String reason) {
    Counter.builder("herald.telegram.retries").description("Bot API requests sent again after a temporary failure")
        .tags("method", method.toLowerCase(Locale.ROOT), "reason", reason).register(registry).increment();
  }

  /** Records one ingest pass over a source: items by result, errors and the time of the last success. */
  public void ingest(SourceOutcome o) {
    String source = sourceLabel(o.source());
    String items = "Items taken from news sources, by source and result";
    count("herald.ingest.items", items, o.newArticles(), "source", source, "result", "new");
    count("herald.ingest.items", items, o.duplicates(), "source", source, "result", "duplicate");
    count("herald.ingest.items", items, o.unchanged(), "source", source, "result", "unchanged");
    count("herald.ingest.errors", "Failed fetches of a source plus items that could not be read", o.failures(),
        "source", source);
    if (o.error() == null) {
      boolean first = lastIngestSuccess.put(source, clock.instant()) == null;
      if (first) {
        Gauge.builder("herald.ingest.lag", lastIngestSuccess,
                m -> m.containsKey(source) ? Duration.between(m.get(source), clock.instant()).toMillis() / 1000.0 : Double.NaN)
            .tags("source", source).baseUnit("seconds").strongReference(true)
            .description("Seconds since the source was last fetched successfully").register(registry);
      }
    }
  }

  /**
   * The label naming a source: a feed's or page's host (never its path or query, which may hold a key),
   * or "folder:" and a folder's own name.
   */
  static String sourceLabel(Source s) {
    if (s.kind() == SourceKind.FOLDER) {
      Path name = Path.of(s.location()).getFileName();
      return "folder:" + (name == null ? "/" : name.toString());
    }
    try {
      String host = URI.create(s.location()).getHost();
      return host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }

  /** Records a digest delivery attempt: {@code outcome} is delivered or failed. */
  public void digestDelivery(String outcome) {
    Counter.builder("herald.digest.deliveries").description("Scheduled digests handed to Telegram, by outcome")
        .tags("outcome", outcome).register(registry).increment();
  }

  /** Exposes a value read when scraped, e.g. the index's document count; NaN when it cannot be read. */
  public <T> void gauge(String name, String description, String unit, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).baseUnit(unit).strongReference(true).register(registry);
  }

  /** Releases the garbage-collection listener and closes the registry. */
  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}

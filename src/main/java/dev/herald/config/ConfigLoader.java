package dev.herald.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.herald.answer.AnswerSettings;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import dev.herald.metrics.AdminSettings;
import dev.herald.bot.TelegramSettings;
import dev.herald.digest.DigestSettings;
import dev.herald.ingest.IngestSettings;
import dev.herald.ingest.Source;
import dev.herald.ingest.SourceKind;
import dev.herald.embed.EmbeddingSettings;
import dev.herald.embed.InProcessModel;
import dev.herald.index.IndexBackend;
import dev.herald.index.SolrSettings;
import dev.herald.retrieve.Fusion;
import dev.herald.retrieve.RetrievalMode;
import dev.herald.retrieve.RetrievalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.herald.store.StateDb;
import dev.herald.store.StateSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@link HeraldConfig}: built-in defaults, then the YAML file (when present), then environment
 * variables ({@code HERALD_DATA}, {@code HERALD_LLM_PROVIDER}, {@code HERALD_LLM_BASE_URL},
 * {@code HERALD_LLM_MODEL}, {@code HERALD_ADMIN_PORT}, {@code HERALD_STATE_URL}, {@code HERALD_STATE_PASSWORD}). Command-line options are applied by the caller on the result.
 */
public final class ConfigLoader {

  /** The YAML file's shape; every key is optional. */
  record File(
      String data, String corpus, String timezone, Integer k, Index index, Retrieval retrieval, Answer answer, Llm llm,
      Telegram telegram, Ingest ingest, List<SourceEntry> sources, Digest digest, Admin admin, State state) {}

  /** The {@code state:} section. */
  record State(String url, Integer instanceTimeoutSeconds) {}

  /** The {@code admin:} section. */
  record Admin(Integer port, String host) {}

  /** The {@code index:} section. */
  record Index(
      Boolean embeddings, String embeddingModel, Integer embeddingBatch, Integer embeddingThreads, String backend, Solr solr) {}

  /** The {@code index.solr:} section. */
  record Solr(
      List<String> zkHosts, String zkChroot, List<String> urls, String collection, String configset, Integer shards,
      Integer replicas, Integer timeoutSeconds, Integer writeAttempts) {}

  /** The {@code digest:} section. */
  record Digest(
      Integer staleAfterHours, Integer maxItems, Integer defaultWindowHours, Boolean sendEmpty, Integer maxSubscriptions,
      Integer topicMemoryDays, Integer deliveryLogDays, Integer tickSeconds) {}

  /** The {@code ingest:} section. */
  record Ingest(
      String userAgent, Integer connectTimeoutSeconds, Integer readTimeoutSeconds, Long maxBodyBytes,
      Integer maxRedirects, Integer hostDelayMs, Integer defaultIntervalMinutes, Double jitter,
      Boolean respectRobots, Boolean allowPrivateAddresses, List<String> allowedHosts, Integer threads) {}

  /** One entry of the {@code sources:} list: exactly one of feed, page or folder. */
  record SourceEntry(String feed, String page, String folder, String outlet, String language, Integer intervalMinutes) {}

  /** The {@code retrieval:} section. */
  record Retrieval(
      Float titleBoost, Float phraseBoost, Float recencyWeight, Float latestRecencyWeight,
      Float recencyHalfLifeDays, Integer maxPerArticle, Integer candidates, Integer bm25Candidates, String mode, String fusion, Integer rrfK,
      Float denseWeight, Float articleEvidence, Float entityBoost, String reranker) {}

  /** The {@code answer:} section. */
  record Answer(Integer maxSentences, Integer passagesConsidered, Double minCoverage, Double minQuoteCoverage, Double minQuoteIndexCoverage) {}

  /** The {@code llm:} section. */
  record Llm(
      String provider, String model, String baseUrl, String apiKeyEnv, Double timeoutSeconds, Integer maxTokens,
      Double temperature, Double minSupport, Integer breakerFailures, Double breakerPauseSeconds, Integer dailyTokensPerUser,
      Boolean judge, Double judgeTimeoutSeconds) {}

  /** The {@code telegram:} section. */
  record Telegram(
      String apiUrl, List<Long> allowedUsers, List<Long> allowedChats, List<Long> admins, Integer questionsPerMinute,
      Integer followUpMinutes, Integer sendsPerSecond, Integer sendsPerMinutePerGroup, Integer workers) {}

  private final YAMLMapper yaml;

  /** Creates a loader. */
  public ConfigLoader() {
    yaml = new YAMLMapper();
    yaml.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    yaml.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Loads the configuration for an installation at {@code home}; {@code file} may be {@code null} for
   * {@code home/config/herald.yaml}, which may be absent.
   */
  public HeraldConfig load(Path home, Path file, Map<String, String> env) throws ConfigException {
    Path path = file != null ? file : home.resolve("config/herald.yaml");
    File f = new File(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    if (Files.exists(path)) {
      try {
        File read = yaml.readValue(path.toFile(), File.class);
        if (read != null) {
          f = read;
        }
      } catch (UnrecognizedPropertyException e) {
        throw new ConfigException(path + ": unknown setting '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")");
      } catch (JsonMappingException e) {
        throw new ConfigException(path + ": " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new ConfigException(path + ": cannot read: " + e.getMessage());
      }
    } else if (file != null) {
      throw new ConfigException(path + ": no such config file");
    }
    Path data = home.resolve(or(f.data(), "data"));
    String envData = env.get("HERALD_DATA");
    if (envData != null && !envData.isBlank()) {
      data = home.resolve(envData);
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(or(f.timezone(), "UTC"));
    } catch (DateTimeException e) {
      throw new ConfigException(path + ": timezone '" + f.timezone() + "' is not an IANA zone name such as Europe/Kyiv");
    }
    RetrievalSettings rd = RetrievalSettings.defaults();
    Retrieval r = f.retrieval() == null ? new Retrieval(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : f.retrieval();
    RetrievalSettings retrieval = new RetrievalSettings(
        or(r.titleBoost(), rd.titleBoost()), or(r.phraseBoost(), rd.phraseBoost()),
        or(r.recencyWeight(), rd.recencyWeight()), or(r.latestRecencyWeight(), rd.latestRecencyWeight()),
        or(r.recencyHalfLifeDays(), rd.recencyHalfLifeDays()), or(r.maxPerArticle(), rd.maxPerArticle()),
        or(r.candidates(), rd.candidates()), or(r.bm25Candidates(), rd.bm25Candidates()), mode(path, r.mode(), rd.mode()),
        r.fusion() == null ? rd.fusion() : Fusion.byName(r.fusion()).orElseThrow(() -> new ConfigException(
            path + ": retrieval.fusion '" + r.fusion() + "' is unknown (known: " + Fusion.names() + ")")),
        or(r.rrfK(), rd.rrfK()), or(r.denseWeight(), rd.denseWeight()), or(r.articleEvidence(), rd.articleEvidence()),
        or(r.entityBoost(), rd.entityBoost()), or(r.reranker(), rd.reranker()));
    if (!retrieval.reranker().equals("none") && !retrieval.reranker().equals("llm")) {
      throw new ConfigException(path + ": retrieval.reranker '" + retrieval.reranker() + "' is unknown (known: none, llm)");
    }
    if (retrieval.rrfK() < 1 || retrieval.denseWeight() < 0 || retrieval.denseWeight() > 1
        || retrieval.articleEvidence() < 0 || retrieval.articleEvidence() > 1) {
      throw new ConfigException(path + ": retrieval.rrf-k must be at least 1, dense-weight and article-evidence between 0 and 1");
    }
    EmbeddingSettings embeddings = embeddings(path, f.index(), retrieval.mode());
    AnswerSettings ad = AnswerSettings.defaults();
    Answer a = f.answer() == null ? new Answer(null, null, null, null, null) : f.answer();
    AnswerSettings answer = new AnswerSettings(
        or(a.maxSentences(), ad.maxSentences()), or(a.passagesConsidered(), ad.passagesConsidered()),
        or(a.minCoverage(), ad.minCoverage()), or(a.minQuoteCoverage(), ad.minQuoteCoverage()),
        or(a.minQuoteIndexCoverage(), ad.minQuoteIndexCoverage()));
    int k = or(f.k(), 10);
    if (k < 1) {
      throw new ConfigException(path + ": k must be at least 1");
    }
    LlmSettings llm = llm(path, f.llm(), env);
    if (retrieval.reranker().equals("llm") && llm.provider() == Provider.EXTRACTIVE) {
      throw new ConfigException(path + ": retrieval.reranker: llm needs a language model; set llm.provider (see docs/LLM.md)");
    }
    return new HeraldConfig(home, data, home.resolve(or(f.corpus(), "corpus")), zone, k, retrieval, answer, llm,
        telegram(f.telegram(), env, path), ingest(path, f.ingest()), sources(path, home, f.sources()), digest(path, f.digest()),
        embeddings, admin(path, f.admin(), env), backend(path, f.index()), state(path, f.state(), env));
  }

  private static IndexBackend backend(Path path, Index i) throws ConfigException {
    String name = i == null || i.backend() == null ? "lucene" : i.backend().strip();
    IndexBackend.Kind kind = switch (name) {
      case "lucene" -> IndexBackend.Kind.LUCENE;
      case "solr" -> IndexBackend.Kind.SOLR;
      default -> throw new ConfigException(path + ": index.backend '" + name + "' is unknown (known: lucene, solr)");
    };
    SolrSettings d = SolrSettings.defaults();
    Solr s = i == null ? null : i.solr();
    if (s == null) {
      if (kind == IndexBackend.Kind.SOLR) {
        throw new ConfigException(path + ": index.backend: solr needs index.solr.zk-hosts (or index.solr.urls); see docs/SCALE.md");
      }
      return new IndexBackend(kind, d);
    }
    List<String> zk = s.zkHosts() == null ? List.of() : s.zkHosts().stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    List<String> urls = s.urls() == null ? List.of() : s.urls().stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
    for (String u : urls) {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new ConfigException(path + ": index.solr.urls entry '" + u + "' must start with http:// or https://");
      }
    }
    if (kind == IndexBackend.Kind.SOLR && zk.isEmpty() && urls.isEmpty()) {
      throw new ConfigException(path + ": index.backend: solr needs index.solr.zk-hosts (or index.solr.urls); see docs/SCALE.md");
    }
    String chroot = nonBlank(s.zkChroot());
    if (chroot != null && !chroot.startsWith("/")) {
      throw new ConfigException(path + ": index.solr.zk-chroot must start with / (got '" + chroot + "')");
    }
    String collection = or(nonBlank(s.collection()), d.collection());
    if (!collection.matches("[A-Za-z0-9_.-]+")) {
      throw new ConfigException(path + ": index.solr.collection '" + collection + "' may hold only letters, digits, '.', '_' and '-'");
    }
    int shards = or(s.shards(), d.shards());
    int replicas = or(s.replicas(), d.replicas());
    int timeout = or(s.timeoutSeconds(), (int) d.timeout().toSeconds());
    int attempts = or(s.writeAttempts(), d.writeAttempts());
    if (shards < 1 || replicas < 1 || timeout < 1 || attempts < 1) {
      throw new ConfigException(path + ": index.solr.shards, replicas, timeout-seconds and write-attempts must be at least 1");
    }
    return new IndexBackend(kind, new SolrSettings(zk, chroot, urls, collection, or(nonBlank(s.configset()), d.configset()),
        shards, replicas, Duration.ofSeconds(timeout), attempts));
  }

  private static StateSettings state(Path path, State s, Map<String, String> env) throws ConfigException {
    StateSettings d = StateSettings.defaults();
    String url = nonBlank(env.get("HERALD_STATE_URL"));
    String where = "HERALD_STATE_URL";
    if (url == null && s != null) {
      url = nonBlank(s.url());
      where = path + ": state.url";
    }
    if (url != null && !url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:sqlite:")) {
      throw new ConfigException(where + " must be jdbc:postgresql://HOST:PORT/DATABASE (or jdbc:sqlite:FILE); got '"
          + StateDb.mask(url) + "'");
    }
    int timeout = s == null || s.instanceTimeoutSeconds() == null ? (int) d.instanceTimeout().toSeconds() : s.instanceTimeoutSeconds();
    if (timeout < 1) {
      throw new ConfigException(path + ": state.instance-timeout-seconds must be at least 1 (got " + timeout + ")");
    }
    return new StateSettings(url == null ? null : url.strip(), nonBlank(env.get("HERALD_STATE_PASSWORD")), Duration.ofSeconds(timeout));
  }

  private static AdminSettings admin(Path path, Admin a, Map<String, String> env) throws ConfigException {
    AdminSettings d = AdminSettings.off();
    Integer port = a == null ? null : a.port();
    String envPort = nonBlank(env.get("HERALD_ADMIN_PORT"));
    if (envPort != null) {
      // The container image sets it, so that its health check knows where to ask.
      try {
        port = Integer.parseInt(envPort);
      } catch (NumberFormatException e) {
        throw new ConfigException("HERALD_ADMIN_PORT must be a port number (got '" + envPort + "')");
      }
      if (port < 1 || port > 65535) {
        throw new ConfigException("HERALD_ADMIN_PORT must be between 1 and 65535 (got " + port + ")");
      }
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new ConfigException(path + ": admin.port must be between 1 and 65535 (got " + port + ")");
    }
    String host = a == null || a.host() == null || a.host().isBlank() ? d.host() : a.host().strip();
    return new AdminSettings(port, host);
  }

  private static RetrievalMode mode(Path path, String name, RetrievalMode fallback) throws ConfigException {
    if (name == null) {
      return fallback;
    }
    return RetrievalMode.byName(name).orElseThrow(() -> new ConfigException(
        path + ": retrieval.mode '" + name + "' is unknown (known: " + RetrievalMode.names() + ")"));
  }

  // Unless set, passages are embedded exactly when the configured mode will search their vectors.
  private static EmbeddingSettings embeddings(Path path, Index i, RetrievalMode mode) throws ConfigException {
    EmbeddingSettings d = EmbeddingSettings.defaults().withEnabled(mode.needsVectors());
    if (i == null) {
      return d;
    }
    InProcessModel model = d.model();
    if (i.embeddingModel() != null) {
      model = InProcessModel.byId(i.embeddingModel()).orElseThrow(() -> new ConfigException(
          path + ": index.embedding-model '" + i.embeddingModel() + "' is unknown (known: " + InProcessModel.ids() + ")"));
    }
    EmbeddingSettings s = new EmbeddingSettings(or(i.embeddings(), d.enabled()), model,
        or(i.embeddingBatch(), d.batchSize()), or(i.embeddingThreads(), d.threads()));
    if (s.batchSize() < 1 || s.threads() < 1) {
      throw new ConfigException(path + ": index.embedding-batch and index.embedding-threads must be at least 1");
    }
    return s;
  }

  private static LlmSettings llm(Path path, Llm l, Map<String, String> env) throws ConfigException {
    LlmSettings d = LlmSettings.defaults();
    if (l == null) {
      l = new Llm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    String providerName = or(nonBlank(env.get("HERALD_LLM_PROVIDER")), l.provider());
    Provider provider = d.provider();
    if (providerName != null) {
      provider = Provider.byName(providerName).orElseThrow(() -> new ConfigException(
          path + ": llm provider '" + providerName + "' is unknown (known: " + Provider.names() + ")"));
    }
    double timeout = or(l.timeoutSeconds(), d.timeout().toMillis() / 1000.0);
    double pause = or(l.breakerPauseSeconds(), d.breakerPause().toMillis() / 1000.0);
    LlmSettings s = new LlmSettings(
        provider, or(nonBlank(env.get("HERALD_LLM_MODEL")), l.model()), or(nonBlank(env.get("HERALD_LLM_BASE_URL")), l.baseUrl()),
        l.apiKeyEnv(), Duration.ofMillis(Math.round(timeout * 1000)), or(l.maxTokens(), d.maxTokens()),
        or(l.temperature(), d.temperature()), or(l.minSupport(), d.minSupport()),
        or(l.breakerFailures(), d.breakerFailures()), Duration.ofMillis(Math.round(pause * 1000)),
        or(l.dailyTokensPerUser(), 0));
    double judgeTimeout = or(l.judgeTimeoutSeconds(), LlmSettings.DEFAULT_JUDGE_TIMEOUT.toMillis() / 1000.0);
    if (judgeTimeout <= 0) {
      throw new ConfigException(path + ": llm judge-timeout-seconds must be positive");
    }
    // Without a language model (the extractive provider) the judge has nothing to ask and stays idle.
    boolean judge = or(l.judge(), false);
    s = s.withJudge(judge, Duration.ofMillis(Math.round(judgeTimeout * 1000)));
    if (s.dailyTokensPerUser() < 0) {
      throw new ConfigException(path + ": llm daily-tokens-per-user must be 0 (no budget) or more");
    }
    if (timeout <= 0 || s.maxTokens() < 1 || s.breakerFailures() < 1 || pause < 0) {
      throw new ConfigException(path + ": llm timeout-seconds, max-tokens and breaker-failures must be positive");
    }
    if (s.minSupport() < 0 || s.minSupport() > 1) {
      throw new ConfigException(path + ": llm min-support must be between 0 and 1");
    }
    return s;
  }

  private static IngestSettings ingest(Path path, Ingest i) throws ConfigException {
    IngestSettings d = IngestSettings.defaults();
    if (i == null) {
      return d;
    }
    IngestSettings s = new IngestSettings(
        or(i.userAgent(), d.userAgent()),
        i.connectTimeoutSeconds() == null ? d.connectTimeout() : Duration.ofSeconds(i.connectTimeoutSeconds()),
        i.readTimeoutSeconds() == null ? d.readTimeout() : Duration.ofSeconds(i.readTimeoutSeconds()),
        or(i.maxBodyBytes(), d.maxBodyBytes()), or(i.maxRedirects(), d.maxRedirects()),
        i.hostDelayMs() == null ? d.hostDelay() : Duration.ofMillis(i.hostDelayMs()),
        i.defaultIntervalMinutes() == null ? d.defaultInterval() : Duration.ofMinutes(i.defaultIntervalMinutes()),
        or(i.jitter(), d.jitter()), or(i.respectRobots(), d.respectRobots()),
        or(i.allowPrivateAddresses(), d.allowPrivateAddresses()), or(i.allowedHosts(), d.allowedHosts()),
        or(i.threads(), d.threads()));
    if (s.maxBodyBytes() < 1024 || s.maxRedirects() < 0 || s.threads() < 1 || s.jitter() < 0 || s.jitter() >= 1) {
      throw new ConfigException(path + ": ingest: max-body-bytes must be at least 1024, max-redirects at least 0, "
          + "threads at least 1 and jitter in [0, 1)");
    }
    return s;
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static TelegramSettings telegram(Telegram t, Map<String, String> env, Path path) throws ConfigException {
    TelegramSettings d = TelegramSettings.defaults();
    if (t == null) {
      t = new Telegram(null, null, null, null, null, null, null, null, null);
    }
    String url = or(t.apiUrl(), d.apiUrl());
    String envUrl = env.get("TELEGRAM_API_URL");
    if (envUrl != null && !envUrl.isBlank()) {
      url = envUrl.strip();
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException(path + ": telegram.api-url must start with http:// or https:// (got '" + url + "')");
    }
    int perMinute = or(t.questionsPerMinute(), d.questionsPerMinute());
    int workers = or(t.workers(), d.workers());
    if (perMinute < 1 || workers < 1) {
      throw new ConfigException(path + ": telegram.questions-per-minute and telegram.workers must be at least 1");
    }
    return new TelegramSettings(url, ids(t.allowedUsers()), ids(t.allowedChats()), ids(t.admins()), perMinute,
        t.followUpMinutes() == null ? d.followUpExpiry() : Duration.ofMinutes(t.followUpMinutes()),
        or(t.sendsPerSecond(), d.sendsPerSecond()), d.sendIntervalPerChat(),
        or(t.sendsPerMinutePerGroup(), d.sendsPerMinutePerGroup()), workers, d.pollTimeoutSeconds());
  }

  private static DigestSettings digest(Path path, Digest g) throws ConfigException {
    DigestSettings d = DigestSettings.defaults();
    if (g == null) {
      return d;
    }
    int stale = or(g.staleAfterHours(), (int) d.staleAfter().toHours());
    int window = or(g.defaultWindowHours(), (int) d.defaultWindow().toHours());
    int items = or(g.maxItems(), d.maxItems());
    int subs = or(g.maxSubscriptions(), d.maxSubscriptions());
    int topicDays = or(g.topicMemoryDays(), (int) d.topicMemory().toDays());
    int logDays = or(g.deliveryLogDays(), (int) d.deliveryLog().toDays());
    int tick = or(g.tickSeconds(), (int) d.tick().toSeconds());
    if (stale < 1 || window < 1 || items < 1 || subs < 1 || topicDays < 1 || logDays < 1 || tick < 1) {
      throw new ConfigException(path + ": every digest setting must be at least 1");
    }
    return new DigestSettings(Duration.ofHours(stale), items, Duration.ofHours(window), or(g.sendEmpty(), d.sendEmpty()), subs,
        Duration.ofDays(topicDays), Duration.ofDays(logDays), d.maxAttempts(), Duration.ofSeconds(tick));
  }

  private static Set<Long> ids(List<Long> ids) {
    return ids == null ? Set.of() : Set.copyOf(ids);

  }

  private static List<Source> sources(Path path, Path home, List<SourceEntry> entries) throws ConfigException {
    if (entries == null) {
      return List.of();
    }
    List<Source> out = new ArrayList<>();
    for (SourceEntry e : entries) {
      if (e == null) {
        continue;
      }
      int named = (e.feed() != null ? 1 : 0) + (e.page() != null ? 1 : 0) + (e.folder() != null ? 1 : 0);
      if (named != 1) {
        throw new ConfigException(path + ": each entry under sources: needs exactly one of feed:, page: or folder: (got " + e + ")");
      }
      if (e.intervalMinutes() != null && e.intervalMinutes() < 1) {
        throw new ConfigException(path + ": interval-minutes must be at least 1 for " + or(e.feed(), or(e.page(), e.folder())));
      }
      SourceKind kind = e.feed() != null ? SourceKind.FEED : e.page() != null ? SourceKind.PAGE : SourceKind.FOLDER;
      String location = kind == SourceKind.FOLDER ? home.resolve(e.folder()).toString() : or(e.feed(), e.page()).strip();
      if (kind != SourceKind.FOLDER && !location.startsWith("http://") && !location.startsWith("https://")) {
        throw new ConfigException(path + ": source '" + location + "' is not an http(s) URL");
      }
      out.add(new Source(kind, location, e.outlet(), e.language(),
          e.intervalMinutes() == null ? null : Duration.ofMinutes(e.intervalMinutes()), true));
    }
    return List.copyOf(out);
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}

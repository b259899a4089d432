package dev.herald.config;

import dev.herald.answer.AnswerSettings;
import dev.herald.bot.TelegramSettings;
import dev.herald.digest.DigestSettings;
import dev.herald.embed.EmbeddingSettings;
import dev.herald.index.IndexBackend;
import dev.herald.ingest.IngestSettings;
import dev.herald.ingest.Source;
import dev.herald.llm.LlmSettings;
import dev.herald.metrics.AdminSettings;
import dev.herald.retrieve.RetrievalSettings;
import dev.herald.store.StateSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Herald's settings after defaults, {@code config/herald.yaml}, the environment and the command line
 * have been applied, in that order.
 *
 * @param home the installation folder that relative paths resolve against
 * @param dataDir where the index and the state database live
 * @param corpusDir what {@code herald index} and the first {@code herald ask} index by default
 * @param zone the zone in which "today" and "Monday" are read
 * @param k passages retrieved per question
 * @param retrieval ranking parameters
 * @param answer extractive answer parameters
 * @param llm the language model, if any, and its limits
 * @param telegram the Telegram bot's settings
 * @param ingest how live news is fetched
 * @param sources the feeds, pages and folders live news is taken from
 * @param digest updates, timelines, digests and chat-state retention
 * @param embeddings whether passages get vectors at index time, and from which model
 * @param admin the admin HTTP port (metrics and health), off unless set
 * @param index which index backend is used: the embedded Lucene index (default) or SolrCloud
 * @param state where the state database is: embedded SQLite by default, or a shared PostgreSQL
 */
public record HeraldConfig(
    Path home, Path dataDir, Path corpusDir, ZoneId zone, int k, RetrievalSettings retrieval, AnswerSettings answer,
    LlmSettings llm, TelegramSettings telegram, IngestSettings ingest, List<Source> sources, DigestSettings digest,
    EmbeddingSettings embeddings, AdminSettings admin, IndexBackend index, StateSettings state) {

  /** Settings with the embedded index and the embedded state database. */
  public HeraldConfig(
      Path home, Path dataDir, Path corpusDir, ZoneId zone, int k, RetrievalSettings retrieval, AnswerSettings answer,
      LlmSettings llm, TelegramSettings telegram, IngestSettings ingest, List<Source> sources, DigestSettings digest,
      EmbeddingSettings embeddings, AdminSettings admin) {
    this(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, embeddings, admin,
        IndexBackend.embedded(), StateSettings.defaults());
  }

  /** Settings with the given basics and defaults for everything else (no language model, no sources, no vectors). */
  public HeraldConfig(
      Path home, Path dataDir, Path corpusDir, ZoneId zone, int k, RetrievalSettings retrieval, AnswerSettings answer) {
    this(home, dataDir, corpusDir, zone, k, retrieval, answer, LlmSettings.defaults(), TelegramSettings.defaults(),
        IngestSettings.defaults(), List.of(), DigestSettings.defaults(), EmbeddingSettings.defaults(), AdminSettings.off(),
        IndexBackend.embedded(), StateSettings.defaults());
  }

  /** The index folder inside the data folder. */
  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** Returns a copy with another data folder. */
  public HeraldConfig withDataDir(Path dir) {
    return new HeraldConfig(home, dir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, embeddings, admin, index, state);
  }

  /** Returns a copy with other retrieval settings. */
  public HeraldConfig withRetrieval(RetrievalSettings r) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, r, answer, llm, telegram, ingest, sources, digest, embeddings, admin, index, state);
  }

  /** Returns a copy with other language model settings. */
  public HeraldConfig withLlm(LlmSettings l) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, l, telegram, ingest, sources, digest, embeddings, admin, index, state);
  }

  /** Returns a copy with other Telegram settings. */
  public HeraldConfig withTelegram(TelegramSettings t) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, t, ingest, sources, digest, embeddings, admin, index, state);
  }

  /** Returns a copy with other ingest settings and sources. */
  public HeraldConfig withIngest(IngestSettings settings, List<Source> list) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, settings, List.copyOf(list),
        digest, embeddings, admin, index, state);
  }

  /** Returns a copy with other digest settings. */
  public HeraldConfig withDigest(DigestSettings d) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, d, embeddings, admin, index, state);
  }

  /** Returns a copy with other embedding settings. */
  public HeraldConfig withEmbeddings(EmbeddingSettings e) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, e, admin, index, state);
  }

  /** Returns a copy with another index backend. */
  public HeraldConfig withIndex(IndexBackend b) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, embeddings, admin, b, state);
  }

  /** Returns a copy with other state database settings. */
  public HeraldConfig withState(StateSettings s) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, embeddings, admin, index, s);
  }

  /** Returns a copy with other admin port settings. */
  public HeraldConfig withAdmin(AdminSettings a) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, ingest, sources, digest, embeddings, a, index, state);
  }
}

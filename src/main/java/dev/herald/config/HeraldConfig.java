package dev.herald.config;

import dev.herald.answer.AnswerSettings;
import dev.herald.llm.LlmSettings;
import dev.herald.bot.TelegramSettings;
import dev.herald.embed.EmbeddingSettings;
import dev.herald.retrieve.RetrievalSettings;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Herald's settings after defaults, {@code config/herald.yaml}, the environment and the command line
 * have been applied, in that order.
 *
 * @param home the installation folder that relative paths resolve against
 * @param dataDir where the index (and later state) lives
 * @param corpusDir what {@code herald index} and the first {@code herald ask} index by default
 * @param zone the zone in which "today" and "Monday" are read
 * @param k passages retrieved per question
 * @param retrieval ranking parameters
 * @param answer extractive answer parameters
 * @param llm the language model, if any, and its limits
 * @param telegram the Telegram bot's settings
 * @param embeddings whether passages get vectors at index time, and from which model
 */
public record HeraldConfig(
    Path home, Path dataDir, Path corpusDir, ZoneId zone, int k, RetrievalSettings retrieval, AnswerSettings answer,
    LlmSettings llm, TelegramSettings telegram, EmbeddingSettings embeddings) {

  /** The index folder inside the data folder. */
  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** Returns a copy with another data folder. */
  public HeraldConfig withDataDir(Path dir) {
    return new HeraldConfig(home, dir, corpusDir, zone, k, retrieval, answer, llm, telegram, embeddings);
  }

  /** Returns a copy with other retrieval settings. */
  public HeraldConfig withRetrieval(RetrievalSettings r) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, r, answer, llm, telegram, embeddings);
  }

  /** Returns a copy with other language model settings. */
  public HeraldConfig withLlm(LlmSettings l) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, l, telegram, embeddings);
  }

  /** Returns a copy with other embedding settings. */
  public HeraldConfig withEmbeddings(EmbeddingSettings e) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, telegram, e);
  }

  /** Returns a copy with other Telegram settings. */
  public HeraldConfig withTelegram(TelegramSettings t) {
    return new HeraldConfig(home, dataDir, corpusDir, zone, k, retrieval, answer, llm, t, embeddings);
  }
}

package dev.herald.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.NewsFixture;
import dev.herald.bot.TelegramSettings;
import dev.herald.config.ConfigLoader;
import dev.herald.config.HeraldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures answered messages per second and reply latency (update queued at the fake Bot API to its
 * sendMessage arriving there) through the real long-polling client on loopback.
 *
 * <p>Usage: {@code BotBenchmark [ARTICLES.jsonl QUESTIONS.jsonl]}; without arguments it uses the test
 * fixture articles. Phase 1 floods {@code burst} questions at once (throughput); phase 2 sends a steady
 * {@code rate} a second for {@code seconds} (latency at Telegram's own send limit). Send limits are
 * lifted so that Herald itself, not the throttle, is measured.
 */
public final class BotBenchmark {

  private BotBenchmark() {}

  /** Runs the benchmark and prints one summary line per phase. */
  public static void main(String[] args) throws Exception {
    int burst = Integer.getInteger("burst", 2000);
    int rate = Integer.getInteger("rate", 30);
    int seconds = Integer.getInteger("seconds", 20);
    Path tmp = Files.createTempDirectory("herald-bench");
    List<String> questions = new ArrayList<>();
    Herald herald;
    if (args.length == 2) {
      HeraldConfig c = new ConfigLoader().load(tmp, null, Map.of("HERALD_DATA", tmp.resolve("data").toString()));
      herald = Herald.openWritable(c);
      herald.index(List.of(Path.of(args[0])), p -> {}, (a, p) -> {});
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(Path.of(args[1]))) {
        if (!line.isBlank()) {
          questions.add(json.readTree(line).get("question").asText());
        }
      }
    } else {
      herald = NewsFixture.open(tmp);
      questions.addAll(List.of("Where did the presidents of Freedonia and Sylvania meet?",
          "Who ended the strike in Port Verdant?", "What does Sylvania want before an agreement?",
          "How far did the glacier above Lumen retreat?", "who said \"We will not give up on safety\""));
    }
    String token = "1:bench";
    try (FakeBotApi api = new FakeBotApi(token)) {
      TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 1_000_000,
          Duration.ofMinutes(10), 1_000_000, Duration.ZERO, 1_000_000, Runtime.getRuntime().availableProcessors() * 2, 10);
      TelegramBot bot = TelegramBot.start(s, token, tmp.resolve("bot"), n -> new BotHandler(herald, s, n, Clock.systemUTC()));
      run(api, questions, 200, 0, "warm-up");
      run(api, questions, burst, 0, "burst");
      run(api, questions, rate * seconds, rate, "steady " + rate + "/s");
      bot.stop(Duration.ofSeconds(10));
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap in use after GC: %d MB (max %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    herald.close();
  }

  private static long nextUser = 1;

  private static void run(FakeBotApi api, List<String> questions, int n, int perSecond, String label) throws Exception {
    int before = api.sent().size();
    Map<Integer, Long> queued = new HashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (perSecond > 0) {
        long due = start + i * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      // A fresh private chat per message: per-chat ordering and limits are not what is measured.
      long t = System.nanoTime();
      queued.put(api.privateText(nextUser++, questions.get(i % questions.size())), t);
    }
    List<FakeBotApi.Sent> sent = api.awaitSent(x -> true, before + n, Duration.ofMinutes(5));
    List<FakeBotApi.Sent> mine = sent.subList(before, sent.size());
    long end = mine.stream().mapToLong(FakeBotApi.Sent::receivedNanos).max().orElse(start);
    List<Long> latencies = new ArrayList<>();
    for (FakeBotApi.Sent x : mine) {
      Long q = queued.get(x.replyTo());
      if (q != null) {
        latencies.add((x.receivedNanos() - q) / 1_000_000);
      }
    }
    Collections.sort(latencies);
    System.out.printf("%-12s %5d answered in %6.2f s = %7.1f msg/s; latency ms p50 %d p95 %d p99 %d max %d%n",
        label, latencies.size(), (end - start) / 1e9, latencies.size() / ((end - start) / 1e9),
        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}

package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.answer.StoryLookup;
import dev.herald.bot.BotHandler;
import dev.herald.digest.DigestRunner;
import dev.herald.digest.DigestScheduler;
import dev.herald.digest.Subscriptions;
import dev.herald.store.ChatStore;
import dev.herald.store.Instance;
import dev.herald.bot.SharedUpdateClaims;
import dev.herald.store.Story;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.TelegramBot;
import dev.herald.bot.telegram.TokenRejectedException;
import dev.herald.bot.telegram.Webhook;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import dev.herald.config.HeraldConfig;
import dev.herald.ingest.Ingestion;
import dev.herald.metrics.AdminServer;
import dev.herald.metrics.AdminSettings;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.metrics.Readiness;
import java.io.IOException;
import java.util.Optional;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald bot}: runs the Telegram bot by long polling until SIGTERM or Ctrl-C. */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = {"Run the Telegram bot (long polling, or --webhook). The token comes from TELEGRAM_BOT_TOKEN;",
        "the Bot API url from telegram.api-url in config/herald.yaml or TELEGRAM_API_URL."})
final class BotCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger("dev.herald.bot.ingest");
  // how often sources that are due are looked for; each source keeps its own interval
  private static final Duration INGEST_TICK = Duration.ofSeconds(30);

  @ParentCommand HeraldCommand root;

  @Option(names = "--webhook", description = "Receive updates by webhook instead of long polling.")
  boolean webhook;

  @Option(names = "--webhook-url", paramLabel = "URL",
      description = "Public https url Telegram posts updates to (or TELEGRAM_WEBHOOK_URL); its path is served.")
  String webhookUrl;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:8080",
      description = "Address the webhook endpoint listens on (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--admin-port", paramLabel = "PORT",
      description = "Serve /metrics, /healthz and /readyz on this port (or admin.port in config; off unless set).")
  Integer adminPort;

  @Override
  public Integer call() throws Exception {
    String token = root.env.get("TELEGRAM_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      throw new UsageException("bot: TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token");
    }
    HeraldConfig c = root.loadConfig();
    if (adminPort != null) {
      if (adminPort < 1 || adminPort > 65535) {
        throw new UsageException("bot: --admin-port must be between 1 and 65535 (got " + adminPort + ")");
      }
      c = c.withAdmin(c.admin().withPort(adminPort));
    }
    TelegramSettings settings = c.telegram();
    CountDownLatch stop = new CountDownLatch(1);
    PrintWriter err = root.spec.commandLine().getErr();
    HeraldMetrics metrics = c.admin().enabled() ? HeraldMetrics.prometheus(root.clock) : HeraldMetrics.off();
    Readiness readiness = new Readiness();
    // The bot holds the index writable so that the news it ingests is searchable within seconds.
    try (HeraldMetrics closeMetrics = metrics;
        Herald herald = Herald.openForService(c, root.env, p -> err.println(p), m -> err.println(m));
        Ingestion ingestion = herald.openIngestion(root.clock);
        AdminServer admin = startAdmin(c.admin(), metrics, readiness);
        Instance instance = c.state().shared()
            ? Instance.join(ingestion.stateDb(), c.state().instanceTimeout(), root.clock) : Instance.local()) {
      herald.useMetrics(metrics);
      if (instance.shared() && !webhook) {
        // Telegram serves getUpdates to one client at a time; several instances need the webhook.
        log.warn("state is shared ({}) but this instance long-polls: run one such instance only, or use --webhook",
            ingestion.stateDb().describe());
      }
      readiness.add("index", herald::indexProblem).add("state-db", () -> ingestion.stateDb().problem());
      ingestion.watch(List.of(), INGEST_TICK, o -> {
        metrics.ingest(o);
        if (o.error() != null || o.newArticles() > 0) {
          log.info("ingest {}: {} new, {} duplicates{}", o.source().location(), o.newArticles(), o.duplicates(),
              o.error() == null ? "" : ", failed: " + o.error());
        }
      }, () -> holdsIngestLease(instance));
      TelegramBot bot;
      // Chat state lives in the same state database as ingestion, so one file holds all the bot keeps.
      Subscriptions subscriptions = new Subscriptions(new ChatStore(ingestion.stateDb()), c.digest(), herald.updates()::topicKey, root.clock);
      StoryLookup stories = id -> ingestion.story(id).map(Story::outlets).orElse(List.of());
      TelegramBot.HandlerFactory handlers =
          name -> new BotHandler(herald, settings, name, root.clock, ingestion.feeds(), subscriptions, stories);
      // One process: the ledger file under data/bot. Several instances: claims in the shared database.
      TelegramBot.ClaimsFactory claims = instance.shared()
          ? botId -> new SharedUpdateClaims(instance, botId, root.clock)
          : TelegramBot.ClaimsFactory.ledger(c.dataDir().resolve("bot"));
      try {
        bot = webhook
            ? TelegramBot.startWebhook(settings, token.strip(), claims, handlers, webhookSettings(), metrics)
            : TelegramBot.start(settings, token.strip(), claims, handlers, Duration.ofMillis(500), metrics);
      } catch (TokenRejectedException e) {
        throw new UsageException("bot: " + e.getMessage());
      } catch (TelegramApiException e) {
        throw new UsageException("bot: cannot reach the Bot API at " + settings.apiUrl() + " ("
            + e.getMessage().replace(token.strip(), "<token>") + ")");
      }
      TelegramBot running = bot;
      readiness.add("bot-api", running::apiProblem);
      err.println("herald: bot @" + bot.username() + " is running; stop it with Ctrl-C or SIGTERM"
          + (admin == null ? "" : " (admin endpoints on port " + admin.address().getPort() + ")")
          + (instance.shared() ? " (instance " + instance.id() + " on " + ingestion.stateDb().describe() + ")" : ""));
      onTermination(stop);
      DigestRunner digests = new DigestRunner(herald.updates(), subscriptions, stories, c.digest(), bot, root.clock, instance);
      DigestScheduler scheduler = new DigestScheduler(digests, c.digest().tick(), settings.followUpExpiry());
      try {
        stop.await();
      } finally {
        // Stopped before the bot, so that no digest is being sent while the sender shuts down.
        scheduler.close();
      }
      bot.stop(Duration.ofSeconds(30));
    }
    return 0;
  }

  /** Whether this instance may ingest now: it holds the ingest lease (always, on a state database of its own). */
  private static boolean holdsIngestLease(Instance instance) {
    try {
      return instance.holdLease("ingest");
    } catch (RuntimeException e) {
      log.warn("cannot check the ingest lease ({}); not ingesting this time", e.getMessage());
      return false;
    }
  }

  /** Opens the admin port when one is configured; until the bot is up, /readyz reports it as not started. */
  private static AdminServer startAdmin(AdminSettings a, HeraldMetrics metrics, Readiness readiness) {
    if (!a.enabled()) {
      return null;
    }
    readiness.add("bot-api", () -> Optional.of("the bot has not started yet"));
    try {
      return AdminServer.start(new InetSocketAddress(a.host(), a.port()), metrics, readiness);
    } catch (IOException e) {
      throw new UsageException("bot: cannot open the admin port " + a.host() + ":" + a.port() + " (" + e.getMessage() + ")");
    }
  }

  private Webhook webhookSettings() {
    String url = webhookUrl != null ? webhookUrl : root.env.get("TELEGRAM_WEBHOOK_URL");
    if (url == null || !url.startsWith("https://")) {
      throw new UsageException("bot: --webhook needs --webhook-url https://... (or TELEGRAM_WEBHOOK_URL): Telegram only posts to https");
    }
    int colon = listen.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new UsageException("bot: --listen must be HOST:PORT, e.g. 0.0.0.0:8080 (got '" + listen + "')");
    }
    String secret = root.env.get("TELEGRAM_WEBHOOK_SECRET");
    if (secret == null || secret.isBlank()) {
      // One instance: a fresh random secret per start is enough; several instances must share one.
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = HexFormat.of().formatHex(random);
    }
    try {
      return new Webhook(URI.create(url), new InetSocketAddress(listen.substring(0, colon), port), secret.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException("bot: " + e.getMessage());
    }
  }

  /** Turns SIGTERM and SIGINT into a clean stop, so that in-flight replies finish and the exit code is 0. */
  @SuppressWarnings("sunapi")
  private static void onTermination(CountDownLatch stop) {
    sun.misc.SignalHandler handler = signal -> stop.countDown();
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
  }
}

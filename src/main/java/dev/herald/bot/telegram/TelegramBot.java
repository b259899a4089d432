package dev.herald.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.bot.BotHandler;
import dev.herald.bot.Incoming;
import dev.herald.bot.OrderedWorkers;
import dev.herald.answer.Answer;
import dev.herald.bot.Outgoing;
import dev.herald.digest.DigestOutbox;
import dev.herald.metrics.HeraldMetrics;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;
import java.io.InterruptedIOException;
import dev.herald.bot.SendThrottle;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.UpdateLedger;
import dev.herald.bot.UpdateClaims;
import dev.herald.bot.SharedUpdateClaims;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Telegram adapter: receives updates by long polling, hands each to the {@link BotHandler} on a
 * worker (in order within a chat) and sends the replies. Every update is recorded in the
 * {@link UpdateLedger} once handled, so a restart never answers it again.
 */
public final class TelegramBot implements AutoCloseable, DigestOutbox {

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  // Telegram allows about one message a second per chat; a draft is edited no more often than that.
  private static final Duration DRAFT_INTERVAL = Duration.ofMillis(1100);
  // Longest wait between two tries of an optional start-up call: often enough to recover soon after the
  // Bot API accepts it again, rarely enough that a call it always refuses costs a log line every 5 minutes.
  private static final Duration MAX_OPTIONAL_BACKOFF = Duration.ofMinutes(5);

  /** How the update claims are made once the bot knows its own id. */
  public interface ClaimsFactory {
    /** Creates the claims for the bot whose Telegram user id is {@code botId}. */
    UpdateClaims forBot(long botId) throws IOException;

    /** A single process's claims: the ledger file {@code stateDir/offset}. */
    static ClaimsFactory ledger(Path stateDir) {
      return botId -> new UpdateLedger(stateDir.resolve("offset"));
    }
  }

  /** How the handler is made once the bot knows its own username. */
  public interface HandlerFactory {
    /** Creates the handler for the bot called {@code username}. */
    BotHandler create(String username);
  }

  private final TokenMask mask;
  private final ExecutorService httpThreads;
  private final TelegramSender sender;
  private final UpdateClaims claims;
  private final ObjectMapper json = new ObjectMapper();
  // Shared claims only: looks for updates whose holder died, and answers them here.
  private final ScheduledExecutorService orphanSweeper;
  private final OrderedWorkers workers;
  private final OkHttpTelegramClient client;
  private final User me;
  private final BotHandler handler;
  // Long polling: the library's application, its session and its thread; all null in webhook mode.
  private final ScheduledExecutorService pollThread;
  private final TelegramBotsLongPollingApplication app;
  private final BotSession session;
  private final WebhookReceiver webhook;
  private volatile boolean stopped;
  // Retries start-up calls the bot can answer without (the command menu) until they succeed.
  private final ScheduledExecutorService optionalCalls;
  private final HeraldMetrics metrics;
  // What the last Bot API request met: null once it got an answer, else why not (for /readyz).
  private volatile String apiProblem = "no Bot API request has completed yet";

  private TelegramBot(TelegramSettings settings, String token, ClaimsFactory claimsFactory, HandlerFactory handlers,
      Duration firstBackoff, Webhook hook, HeraldMetrics metrics) throws TelegramApiException, TokenRejectedException, IOException {
    this.mask = new TokenMask(token);
    this.metrics = metrics;
    TelegramUrl url = telegramUrl(settings.apiUrl());
    // The library's client keeps the long-poll read timeout; each client gets its own dispatcher so
    // that cancelling the poll on shutdown cannot cancel a reply being sent.
    OkHttpClient base = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get().newBuilder()
        .addInterceptor(this::watchReachability).build();
    this.httpThreads = Executors.newCachedThreadPool(daemonThreads("herald-bot-http"));
    OkHttpClient sendHttp = base.newBuilder().dispatcher(dispatcher(httpThreads)).build();
    OkHttpClient pollHttp = base.newBuilder().dispatcher(dispatcher(httpThreads)).build();
    this.client = new OkHttpTelegramClient(sendHttp, token, url);
    this.sender = new TelegramSender(client, new SendThrottle(settings.sendsPerSecond(), settings.sendIntervalPerChat(),
        settings.sendsPerMinutePerGroup()), firstBackoff, mask, metrics);
    try {
      this.me = client.execute(new GetMe());
    } catch (TelegramApiRequestException e) {
      if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
        throw new TokenRejectedException("Telegram rejected the bot token (getMe: " + mask.apply(e.getApiResponse())
            + "); check TELEGRAM_BOT_TOKEN");
      }
      throw e;
    }
    this.handler = handlers.create(me.getUserName());
    this.claims = claimsFactory.forBot(me.getId());
    this.orphanSweeper = claims.shared() ? Executors.newSingleThreadScheduledExecutor(daemonThreads("herald-bot-orphans")) : null;
    List<BotCommand> commands = new ArrayList<>();
    for (Map.Entry<String, String> c : BotHandler.commands().entrySet()) {
      commands.add(new BotCommand(c.getKey(), c.getValue()));
    }
    // The command menu is a convenience: a Bot API server that refuses it must not keep the bot from
    // answering, so it is set in the background and retried there until it is accepted.
    this.optionalCalls = Executors.newSingleThreadScheduledExecutor(daemonThreads("herald-bot-optional-calls"));
    OptionalCall setCommands = () -> client.execute(SetMyCommands.builder().commands(commands).build());
    this.workers = new OrderedWorkers("herald-bot-worker", settings.workers(), settings.workers() * 64);
    if (hook != null) {
      this.pollThread = null;
      this.app = null;
      this.session = null;
      this.webhook = new WebhookReceiver(hook, httpThreads, this::consume);
      client.execute(SetWebhook.builder()
          .url(hook.publicUrl().toString())
          .secretToken(hook.secret())
          .allowedUpdates(List.of("message", "inline_query"))
          .build());
      log.info("Herald bot @{} receives updates at {} (listening on {})", me.getUserName(), hook.publicUrl(),
          webhook.address());
      sweepOrphans();
      // Only once started: a start-up that fails leaves no retries behind.
      retryInBackground("setMyCommands", setCommands, Duration.ZERO, firstBackoff, 1);
      return;
    }
    this.webhook = null;
    this.pollThread = Executors.newSingleThreadScheduledExecutor(daemonThreads("herald-bot-poll"));
    this.app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollThread);
    // The first poll of a run sends no offset: Telegram then returns every update it has not had
    // confirmed, whatever its id (after a week without updates the next id is random, possibly lower than
    // any handled before), and the ledger skips those handled already. Later polls confirm what came.
    Function<Integer, GetUpdates> getUpdates = last -> GetUpdates.builder()
        .offset(last > 0 ? last + 1 : null)
        .limit(100)
        .timeout(settings.pollTimeoutSeconds())
        .allowedUpdates(List.of("message", "inline_query"))
        .build();
    this.session = app.registerBot(token, () -> url, getUpdates, this::consumePolled);
    sweepOrphans();
    log.info("Herald bot @{} is polling {} for updates", me.getUserName(), settings.apiUrl());
    if (!session.isRunning()) {
      throw new TelegramApiException("long polling did not start");
    }
    retryInBackground("setMyCommands", setCommands, Duration.ZERO, firstBackoff, 1);
  }

  /**
   * Checks the token with getMe, starts long polling and registers the command menu in the background
   * (retried until accepted, never failing the start); the ledger file lives in {@code stateDir}.
   */
  public static TelegramBot start(TelegramSettings settings, String token, Path stateDir,
      HandlerFactory handlers) throws TelegramApiException, TokenRejectedException, IOException {
    return start(settings, token, stateDir, handlers, Duration.ofMillis(500));
  }

  /** As {@link #start(TelegramSettings, String, Path, HandlerFactory)} with a chosen first retry delay. */
  public static TelegramBot start(TelegramSettings settings, String token, Path stateDir,
      HandlerFactory handlers, Duration firstBackoff) throws TelegramApiException, TokenRejectedException, IOException {
    return start(settings, token, stateDir, handlers, firstBackoff, HeraldMetrics.off());
  }

  /** As {@link #start(TelegramSettings, String, Path, HandlerFactory, Duration)}, counting Bot API requests in {@code metrics}. */
  public static TelegramBot start(TelegramSettings settings, String token, Path stateDir,
      HandlerFactory handlers, Duration firstBackoff, HeraldMetrics metrics)
      throws TelegramApiException, TokenRejectedException, IOException {
    return start(settings, token, ClaimsFactory.ledger(stateDir), handlers, firstBackoff, metrics);
  }

  /** As {@link #start(TelegramSettings, String, Path, HandlerFactory, Duration, HeraldMetrics)} with chosen update claims. */
  public static TelegramBot start(TelegramSettings settings, String token, ClaimsFactory claims,
      HandlerFactory handlers, Duration firstBackoff, HeraldMetrics metrics)
      throws TelegramApiException, TokenRejectedException, IOException {
    return new TelegramBot(settings, token, claims, handlers, firstBackoff, null, metrics);
  }

  /**
   * Checks the token, opens the webhook endpoint and registers it with setWebhook, then registers the
   * command menu in the background; updates then arrive by HTTP instead of long polling.
   */
  public static TelegramBot startWebhook(TelegramSettings settings, String token, Path stateDir,
      HandlerFactory handlers, Webhook hook) throws TelegramApiException, TokenRejectedException, IOException {
    return startWebhook(settings, token, stateDir, handlers, hook, HeraldMetrics.off());
  }

  /** As {@link #startWebhook(TelegramSettings, String, Path, HandlerFactory, Webhook)}, counting requests in {@code metrics}. */
  public static TelegramBot startWebhook(TelegramSettings settings, String token, Path stateDir,
      HandlerFactory handlers, Webhook hook, HeraldMetrics metrics) throws TelegramApiException, TokenRejectedException, IOException {
    return startWebhook(settings, token, ClaimsFactory.ledger(stateDir), handlers, hook, metrics);
  }

  /**
   * As {@link #startWebhook(TelegramSettings, String, Path, HandlerFactory, Webhook, HeraldMetrics)} with chosen
   * update claims: {@link SharedUpdateClaims} for one of several instances behind a load balancer.
   */
  public static TelegramBot startWebhook(TelegramSettings settings, String token, ClaimsFactory claims,
      HandlerFactory handlers, Webhook hook, HeraldMetrics metrics) throws TelegramApiException, TokenRejectedException, IOException {
    return new TelegramBot(settings, token, claims, handlers, Duration.ofMillis(500), hook, metrics);
  }

  /**
   * Why the Bot API was not reachable at the last request (network failure or a 5xx answer), or empty
   * when that request got an answer from it.
   */
  public Optional<String> apiProblem() {
    return Optional.ofNullable(apiProblem);
  }

  // Every request of both clients (sending and long polling) passes here, so the newest one decides.
  private Response watchReachability(Interceptor.Chain chain) throws IOException {
    try {
      Response r = chain.proceed(chain.request());
      apiProblem = r.code() >= 500 ? "the Bot API answered HTTP " + r.code() : null;
      return r;
    } catch (IOException e) {
      if (!stopped) {
        // The message may hold the request url, and with it the token.
        apiProblem = "cannot reach the Bot API: " + mask.apply(e.toString());
      }
      throw e;
    }
  }

  /** Sends a digest to a chat through the same throttled, retrying sender as replies. */
  @Override
  public void deliver(long chatId, boolean group, Answer digest) throws IOException {
    try {
      for (Outgoing o : handler.digestMessages(chatId, group, digest)) {
        sender.send(o);
      }
      metrics.digestDelivery("delivered");
    } catch (TelegramApiException e) {
      metrics.digestDelivery("failed");
      throw new IOException("Telegram did not take the digest: " + mask.apply(String.valueOf(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending a digest");
    }
  }

  /** The webhook endpoint's bound address, or {@code null} when long polling. */
  public InetSocketAddress webhookAddress() {
    return webhook == null ? null : webhook.address();
  }

  /** The bot's username, as getMe reported it. */
  public String username() {
    return me.getUserName();
  }

  // Long polling: a claim that cannot be recorded (state database away) is logged and the update
  // skipped, since throwing would only stop the library's poll loop.
  private void consumePolled(List<Update> updates) {
    try {
      consume(updates);
    } catch (RuntimeException e) {
      log.error("updates not taken in: {}", mask.apply(e.toString()));
    }
  }

  // Webhook: a claim that cannot be recorded throws, so that the endpoint answers 503 and Telegram
  // delivers the update again later, to this or another instance.
  private void consume(List<Update> updates) {
    for (Update u : updates) {
      long key = u.hasMessage() ? u.getMessage().getChatId()
          : u.hasInlineQuery() ? u.getInlineQuery().getFrom().getId() : 0;
      if (stopped) {
        // Not taken: the webhook answers 503 and Telegram delivers it again (to another instance, or after the restart).
        throw new IllegalStateException("the bot is stopping");
      }
      if (!claims.begin(u.getUpdateId(), u.hasMessage() ? key : null, () -> toJson(u))) {
        continue;
      }
      submit(key, u);
    }
  }

  private String toJson(Update u) {
    try {
      return json.writeValueAsString(u);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write update " + u.getUpdateId() + " as JSON", e);
    }
  }

  // Every half second, the updates of instances that died before answering them are taken over and answered here.
  private void sweepOrphans() {
    if (orphanSweeper == null) {
      return;
    }
    orphanSweeper.scheduleWithFixedDelay(() -> {
      if (stopped) {
        return;
      }
      try {
        List<String> orphans = claims.takeOrphans();
        if (!orphans.isEmpty()) {
          log.info("answering {} updates left by an instance that stopped", orphans.size());
        }
        for (String payload : orphans) {
          Update u;
          try {
            u = json.readValue(payload, Update.class);
          } catch (IOException e) {
            // e.g. scrubbed by /forget while its holder was dying: nothing left to answer
            log.warn("an orphaned update could not be read ({}); dropped", e.getClass().getSimpleName());
            continue;
          }
          long key = u.hasMessage() ? u.getMessage().getChatId()
              : u.hasInlineQuery() ? u.getInlineQuery().getFrom().getId() : 0;
          submit(key, u);
        }
      } catch (RuntimeException e) {
        log.warn("looking for orphaned updates failed: {}", mask.apply(e.toString()));
      }
    }, 500, 500, TimeUnit.MILLISECONDS);
  }

  private void submit(long key, Update u) {
    try {
      workers.submit(key, () -> process(u));
    } catch (InterruptedException | RejectedExecutionException e) {
      // Stopping: this update was not answered and is not recorded as done, so the next run (or, with
      // shared claims, another instance) answers it.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void process(Update u) {
    try {
      if (u.hasInlineQuery()) {
        answerInline(u.getInlineQuery());
      } else if (u.hasMessage()) {
        Incoming in = toIncoming(u.getUpdateId(), u.getMessage());
        if (in != null) {
          TelegramDraft draft = new TelegramDraft(new TelegramDraft.Poster() {
            @Override
            public int send(String html) throws Exception {
              return sender.send(new Outgoing(in.chatId(), in.group(), html, in.messageId())).getMessageId();
            }

            @Override
            public void edit(int id, String html) throws Exception {
              sender.edit(new Outgoing(in.chatId(), in.group(), html, in.messageId()), id);
            }
          }, DRAFT_INTERVAL, System::nanoTime);
          List<Outgoing> replies = handler.handle(in, () -> sender.typing(in.chatId()), draft);
          try {
            for (int i = 0; i < replies.size(); i++) {
              // the verified answer replaces the draft the reader watched grow; further parts follow it
              if (i == 0 && draft.messageId() != null && replies.get(0).photo() == null) {
                sender.edit(replies.get(0), draft.messageId());
              } else {
                sender.send(replies.get(i));
              }
            }
          } catch (TelegramApiRequestException e) {
            // Telegram refused the reply itself (e.g. 400): say sorry in plain text rather than nothing.
            log.error("update {}: reply refused: {}", u.getUpdateId(), mask.apply(e.getMessage()));
            sender.send(new Outgoing(in.chatId(), in.group(),
                "Sorry, I could not send that answer. Please try again or ask differently.", in.messageId()));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TelegramApiException | IOException | RuntimeException e) {
      log.error("update {} failed: {}", u.getUpdateId(), mask.apply(e.toString()));
    } finally {
      try {
        claims.done(u.getUpdateId());
      } catch (RuntimeException e) {
        log.error("update {} answered but not recorded as done: {}", u.getUpdateId(), mask.apply(e.toString()));
      }
    }
  }

  private void answerInline(InlineQuery q) throws IOException, TelegramApiException, InterruptedException {
    String html = handler.inlineAnswer(q.getFrom().getId(), q.getQuery());
    AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> answer = AnswerInlineQuery.builder()
        .inlineQueryId(q.getId()).cacheTime(60).isPersonal(false);
    if (html != null) {
      answer.result(InlineQueryResultArticle.builder()
          .id("answer")
          .title(q.getQuery().strip())
          .description("Answer with sources")
          .inputMessageContent(InputTextMessageContent.builder().messageText(html).parseMode("HTML").build())
          .build());
    } else {
      answer.results(List.of());
    }
    sender.execute(answer.build());
  }

  private Incoming toIncoming(long updateId, Message m) {
    String type = m.getChat().getType();
    if (!"private".equals(type) && !"group".equals(type) && !"supergroup".equals(type)) {
      return null;
    }
    if (m.getFrom() != null && Boolean.TRUE.equals(m.getFrom().getIsBot())) {
      return null;
    }
    Message r = m.getReplyToMessage();
    boolean replyToBot = r != null && r.getFrom() != null && me.getId().equals(r.getFrom().getId());
    long user = m.getFrom() == null ? m.getChatId() : m.getFrom().getId();
    return new Incoming(updateId, m.getChatId(), !"private".equals(type), user, m.getMessageId(),
        m.hasText() ? m.getText() : null, replyToBot);
  }

  /** A Bot API call worth making but not worth failing the start-up for. */
  @FunctionalInterface
  private interface OptionalCall {
    void run() throws TelegramApiException;
  }

  // Runs {@code call} after {@code delay} on the background thread and, after each failure, again: the
  // delay doubles from the first backoff up to MAX_OPTIONAL_BACKOFF (longer when a 429 asks for it),
  // until the call succeeds or the bot stops.
  private void retryInBackground(String method, OptionalCall call, Duration delay, Duration backoff, int attempt) {
    Runnable task = () -> {
      if (stopped) {
        return;
      }
      try {
        call.run();
        metrics.telegramRequest(method, "ok");
        if (attempt > 1) {
          log.info("{} succeeded at attempt {}", method, attempt);
        }
      } catch (TelegramApiException e) {
        Duration wait = backoff;
        String outcome = "network";
        if (e instanceof TelegramApiRequestException r) {
          Integer code = r.getErrorCode();
          outcome = code == null || code >= 500 ? "server_error" : code == 429 ? "too_many_requests" : "client_error";
          if (r.getParameters() != null && r.getParameters().getRetryAfter() != null) {
            wait = max(wait, Duration.ofSeconds(r.getParameters().getRetryAfter()));
          }
        }
        metrics.telegramRequest(method, outcome);
        // One line, masked: the message of a network failure can hold the request url, and so the token.
        log.warn("{} failed (attempt {}): {}; running without it, retrying in {} ms", method, attempt,
            mask.apply(String.valueOf(e.getMessage())), wait.toMillis());
        retryInBackground(method, call, wait, min(backoff.multipliedBy(2), MAX_OPTIONAL_BACKOFF), attempt + 1);
      }
    };
    try {
      optionalCalls.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping: nothing left to retry for.
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Stops polling, finishes the replies in flight (up to {@code grace}) and releases the threads. */
  public void stop(Duration grace) throws InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    optionalCalls.shutdownNow();
    if (orphanSweeper != null) {
      orphanSweeper.shutdownNow();
    }
    if (webhook != null && claims.shared()) {
      // The other instances still serve the webhook: leaving must not unregister it.
      webhook.close();
    } else if (webhook != null) {
      try {
        // Unregister first so that Telegram keeps new updates for the next instance instead of failing them here.
        client.execute(new DeleteWebhook());
      } catch (TelegramApiException e) {
        log.warn("deleteWebhook failed: {}", mask.apply(e.getMessage()));
      }
      webhook.close();
    } else {
      session.stop();
      try {
        app.close();
      } catch (Exception e) {
        log.warn("stopping long polling: {}", mask.apply(e.toString()));
      }
      // A long poll still in progress is left to time out on its daemon thread: cancelling it would only
      // log a spurious error, and updates it may still bring are skipped (stopped) and stay unconfirmed.
      pollThread.shutdown();
    }
    if (!workers.drain(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn("some replies were still being sent after {} s", grace.toSeconds());
    }
    httpThreads.shutdown();
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }

  private static TelegramUrl telegramUrl(String apiUrl) {
    URI u = URI.create(apiUrl);
    if (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) {
      throw new IllegalArgumentException("telegram.api-url cannot have a path: " + apiUrl);
    }
    boolean https = "https".equals(u.getScheme());
    int port = u.getPort() > 0 ? u.getPort() : https ? 443 : 80;
    return new TelegramUrl(u.getScheme(), u.getHost(), port, false);
  }

  private static Dispatcher dispatcher(ExecutorService threads) {
    Dispatcher d = new Dispatcher(threads);
    d.setMaxRequestsPerHost(64);
    return d;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

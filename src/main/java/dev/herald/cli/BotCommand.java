package dev.herald.cli;

import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.TelegramBot;
import dev.herald.bot.telegram.TokenRejectedException;
import dev.herald.config.HeraldConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code herald bot}: runs the Telegram bot by long polling until SIGTERM or Ctrl-C. */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = {"Run the Telegram bot (long polling). The token comes from TELEGRAM_BOT_TOKEN;",
        "the Bot API url from telegram.api-url in config/herald.yaml or TELEGRAM_API_URL."})
final class BotCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Override
  public Integer call() throws Exception {
    String token = root.env.get("TELEGRAM_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      throw new UsageException("bot: TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token");
    }
    HeraldConfig c = root.loadConfig();
    TelegramSettings settings = c.telegram();
    CountDownLatch stop = new CountDownLatch(1);
    try (Herald herald = root.openForQuestions(c)) {
      TelegramBot bot;
      try {
        bot = TelegramBot.start(settings, token.strip(), c.dataDir().resolve("bot"),
            name -> new BotHandler(herald, settings, name, root.clock));
      } catch (TokenRejectedException e) {
        throw new UsageException("bot: " + e.getMessage());
      } catch (TelegramApiException e) {
        throw new UsageException("bot: cannot reach the Bot API at " + settings.apiUrl() + " ("
            + e.getMessage().replace(token.strip(), "<token>") + ")");
      }
      root.spec.commandLine().getErr().println("herald: bot @" + bot.username() + " is running; stop it with Ctrl-C or SIGTERM");
      onTermination(stop);
      stop.await();
      bot.stop(Duration.ofSeconds(30));
    }
    return 0;
  }

  /** Turns SIGTERM and SIGINT into a clean stop, so that in-flight replies finish and the exit code is 0. */
  @SuppressWarnings("sunapi")
  private static void onTermination(CountDownLatch stop) {
    sun.misc.SignalHandler handler = signal -> stop.countDown();
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
  }
}

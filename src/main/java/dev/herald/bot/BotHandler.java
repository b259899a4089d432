package dev.herald.bot;

import dev.herald.Herald;
import dev.herald.answer.Answer;
import dev.herald.answer.ComposedAnswer;
import dev.herald.answer.StoryLookup;
import dev.herald.answer.UpdateComposer;
import dev.herald.question.Intent;
import dev.herald.question.RoutedQuestion;
import dev.herald.chart.Trend;
import dev.herald.chart.TrendChart;
import dev.herald.digest.Subscriptions;
import dev.herald.store.Subscription;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import dev.herald.index.Passage;
import dev.herald.ingest.FeedAdmin;
import dev.herald.ingest.FeedStatus;
import dev.herald.ingest.FetchException;
import dev.herald.ingest.Source;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.SearchRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one incoming message into the replies to send, with no knowledge of Telegram's transport:
 * decides whether the message is for the bot, checks access and the rate limit, runs the command or
 * answers the question, and formats the reply. The one place where a failure to answer becomes an
 * apology (the adapter only apologises when Telegram refuses to deliver a reply).
 */
public final class BotHandler {

  /** Questions longer than this are cut. */
  public static final int MAX_QUESTION = 2000;

  private static final Logger log = LoggerFactory.getLogger(BotHandler.class);
  private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\\s+(.*))?$", Pattern.DOTALL);
  private static final int LATEST_COUNT = 8;
  private static final Pattern SCHEDULE_TAIL = Pattern.compile(
      "(?i)^(.+?)\\s+(hourly|daily\\s+\\d{1,2}:\\d{2}|weekly\\s+[a-z]+\\s+\\d{1,2}:\\d{2})$");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  // A trend without its own "since" covers this much; long enough to show how a story grew.
  private static final Duration TREND_WINDOW = Duration.ofDays(30);
  private static final int TREND_DEVELOPMENTS = 6;

  private final Herald herald;
  private final TelegramSettings settings;
  private final String botUsername;
  private final Clock clock;
  private final ReplyFormatter format;
  private final HtmlSplitter splitter = new HtmlSplitter(HtmlSplitter.TELEGRAM_LIMIT);
  private final RateLimiter limiter;
  private final ChatMemory memory;
  private final Pattern mention;
  private final FeedAdmin feeds;
  private final TokenBudget budget;
  private final Subscriptions subscriptions;
  private final StoryLookup stories;

  /** Creates a handler answering from {@code herald} as the bot named {@code botUsername} (without the @). */
  public BotHandler(Herald herald, TelegramSettings settings, String botUsername, Clock clock) {
    this(herald, settings, botUsername, clock, null);
  }

  /**
   * Creates a handler that also lets admins manage news sources through {@code feeds} ({@code /feeds},
   * {@code /addfeed}, {@code /removefeed}); {@code feeds} is {@code null} when the bot ingests nothing.
   */
  public BotHandler(Herald herald, TelegramSettings settings, String botUsername, Clock clock, FeedAdmin feeds) {
    this(herald, settings, botUsername, clock, feeds, null, StoryLookup.NONE);
  }

  /**
   * Creates a handler that also keeps chat state in the state database behind {@code subscriptions}
   * (digests, time zones, conversation memory, topics asked about), or in this process only when it is
   * {@code null}; {@code stories} counts the outlets that carried a story.
   */
  public BotHandler(Herald herald, TelegramSettings settings, String botUsername, Clock clock, FeedAdmin feeds,
      Subscriptions subscriptions, StoryLookup stories) {
    this.subscriptions = subscriptions;
    this.stories = stories;
    this.feeds = feeds;
    this.herald = herald;
    this.budget = new TokenBudget(herald.config().llm().dailyTokensPerUser(), clock,
        subscriptions == null ? null : subscriptions.store());
    this.settings = settings;
    this.botUsername = botUsername;
    this.clock = clock;
    this.format = new ReplyFormatter(herald.config().zone());
    this.limiter = new RateLimiter(settings.questionsPerMinute(), clock, subscriptions == null ? null : subscriptions.store());
    this.memory = subscriptions == null
        ? new ChatMemory(settings.followUpExpiry(), clock)
        : new ChatMemory(settings.followUpExpiry(), clock, subscriptions.store());
    this.mention = Pattern.compile("@" + Pattern.quote(botUsername) + "\\b", Pattern.CASE_INSENSITIVE);
  }

  /** The commands the bot offers, with their one-line descriptions, for the client's command menu. */
  public static Map<String, String> commands() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("ask", "Answer a question with cited sources");
    c.put("latest", "What's new on a topic, or the newest articles");
    c.put("who", "What someone said, or who said a quote");
    c.put("trend", "A chart of how a story grew: /trend TOPIC [since DATE]");
    c.put("sources", "The outlets Herald knows");
    c.put("subscribe", "A cited digest on a topic: /subscribe TOPIC daily 08:00");
    c.put("unsubscribe", "Stop a digest: /unsubscribe TOPIC");
    c.put("subscriptions", "Your digests and when they come");
    c.put("timezone", "Your time zone for digests, e.g. Europe/Kyiv");
    c.put("forget", "Delete everything Herald keeps about this chat");
    c.put("start", "What Herald is and what it knows");
    c.put("help", "How to use Herald");
    return c;
  }

  /** Admin-only commands, left out of the public command menu. */
  public static Map<String, String> adminCommands() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("feeds", "News sources with last success, article counts and errors");
    c.put("addfeed", "Add a news feed: /addfeed URL");
    c.put("removefeed", "Remove a news feed: /removefeed URL");
    return c;
  }

  /**
   * Returns the replies to {@code in}, none when the message is not for the bot; {@code typing} is run
   * once before a slow answer is composed.
   */
  public List<Outgoing> handle(Incoming in, Runnable typing) {
    return handle(in, typing, Draft.NONE);
  }

  /**
   * Returns the replies to {@code in} like {@link #handle(Incoming, Runnable)}; with a streaming language
   * model the answer is shown growing on {@code draft} meanwhile (never with its citations: those appear
   * only in the verified replies).
   */
  public List<Outgoing> handle(Incoming in, Runnable typing, Draft draft) {
    Tally tally = new Tally();
    long start = System.nanoTime();
    try {
      return respond(in, typing, draft, tally);
    } catch (IOException | RuntimeException e) {
      log.error("failed to answer update {} in chat {}", in.updateId(), in.chatId(), e);
      tally.outcome = "error";
      return reply(in, "Sorry, something went wrong while answering. Please try again in a moment.");
    } finally {
      if (tally.intent != null) {
        herald.metrics().question(tally.intent, tally.outcome, Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  /**
   * What kind of question a message was and how it ended, for the metrics; {@code intent} stays null
   * for commands that are not questions. Both are words from a fixed list, never the message's text.
   */
  private static final class Tally {
    String intent;
    String outcome = "answered";

    void of(Answer a) {
      outcome = a.abstained() ? "abstained" : "answered";
    }
  }

  /** Returns the answer to an inline query as HTML, or {@code null} when there is nothing to offer. */
  public String inlineAnswer(long userId, String query) throws IOException {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty() || !allowed(userId, userId)) {
      return null;
    }
    if (!limiter.acquire(userId).isZero() && !settings.admins().contains(userId)) {
      return null;
    }
    Answer a = herald.ask(cut(q), clock.instant());
    return a.abstained() ? null : splitter.split(format.answer(a)).get(0);
  }

  private List<Outgoing> respond(Incoming in, Runnable typing, Draft draft, Tally tally) throws IOException {
    if (in.text() == null) {
      return in.group() && !in.replyToBot() ? List.of()
          : reply(in, "I can only read text: please write your question as a message.");
    }
    String text = in.text().strip();
    Matcher cmd = COMMAND.matcher(text);
    String command;
    String args;
    if (cmd.matches()) {
      if (cmd.group(2) != null && !cmd.group(2).equalsIgnoreCase(botUsername)) {
        return List.of();
      }
      command = cmd.group(1).toLowerCase(Locale.ROOT);
      args = cmd.group(3) == null ? "" : mention.matcher(cmd.group(3)).replaceAll("").strip();
      if (!commands().containsKey(command) && !adminCommands().containsKey(command)) {
        return in.group() && cmd.group(2) == null ? List.of() : reply(in, "I don't know that command. See /help.");
      }
    } else {
      boolean mentioned = mention.matcher(text).find();
      if (in.group() && !mentioned && !in.replyToBot()) {
        return List.of();
      }
      command = "question";
      args = mention.matcher(text).replaceAll(" ").strip();
    }
    if (List.of("ask", "question", "who", "latest", "trend").contains(command)) {
      tally.intent = command.equals("ask") ? "question" : command;
    }
    if (!allowed(in.userId(), in.chatId())) {
      tally.outcome = "refused";
      return reply(in, "Sorry, this bot is private: you are not on its list of users.");
    }
    if (adminCommands().containsKey(command)) {
      return reply(in, admin(command, args, in.userId()));
    }
    switch (command) {
      case "start":
        return reply(in, format.start(herald.stats()));
      case "help":
        return reply(in, format.help());
      case "sources":
        return reply(in, format.sources(herald.sources()));
      case "subscribe", "unsubscribe", "subscriptions", "timezone":
        return reply(in, digestCommand(command, args, in));
      case "forget":
        return reply(in, forget(in.chatId()));
      default:
        break;
    }
    if (command.equals("trend") && args.isEmpty()) {
      tally.intent = null;
      return reply(in, "Which topic? E.g. <i>/trend Ukraine talks</i> or <i>/trend AI since 1 October</i>.");
    }
    if ((command.equals("ask") || command.equals("question") || command.equals("who")) && args.isEmpty()) {
      tally.intent = null;
      return reply(in, command.equals("who")
          ? "Tell me whom or what quote to look for, e.g. <i>/who Zelensky</i> or <i>/who \"we will not give up\"</i>."
          : "What would you like to know? E.g. <i>/ask Where did the leaders meet?</i>");
    }
    Duration wait = settings.admins().contains(in.userId()) ? Duration.ZERO : limiter.acquire(in.userId(), in.chatId());
    if (!wait.isZero()) {
      tally.outcome = "rate_limited";
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      return reply(in, "You are asking faster than I answer (" + settings.questionsPerMinute()
          + " questions a minute). Please try again in " + seconds + " s.");
    }
    typing.run();
    String note = args.length() > MAX_QUESTION
        ? "<i>Your question was cut to " + MAX_QUESTION + " characters.</i>\n\n" : "";
    String question = cut(args);
    Instant now = clock.instant();
    if (command.equals("trend")) {
      return trend(in, question, tally);
    }
    if (command.equals("latest") && question.isEmpty()) {
      return reply(in, note + format.latest(null, latest(question)));
    }
    // "/latest X since Monday" is read like "latest on X since Monday", so its time words set the window.
    String asked = switch (command) {
      case "latest" -> "latest on " + question;
      case "who" -> whoQuestion(question);
      default -> question;
    };
    boolean conversational = command.equals("question") || command.equals("ask");
    RoutedQuestion routed = herald.route(asked, conversational ? memory.previous(in.chatId()) : null, now);
    if (command.equals("latest") && !(routed.intent() instanceof Intent.Latest)) {
      routed = new RoutedQuestion(asked, asked, new Intent.Latest(question, null), false, null);
    }
    memory.remember(in.chatId(), routed.question());
    String html;
    if (!command.equals("latest") && !command.equals("who")) {
      // The metrics count questions by their routed intent.
      tally.intent = routed.intent() instanceof Intent.Fact ? "question" : routed.intent().name();
    }
    if (routed.intent() instanceof Intent.Latest || routed.intent() instanceof Intent.Timeline) {
      Answer a = updates(in.chatId(), command.equals("latest") ? "/latest " + question : routed.question(), routed.intent());
      tally.of(a);
      // Nothing new in the window (or nothing on the topic at all): after the latest developments, still
      // list the newest articles that mention the topic's words.
      boolean nothingNew = a.abstained() || a.text().lines().anyMatch(l -> l.startsWith(UpdateComposer.NOTHING_NEW));
      html = nothingNew && command.equals("latest")
          ? (a.abstained() ? Html.escape(a.text()) : format.answer(a)) + "\n\n" + format.latest(question, latest(question))
          : format.answer(a);
      if (routed.intent() instanceof Intent.Timeline timeline && !a.abstained()) {
        // A timeline is also drawn: the text, then the chart of how the topic grew (its caption cites the
        // developments it numbers), as /trend sends it.
        List<Outgoing> out = new ArrayList<>(reply(in, note + html));
        timelineChart(in, timeline.topic()).ifPresent(out::add);
        return out;
      }
    } else {
      html = answer(in.userId(), in.chatId(), routed, draft, tally);
    }
    return reply(in, note + html);
  }

  /** The chart of {@code topic} over the last {@link #TREND_WINDOW}, or empty when there is nothing to draw. */
  private Optional<Outgoing> timelineChart(Incoming in, String topic) {
    Instant now = clock.instant();
    try {
      Trend t = Trend.of(herald.updates(), topic, now.minus(TREND_WINDOW), now, zoneOf(in.chatId()), stories, TREND_DEVELOPMENTS);
      return t.articles() == 0 ? Optional.empty() : Optional.of(chart(in, t));
    } catch (IOException | RuntimeException e) {
      // The timeline itself has gone out; a chart that cannot be drawn is only logged.
      log.warn("timeline chart not drawn: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Answers with the configured composer, within the user's daily token budget for a language model. */
  private String answer(long userId, long chatId, RoutedQuestion question, Draft draft, Tally tally) throws IOException {
    Instant now = clock.instant();
    if (budget.spent(userId)) {
      Answer a = herald.answerExtractive(question, now, null, stories);
      tally.outcome = a.abstained() ? "abstained" : "fallback";
      return "<i>You have used today's " + budget.limit() + " tokens of AI-written answers; until midnight UTC "
          + "answers are quoted directly from the sources.</i>\n\n" + format.answer(a);
    }
    ComposedAnswer a = herald.answerStreaming(question, now, null, stories, partial -> draft.show(Html.escape(partial) + " …"));
    tally.of(a.answer());
    if (!a.answer().abstained() && a.verification() != null && a.verification().fallback()) {
      tally.outcome = "fallback";
    }
    if (a.usage() != null && a.usage().total() != null) {
      budget.add(userId, chatId, a.usage().total());
    }
    return format.answer(a.answer());
  }

  /**
   * Draws how coverage of a topic grew ("TOPIC [since …]"; the last {@link #TREND_WINDOW} by default) and
   * returns it as a photo whose caption cites the key developments; a text reply when there is nothing to draw.
   */
  private List<Outgoing> trend(Incoming in, String args, Tally tally) throws IOException {
    Instant now = clock.instant();
    // Read like "latest on TOPIC since …", so /trend understands the same time words as /latest.
    Intent routed = args.isBlank() ? null : herald.route("latest on " + args, null, now).intent();
    Optional<Intent.Latest> q = routed instanceof Intent.Latest l ? Optional.of(l) : Optional.empty();
    if (q.isEmpty()) {
      tally.intent = null;
      return reply(in, "Which topic? E.g. <i>/trend Ukraine talks</i> or <i>/trend AI since 1 October</i>.");
    }
    Instant since = q.get().since() != null ? q.get().since() : now.minus(TREND_WINDOW);
    ZoneId zone = zoneOf(in.chatId());
    Trend t;
    try {
      t = Trend.of(herald.updates(), q.get().topic(), since, now, zone, stories, TREND_DEVELOPMENTS);
    } catch (IllegalArgumentException e) {
      tally.outcome = "abstained";
      return reply(in, Html.escape(e.getMessage()) + ". Try a shorter window, e.g. <i>/trend "
          + Html.escape(q.get().topic()) + " since 1 October</i>.");
    }
    if (t.articles() == 0) {
      tally.outcome = "abstained";
      return reply(in, "I have no articles on <b>" + Html.escape(q.get().topic()) + "</b> since "
          + Html.escape(MOMENT.format(since.atZone(zone))) + ", so there is nothing to chart.");
    }
    return List.of(chart(in, t));
  }

  /** The trend chart {@code t} as a photo in reply to {@code in}, its caption citing the developments it numbers. */
  private Outgoing chart(Incoming in, Trend t) throws IOException {
    return new Outgoing(in.chatId(), in.group(), format.trendCaption(t), in.messageId(), TrendChart.png(t));
  }

  /** The zone a chat reads its times in: its own (/timezone) when the bot keeps state, else the configured one. */
  private ZoneId zoneOf(long chat) {
    return subscriptions == null ? herald.config().zone() : subscriptions.zoneOf(chat);
  }

  /**
   * Answers a latest or timeline intent; "what's new" without its own "since" covers what is new since
   * the chat last asked about the topic, else the default window, and falls back to the newest developments.
   */
  private Answer updates(long chat, String question, Intent intent) throws IOException {
    Instant now = clock.instant();
    String topic = intent instanceof Intent.Latest l ? l.topic() : ((Intent.Timeline) intent).topic();
    String key = herald.updates().topicKey(topic);
    Optional<Instant> lastAsked = subscriptions == null ? Optional.empty() : subscriptions.store().lastAsked(chat, key);
    Instant since = lastAsked.orElse(now.minus(herald.config().digest().defaultWindow()));
    ZoneId zone = zoneOf(chat);
    Answer a = herald.updates().answer(question, intent, since, now, zone, stories);
    if (subscriptions != null && intent instanceof Intent.Latest) {
      subscriptions.store().asked(chat, key, now);
    }
    return a;
  }

  private String digestCommand(String command, String args, Incoming in) {
    if (subscriptions == null) {
      return "This bot keeps no state, so it cannot send digests.";
    }
    try {
      switch (command) {
        case "subscribe": {
          if (args.isBlank()) {
            return "Which topic? E.g. <i>/subscribe Ukraine talks daily 08:00</i>, <i>/subscribe AI hourly</i> or "
                + "<i>/subscribe climate weekly mon 09:00</i>.";
          }
          String[] topicAndSchedule = splitSchedule(args);
          Subscription s = subscriptions.subscribe(in.chatId(), in.group(), topicAndSchedule[0], topicAndSchedule[1]);
          return "Subscribed to <b>" + Html.escape(s.topic()) + "</b>, " + Html.escape(s.schedule()) + " ("
              + zoneName(in.chatId()) + "). The first digest comes " + moment(s.nextDue(), in.chatId())
              + "; each holds only what is new since the one before. Stop it with <i>/unsubscribe "
              + Html.escape(s.topic()) + "</i>.";
        }
        case "unsubscribe":
          if (args.isBlank()) {
            return "Which topic? See /subscriptions.";
          }
          return subscriptions.unsubscribe(in.chatId(), args)
              ? "Unsubscribed from <b>" + Html.escape(args.strip()) + "</b>."
              : "This chat has no subscription to <b>" + Html.escape(args.strip()) + "</b>. See /subscriptions.";
        case "subscriptions": {
          List<Subscription> list = subscriptions.list(in.chatId());
          if (list.isEmpty()) {
            return "No subscriptions yet. Try <i>/subscribe Ukraine talks daily 08:00</i>.";
          }
          StringBuilder b = new StringBuilder("<b>Your digests</b> (" + zoneName(in.chatId()) + ")");
          for (Subscription s : list) {
            b.append("\n• ").append(Html.escape(s.topic())).append(" — ").append(Html.escape(s.schedule()))
                .append(", next ").append(moment(s.nextDue(), in.chatId()));
          }
          return b.toString();
        }
        default: {
          if (args.isBlank()) {
            return "Your time zone is " + zoneName(in.chatId()) + ". Set it with an IANA name, e.g. <i>/timezone Europe/Kyiv</i>.";
          }
          ZoneId zone = subscriptions.setZone(in.chatId(), args);
          return "Time zone set to " + Html.escape(zone.getId()) + "; your digests now follow it.";
        }
      }
    } catch (IllegalArgumentException e) {
      return Html.escape(e.getMessage());
    }
  }

  /** Splits "TOPIC [daily HH:MM | hourly | weekly DAY HH:MM]" into topic and schedule (empty when absent). */
  private static String[] splitSchedule(String args) {
    Matcher m = SCHEDULE_TAIL.matcher(args.strip());
    return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {args.strip(), ""};
  }

  private String forget(long chat) {
    int rows = subscriptions == null ? 0 : subscriptions.store().forget(chat);
    memory.forget(chat);
    return "Done: I deleted everything I kept about this chat (" + rows + " stored records: conversation memory, "
        + "topics asked about, subscriptions, time zone and digest delivery log).";
  }

  private String zoneName(long chat) {
    return Html.escape(subscriptions.zoneOf(chat).getId());
  }

  private String moment(Instant t, long chat) {
    return MOMENT.format(t.atZone(subscriptions.zoneOf(chat)));
  }

  /** The digest as messages to a chat, formatted and split like any reply. */
  public List<Outgoing> digestMessages(long chatId, boolean group, Answer digest) {
    List<Outgoing> out = new ArrayList<>();
    for (String part : splitter.split(format.answer(digest))) {
      out.add(new Outgoing(chatId, group, part, null));
    }
    return out;
  }

  private String admin(String command, String args, long userId) {
    if (!settings.admins().contains(userId)) {
      return "Only the bot's admins can manage its news sources.";
    }
    if (feeds == null) {
      return "This bot does not ingest news sources.";
    }
    switch (command) {
      case "feeds": {
        List<FeedStatus> list = feeds.list();
        if (list.isEmpty()) {
          return "No news sources yet. Add one with <i>/addfeed URL</i>.";
        }
        StringBuilder b = new StringBuilder("<b>News sources</b>");
        for (FeedStatus f : list) {
          b.append("\n• ").append(Html.escape(f.line()));
        }
        return b.toString();
      }
      case "addfeed":
        if (args.isBlank()) {
          return "Which feed? E.g. <i>/addfeed https://example.org/rss.xml</i>";
        }
        try {
          Source added = feeds.add(args.strip(), "telegram:" + userId);
          return "Added " + Html.escape(added.location()) + ". It is fetched on the next poll.";
        } catch (FetchException e) {
          return "Not added: " + Html.escape(e.getMessage());
        }
      default:
        if (args.isBlank()) {
          return "Which feed? E.g. <i>/removefeed https://example.org/rss.xml</i>";
        }
        return Html.escape(feeds.remove(args.strip()));
    }
  }

  private static String cut(String question) {
    return question.length() <= MAX_QUESTION ? question : question.substring(0, MAX_QUESTION);
  }

  private static String whoQuestion(String nameOrQuote) {
    boolean quote = nameOrQuote.matches("(?s).*[\"“”«»'‘’].*") || nameOrQuote.split("\\s+").length > 4;
    return quote ? "who said " + nameOrQuote : "what did " + nameOrQuote + " say";
  }

  private List<Passage> latest(String topic) throws IOException {
    if (topic.isEmpty()) {
      return herald.newest(LATEST_COUNT, clock.instant());
    }
    Map<String, Passage> byArticle = new LinkedHashMap<>();
    for (ScoredPassage sp : herald.search(SearchRequest.of(topic, 40, clock.instant())).passages()) {
      byArticle.putIfAbsent(sp.passage().articleId(), sp.passage());
    }
    List<Passage> articles = new ArrayList<>(byArticle.values());
    articles.sort(Comparator.comparing(Passage::published).reversed());
    return articles.subList(0, Math.min(LATEST_COUNT, articles.size()));
  }

  private boolean allowed(long user, long chat) {
    if (settings.allowedUsers().isEmpty() && settings.allowedChats().isEmpty()) {
      return true;
    }
    return settings.admins().contains(user) || settings.allowedUsers().contains(user) || settings.allowedChats().contains(chat);
  }

  private List<Outgoing> reply(Incoming in, String html) {
    List<Outgoing> out = new ArrayList<>();
    for (String part : splitter.split(html)) {
      out.add(new Outgoing(in.chatId(), in.group(), part, in.messageId()));
    }
    return out;
  }
}

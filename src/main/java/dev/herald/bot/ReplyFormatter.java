package dev.herald.bot;

import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.answer.Development;
import dev.herald.chart.Trend;
import dev.herald.index.IndexStats;
import dev.herald.index.Passage;
import dev.herald.index.SourceStats;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders answers and listings as Telegram HTML; every piece of dynamic text is escaped here. */
public final class ReplyFormatter {

  private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;

  /** Creates a formatter that shows dates in {@code zone}. */
  public ReplyFormatter(ZoneId zone) {
    this.zone = zone;
  }

  /** The answer with each {@code [n]} linked to its source, closed by a compact source list. */
  public String answer(Answer a) {
    Map<Integer, Citation> byNumber = new HashMap<>();
    for (Citation c : a.citations()) {
      byNumber.put(c.n(), c);
    }
    // Escaping leaves the brackets and digits alone, so markers can be found in the escaped text.
    Matcher m = MARKER.matcher(Html.escape(a.text()));
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      Citation c = byNumber.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(b, Matcher.quoteReplacement(c == null ? m.group() : Html.link(c.url(), m.group())));
    }
    m.appendTail(b);
    if (!a.citations().isEmpty()) {
      b.append("\n\n");
      for (Citation c : a.citations()) {
        b.append('[').append(c.n()).append("] ").append(Html.link(c.url(), c.source())).append(", ")
            .append(day(c.published())).append(" · <i>").append(Html.escape(c.title())).append("</i>\n");
      }
    }
    return b.toString().strip();
  }

  /** The newest articles, newest first, each with date and link. */
  public String latest(String topic, List<Passage> articles) {
    if (articles.isEmpty()) {
      return topic == null ? "The index is empty: there is no news yet."
          : "I found no articles about <b>" + Html.escape(topic) + "</b>.";
    }
    StringBuilder b = new StringBuilder(topic == null ? "<b>Latest articles</b>\n"
        : "<b>Latest on " + Html.escape(topic) + "</b>\n");
    int n = 1;
    for (Passage p : articles) {
      b.append('\n').append(n++).append(". ").append(Html.link(p.url(), p.title())).append(" — ")
          .append(Html.escape(p.source())).append(", ").append(day(p.published()));
    }
    return b.toString();
  }

  /** The outlets with their article counts and newest article dates. */
  public String sources(List<SourceStats> sources) {
    if (sources.isEmpty()) {
      return "The index is empty: no sources yet.";
    }
    StringBuilder b = new StringBuilder("<b>Sources</b> (articles, newest)\n");
    for (SourceStats s : sources) {
      b.append('\n').append(Html.escape(s.source())).append(": ").append(s.articles()).append(", ")
          .append(day(s.newest()));
    }
    return b.toString();
  }

  /** The welcome: what Herald is and what it knows. */
  public String start(IndexStats stats) {
    String knows = stats.articles() == 0 ? "My index is empty for now."
        : "I know " + stats.articles() + " articles; the newest is from " + day(stats.newest()) + ".";
    return "<b>Herald</b> answers questions about the news with quotes from its articles, and links every "
        + "claim to its source.\n\n" + knows + "\n\nAsk me anything, e.g. <i>Where did the leaders meet?</i> "
        + "or see /help.";
  }

  /** The command list. */
  public String help() {
    return """
        <b>Ask me about the news.</b> In a private chat just write your question; in a group mention me or reply to me.

        /ask QUESTION — answer a question with cited sources
        /latest [TOPIC] — what's new on a topic, dated and cited (or the newest articles)
        /who NAME or "QUOTE" — what someone said, or who said a quote
        /trend TOPIC [since DATE] — a chart of how a story grew, with its key developments
        /sources — the outlets I know, with article counts and freshness
        /start — what Herald is and how fresh its news is
        /subscribe TOPIC [daily HH:MM | hourly | weekly DAY HH:MM] — a cited digest of what is new
        /unsubscribe TOPIC — stop a digest
        /subscriptions — your digests and when they come
        /timezone ZONE — your time zone for digests, e.g. Europe/Kyiv (default UTC)
        /forget — delete everything I keep about this chat
        /help — this list

        Ask <i>What's new on the Ukraine talks since Monday?</i> or <i>Timeline of the Budapest summit</i> for dated updates.
        A short follow-up such as <i>and what did Russia say?</i> is read in the context of your previous question.""";
  }

  /**
   * The caption of a trend chart: what it counts, then each key development (numbered as on the chart)
   * with its date, its best sentence and a link to its first source; lines that would pass Telegram's
   * caption limit are left out.
   */
  public String trendCaption(Trend t) {
    String days = DAY.format(t.days().get(0)) + " – " + DAY.format(t.days().get(t.days().size() - 1));
    long outlets = t.perOutlet().keySet().stream().filter(o -> !o.equals(Trend.OTHER)).count();
    // A topic can be as long as a question (2,000 characters): shortened, the caption keeps room for the developments.
    String head = t.articles() + (t.articles() == 1 ? " article" : " articles") + " on " + shorten(t.topic(), 120) + ", " + days + " ("
        + t.zoneName() + "), from " + (outlets < t.perOutlet().size() ? "more than " + outlets : String.valueOf(outlets))
        + (outlets == 1 ? " outlet." : " outlets.");
    StringBuilder html = new StringBuilder("<b>Trend</b>: ").append(Html.escape(head));
    // Telegram counts the caption's characters after its HTML is parsed: count the visible text alongside.
    int visible = "Trend: ".length() + head.length();
    int n = 1;
    for (Development d : t.developments()) {
      Citation c = d.citations().get(0);
      String summary = shorten(d.summary(), 160);
      String reported = d.outlets().size() > 1 ? " (" + d.outlets().size() + " outlets)" : "";
      String line = "\n" + n + ". " + DAY.format(d.date().atZone(t.zone())) + ": " + summary + " — " + c.source() + reported;
      if (visible + line.length() > Outgoing.CAPTION_LIMIT) {
        break;
      }
      visible += line.length();
      html.append("\n").append(n).append(". ").append(DAY.format(d.date().atZone(t.zone()))).append(": ")
          .append(Html.escape(summary)).append(" — ").append(Html.link(c.url(), c.source())).append(Html.escape(reported));
      n++;
    }
    return html.toString();
  }

  private static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }

  private String day(Instant t) {
    return DAY.format(t.atZone(zone));
  }
}

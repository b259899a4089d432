package dev.herald.chart;

import dev.herald.answer.Development;
import dev.herald.answer.StoryLookup;
import dev.herald.answer.UpdateComposer;
import dev.herald.index.Passage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How coverage of a topic grew: articles on the topic per day and outlet, and the story's key
 * developments, all taken from the same topic matching as updates and timelines
 * ({@link UpdateComposer#articles} and {@link UpdateComposer#developments}).
 *
 * @param topic the topic as asked
 * @param since start of the window
 * @param asOf end of the window
 * @param zone the zone whose calendar days the counts use
 * @param days every day of the window, oldest first
 * @param perOutlet articles per day for each outlet (counts aligned with {@code days}), most articles first;
 *     outlets beyond {@link #MAX_OUTLETS} are summed under {@link #OTHER}
 * @param developments the key developments, oldest first, numbered from 1 in this order on chart and caption
 */
public record Trend(
    String topic, Instant since, Instant asOf, ZoneId zone, List<LocalDate> days, Map<String, int[]> perOutlet,
    List<Development> developments) {

  /** Outlets shown by name; the rest are summed, so that the legend stays readable. */
  public static final int MAX_OUTLETS = 7;
  /** The series holding the outlets beyond {@link #MAX_OUTLETS}. */
  public static final String OTHER = "other outlets";
  /** The longest window a chart covers: beyond it the bars are too thin to read. */
  public static final int MAX_DAYS = 366;

  /**
   * Counts the topic's articles per day and outlet in {@code [since, asOf]} and picks at most
   * {@code maxDevelopments} developments, the most widely reported first (shown in date order).
   */
  public static Trend of(UpdateComposer updates, String topic, Instant since, Instant asOf, ZoneId zone, StoryLookup stories,
      int maxDevelopments) throws IOException {
    if (!since.isBefore(asOf)) {
      throw new IllegalArgumentException("the start of the window must come before its end");
    }
    LocalDate first = since.atZone(zone).toLocalDate();
    LocalDate last = asOf.atZone(zone).toLocalDate();
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    if (span > MAX_DAYS) {
      throw new IllegalArgumentException("a chart covers at most " + MAX_DAYS + " days; this window has " + span);
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Passage p : updates.articles(topic, since, asOf)) {
      int day = (int) ChronoUnit.DAYS.between(first, p.published().atZone(zone).toLocalDate());
      if (day >= 0 && day < days.size()) {
        counts.computeIfAbsent(p.source(), s -> new int[days.size()])[day]++;
      }
    }
    List<Development> all = updates.developments(topic, since, asOf, stories);
    List<Development> key = all.stream()
        .sorted(Comparator.comparingInt((Development d) -> -d.outlets().size()).thenComparing(Development::date))
        .limit(maxDevelopments)
        .sorted(Comparator.comparing(Development::date))
        .toList();
    return new Trend(topic, since, asOf, zone, List.copyOf(days), fold(counts, days.size()), key);
  }

  /** Keeps the outlets with most articles by name (ties by name) and sums the rest. */
  private static Map<String, int[]> fold(Map<String, int[]> counts, int n) {
    List<Map.Entry<String, int[]>> byTotal = new ArrayList<>(counts.entrySet());
    byTotal.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey));
    Map<String, int[]> out = new LinkedHashMap<>();
    int[] other = new int[n];
    boolean any = false;
    for (int i = 0; i < byTotal.size(); i++) {
      if (i < MAX_OUTLETS) {
        out.put(byTotal.get(i).getKey(), byTotal.get(i).getValue());
      } else {
        any = true;
        for (int d = 0; d < n; d++) {
          other[d] += byTotal.get(i).getValue()[d];
        }
      }
    }
    if (any) {
      out.put(OTHER, other);
    }
    return out;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) {
      s += v;
    }
    return s;
  }

  /** The zone's name for people: "UTC" rather than "Z" for a plain UTC offset. */
  public String zoneName() {
    return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  /** Articles counted over the whole window. */
  public int articles() {
    return perOutlet.values().stream().mapToInt(Trend::sum).sum();
  }

  /** Articles on day {@code i} of {@link #days}, all outlets together. */
  public int articlesOn(int i) {
    return perOutlet.values().stream().mapToInt(c -> c[i]).sum();
  }
}

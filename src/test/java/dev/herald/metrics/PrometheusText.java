package dev.herald.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader of the Prometheus text exposition format for tests: every sample line becomes a series
 * (metric name and labels) with its value; comments (# HELP, # TYPE) are checked for shape and skipped.
 */
public final class PrometheusText {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");

  /** One sample: its metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, Sample> samples = new LinkedHashMap<>();

  private PrometheusText() {}

  /** Parses a scrape; fails on any line that is neither a comment nor a sample. */
  public static PrometheusText parse(String text) {
    PrometheusText t = new PrometheusText();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (!line.matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*") && !line.equals("# EOF")) {
          throw new IllegalArgumentException("bad comment line: " + line);
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad sample line: " + line);
      }
      Map<String, String> labels = new TreeMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        int end = 0;
        while (l.find() && l.start() == end) {
          labels.put(l.group(1), l.group(2));
          end = l.end();
        }
        if (end != m.group(3).length()) {
          throw new IllegalArgumentException("bad labels: " + line);
        }
      }
      String v = m.group(4);
      double value = v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("-Inf") ? Double.NEGATIVE_INFINITY
          : v.equals("NaN") ? Double.NaN : Double.parseDouble(v);
      t.samples.put(m.group(1) + labels, new Sample(m.group(1), labels, value));
    }
    return t;
  }

  /** The value of the series with exactly these labels, or 0 when it is absent (a counter not yet incremented). */
  public double value(String name, String... labelPairs) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], labelPairs[i + 1]);
    }
    Sample s = samples.get(name + labels);
    return s == null ? 0 : s.value();
  }

  /** Whether any series of this metric is present. */
  public boolean has(String name) {
    return samples.values().stream().anyMatch(s -> s.name().equals(name));
  }

  /** Every sample, in scrape order. */
  public Iterable<Sample> samples() {
    return samples.values();
  }
}

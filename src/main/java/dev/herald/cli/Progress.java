package dev.herald.cli;

import dev.herald.index.Indexer;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress display for terminals: count and rate, redrawn at most ten times a second. */
final class Progress implements Indexer.Progress {

  private final PrintStream out;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastArticles;
  private int lastPassages;

  Progress(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  @Override
  public void update(int articles, int passages) {
    lastArticles = articles;
    lastPassages = passages;
    long now = System.nanoTime();
    if (enabled && now - lastDraw > 100_000_000L) {
      lastDraw = now;
      draw();
    }
  }

  private void draw() {
    double s = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    int width = 20;
    int filled = (int) ((lastArticles / 50) % (width + 1));
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    out.printf(Locale.ROOT, "\r[%s] %d articles, %d passages, %.0f passages/s ", bar, lastArticles, lastPassages, lastPassages / s);
    out.flush();
  }

  /** Clears the progress line. */
  void finish() {
    if (enabled && lastDraw != 0) {
      out.print("\r" + " ".repeat(79) + "\r");
      out.flush();
    }
  }
}

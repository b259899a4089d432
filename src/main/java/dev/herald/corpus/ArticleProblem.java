package dev.herald.corpus;

import java.nio.file.Path;

/**
 * Why one article (a line of a JSONL file, or a whole file) could not be read.
 *
 * @param file the file it came from
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong, phrased for the person who wrote the file
 */
public record ArticleProblem(Path file, int line, String message) {

  /** Renders the problem as {@code file:line: message}. */
  @Override
  public String toString() {
    return file + ":" + Math.max(line, 1) + ": " + message;
  }
}

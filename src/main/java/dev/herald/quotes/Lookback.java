package dev.herald.quotes;

import java.util.List;

/**
 * The part of an article before a statement, as the attribution rules need it: the nearby text (to
 * resolve "he said" to the previous sentence's speaker) and the full names used before (to resolve a
 * bare "Ushakov" to "Yury Ushakov"). The extractor supplies one built once per article; {@link #of}
 * wraps plain text.
 */
public interface Lookback {

  /** The text just before the statement, in whole sentences. */
  String text();

  /** The full names (two or more capitalised words) used before the statement, in order. */
  List<String> names();

  /** A look-back over {@code before}, its names read lazily, at most once. */
  static Lookback of(String before) {
    return new Lookback() {
      private List<String> names;

      @Override
      public String text() {
        return before == null ? "" : before;
      }

      @Override
      public List<String> names() {
        if (names == null) {
          names = AttributionFinder.fullNames(before);
        }
        return names;
      }
    };
  }
}

package dev.herald.retrieve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How passages are found: by words (BM25), by meaning (k-NN over passage vectors), or both fused. */
public enum RetrievalMode {
  /** BM25 over title and text; needs no embedding model. */
  BM25,
  /** k-NN over passage vectors only. */
  DENSE,
  /** BM25 and k-NN, fused. */
  HYBRID;

  /** The name used in config and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this mode embeds the question and needs passage vectors. */
  public boolean needsVectors() {
    return this != BM25;
  }

  /** Finds a mode by name, case-insensitively. */
  public static Optional<RetrievalMode> byName(String name) {
    return Arrays.stream(values()).filter(m -> m.id().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The known names, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(RetrievalMode::id).collect(Collectors.joining(", "));
  }
}

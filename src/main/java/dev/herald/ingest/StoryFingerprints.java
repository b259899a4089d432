package dev.herald.ingest;

import java.util.Arrays;

/** The fingerprints of every indexed story, kept in memory so a near-duplicate check is one scan of longs. */
final class StoryFingerprints {

  private long[] hashes = new long[1024];
  private String[] stories = new String[1024];
  private int size;

  /** Remembers a story's fingerprint. */
  synchronized void add(String storyId, long simhash) {
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      stories = Arrays.copyOf(stories, size * 2);
    }
    hashes[size] = simhash;
    stories[size] = storyId;
    size++;
  }

  /** How many fingerprints are remembered. */
  synchronized int size() {
    return size;
  }

  /** Forgets every fingerprint added after the first {@code n}: those of a batch whose indexing failed. */
  synchronized void truncate(int n) {
    size = Math.min(size, Math.max(0, n));
  }

  /** Returns the story whose fingerprint is nearest and within {@code maxDistance} bits, or {@code null}. */
  synchronized String match(long simhash, int maxDistance) {
    String best = null;
    int bestDistance = maxDistance + 1;
    for (int i = 0; i < size; i++) {
      int d = Long.bitCount(hashes[i] ^ simhash);
      if (d < bestDistance) {
        bestDistance = d;
        best = stories[i];
      }
    }
    return best;
  }
}

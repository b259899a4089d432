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

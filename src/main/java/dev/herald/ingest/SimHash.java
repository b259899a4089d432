package dev.herald.ingest;

import java.util.Locale;

/**
 * 64-bit SimHash over word 3-shingles: texts that share most of their wording get fingerprints a few
 * bits apart, which is how syndicated wire copy is recognised across outlets.
 */
public final class SimHash {

  private SimHash() {}

  /** The fingerprint of a text. */
  public static long of(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    int[] weights = new int[64];
    int n = 0;
    String a = null;
    String b = null;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (a != null && b != null) {
        add(weights, hash(a + ' ' + b + ' ' + w));
        n++;
      }
      a = b;
      b = w;
    }
    if (n == 0 && b != null) {
      add(weights, hash(a == null ? b : a + ' ' + b));
    }
    long fp = 0;
    for (int i = 0; i < 64; i++) {
      if (weights[i] > 0) {
        fp |= 1L << i;
      }
    }
    return fp;
  }

  /** The number of differing bits between two fingerprints. */
  public static int distance(long x, long y) {
    return Long.bitCount(x ^ y);
  }

  private static void add(int[] weights, long h) {
    for (int i = 0; i < 64; i++) {
      weights[i] += ((h >>> i) & 1) == 1 ? 1 : -1;
    }
  }

  // FNV-1a then a murmur finaliser: cheap, stable across JVMs (String.hashCode is only 32 bits).
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93e185a99ebL;
    h ^= h >>> 33;
    return h;
  }
}

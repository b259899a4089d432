package dev.herald.answer;

/**
 * What verification did to a language model's answer (the {@code "verification"} object of {@code --json}).
 *
 * @param sentences sentences in the model's answer
 * @param kept sentences shown to the user
 * @param dropped sentences removed as unsupported, uncited or holding a misquote
 * @param citationsRemoved {@code [n]} markers removed because they named no provided source
 * @param quotesRemoved quoted spans removed (with their sentences) because no cited source holds those exact words
 * @param fallback true when the extractive answer was given instead of the model's
 */
public record Verification(int sentences, int kept, int dropped, int citationsRemoved, int quotesRemoved, boolean fallback) {

  /** The counts when the model gave no usable output at all (failure, breaker open). */
  public static Verification notRun() {
    return new Verification(0, 0, 0, 0, 0, true);
  }

  /** Returns a copy marked as having fallen back to the extractive answer. */
  public Verification asFallback() {
    return new Verification(sentences, kept, dropped, citationsRemoved, quotesRemoved, true);
  }
}

package dev.herald.answer;

/**
 * An answer together with how it was made, for front ends that show or log more than the text.
 *
 * @param answer the answer shown to the user
 * @param provider the configured provider ("extractive" when no language model is configured)
 * @param model the model name, or {@code null} without a language model
 * @param verification what verification did, or {@code null} without a language model
 * @param usage tokens the model call used, or {@code null} when no call completed
 * @param note a short remark for the reader (why the extractive answer was given, what was removed), or {@code null}
 */
public record ComposedAnswer(
    Answer answer, String provider, String model, Verification verification, TokenCounts usage, String note) {

  /** Wraps an answer of the extractive composer used as the configured provider. */
  public static ComposedAnswer extractive(Answer answer) {
    return new ComposedAnswer(answer, ExtractiveComposer.MODE, null, null, null, null);
  }

  /** Returns a copy carrying another answer, made the same way. */
  public ComposedAnswer withAnswer(Answer a) {
    return new ComposedAnswer(a, provider, model, verification, usage, note);
  }
}

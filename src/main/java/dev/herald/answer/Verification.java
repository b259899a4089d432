package dev.herald.answer;

import java.util.List;

/**
 * What verification did to a language model's answer (the {@code "verification"} object of {@code --json}).
 *
 * @param sentences sentences in the model's answer
 * @param kept sentences shown to the user
 * @param dropped sentences removed as unsupported, uncited, holding a misquote, or failing a fact check or the judge
 * @param citationsRemoved {@code [n]} markers removed because they named no provided source
 * @param quotesRemoved quoted spans removed (with their sentences) because no cited source holds those exact words
 * @param fallback true when the extractive answer was given instead of the model's
 * @param drops each dropped sentence with the rule that dropped it: the rules' drops in answer order, then the judge's
 * @param judge what the entailment judge did, or {@code null} when it is off (or nothing reached it)
 */
public record Verification(int sentences, int kept, int dropped, int citationsRemoved, int quotesRemoved, boolean fallback,
    List<Drop> drops, JudgeReport judge) {

  /**
   * A sentence verification removed.
   *
   * @param sentence the sentence, markers removed
   * @param rule the rule that removed it: uncited, quote, support, number, date, polarity, entity, tie or judge
   * @param detail what the rule found, for logs and debugging
   */
  public record Drop(String sentence, String rule, String detail) {}

  /**
   * The entailment judge's work on one answer.
   *
   * @param asked sentences sent to the judge (those that passed the rules)
   * @param supported verdicts that the sources state the sentence
   * @param unsupported verdicts that they do not (those sentences were dropped)
   * @param failed calls that failed or gave a malformed verdict (their sentences kept the rules' verdict)
   * @param timedOut calls past the judge's timeout (their sentences kept the rules' verdict)
   * @param inputTokens input tokens the judge calls used, as the provider reported them
   * @param outputTokens output tokens the judge calls used
   * @param millis wall time the judge added
   */
  public record JudgeReport(int asked, int supported, int unsupported, int failed, int timedOut, long inputTokens,
      long outputTokens, long millis) {}

  /** Counts without per-sentence detail (no sentence dropped, judge off). */
  public Verification(int sentences, int kept, int dropped, int citationsRemoved, int quotesRemoved, boolean fallback) {
    this(sentences, kept, dropped, citationsRemoved, quotesRemoved, fallback, List.of(), null);
  }

  /** Copies the list of drops. */
  public Verification {
    drops = List.copyOf(drops);
  }

  /** The counts when the model gave no usable output at all (failure, breaker open). */
  public static Verification notRun() {
    return new Verification(0, 0, 0, 0, 0, true);
  }

  /** Returns a copy marked as having fallen back to the extractive answer. */
  public Verification asFallback() {
    return new Verification(sentences, kept, dropped, citationsRemoved, quotesRemoved, true, drops, judge);
  }

  /** The same counts without the per-sentence detail, for comparing counts alone. */
  public Verification counts() {
    return new Verification(sentences, kept, dropped, citationsRemoved, quotesRemoved, fallback);
  }
}

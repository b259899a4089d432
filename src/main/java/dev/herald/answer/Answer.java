package dev.herald.answer;

import java.time.Instant;
import java.util.List;

/**
 * A composed answer.
 *
 * @param question the question as asked
 * @param asOf the moment it was answered as of
 * @param text the answer; every sentence ends with one or more {@code [n]} markers
 * @param abstained true when the sources did not cover the question (then {@code citations} is empty)
 * @param mode how it was composed ("extractive")
 * @param citations the sources, numbered from 1 in order of first use
 * @param partial true when part of the index could not be reached while answering, so the answer may
 *     miss something (the text then says so)
 */
public record Answer(
    String question, Instant asOf, String text, boolean abstained, String mode, List<Citation> citations, boolean partial) {

  /** A note put before an answer made while part of the index was unreachable. */
  public static final String PARTIAL_NOTE =
      "Note: some of my sources were unreachable (part of the index is down), so this answer may be missing something.";

  /** An answer made over the whole index. */
  public Answer(String question, Instant asOf, String text, boolean abstained, String mode, List<Citation> citations) {
    this(question, asOf, text, abstained, mode, citations, false);
  }

  /** This answer flagged as made from part of the index, with {@link #PARTIAL_NOTE} before its text. */
  public Answer asPartial() {
    return partial ? this : new Answer(question, asOf, PARTIAL_NOTE + "\n" + text, abstained, mode, citations, true);
  }
}

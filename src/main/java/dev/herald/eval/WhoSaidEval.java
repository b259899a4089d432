package dev.herald.eval;

import dev.herald.Herald;
import dev.herald.answer.Answer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Scores "who said" answers: the speaker counts as right when the answer text names the surname
 * (case-insensitive), the citation when any citation is of the quotation's article. Questions are asked
 * as of {@code asOf} (the dev set's articles are all older than today).
 */
public final class WhoSaidEval {

  /** Receives each question's outcome, for per-question reports. */
  public interface Listener {
    /** Called once per question. */
    void question(WhoSaidQuestion q, Answer answer, boolean speakerRight, boolean citationRight);
  }

  private final Herald herald;
  private final Listener listener;

  /** Creates the evaluation over an opened Herald. */
  public WhoSaidEval(Herald herald, Listener listener) {
    this.herald = herald;
    this.listener = listener;
  }

  /** Runs every question. */
  public WhoSaidReport run(List<WhoSaidQuestion> questions, Instant asOf) throws IOException {
    int speaker = 0;
    int cited = 0;
    for (WhoSaidQuestion q : questions) {
      Answer a = herald.ask(q.question(), asOf);
      boolean speakerRight = !a.abstained() && a.text().toLowerCase(Locale.ROOT).contains(q.surname().toLowerCase(Locale.ROOT));
      boolean citationRight = a.citations().stream().anyMatch(c -> c.articleId().equals(q.articleId()));
      speaker += speakerRight ? 1 : 0;
      cited += citationRight ? 1 : 0;
      listener.question(q, a, speakerRight, citationRight);
    }
    int n = Math.max(1, questions.size());
    return new WhoSaidReport(questions.size(), (double) speaker / n, (double) cited / n);
  }
}

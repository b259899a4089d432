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

  private final Herald herald;

  /** Creates the evaluation over an opened Herald. */
  public WhoSaidEval(Herald herald) {
    this.herald = herald;
  }

  /** Runs every question. */
  public WhoSaidReport run(List<WhoSaidQuestion> questions, Instant asOf) throws IOException {
    int speaker = 0;
    int cited = 0;
    for (WhoSaidQuestion q : questions) {
      Answer a = herald.ask(q.question(), asOf);
      if (!a.abstained() && a.text().toLowerCase(Locale.ROOT).contains(q.surname().toLowerCase(Locale.ROOT))) {
        speaker++;
      }
      if (a.citations().stream().anyMatch(c -> c.articleId().equals(q.articleId()))) {
        cited++;
      }
    }
    int n = Math.max(1, questions.size());
    return new WhoSaidReport(questions.size(), (double) speaker / n, (double) cited / n);
  }
}

package dev.herald.eval;

import dev.herald.Herald;
import dev.herald.answer.Answer;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.ScoredPassage;
import dev.herald.retrieve.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores retrieval and answers on RealTimeQA-style questions. Each question is asked as of the end of
 * its {@code date} (UTC). A hit is a retrieved passage whose article url equals a gold url once both
 * are normalised (scheme, host case, "www.", fragment, query and trailing slash ignored). An answer is
 * correct when, asked without the choices, it contains the correct choice and none of the others.
 */
public final class RealTimeQaEval {

  /** Receives each question's outcome, for per-question reports. */
  public interface Listener {
    /** Called once per question with the 1-based rank of the first gold passage (0: none in the top 10). */
    void question(RealTimeQaQuestion q, int firstGoldRank, Answer answer, boolean correct);
  }

  private final Herald herald;
  private final Listener listener;

  /** Creates the evaluation over an opened Herald. */
  public RealTimeQaEval(Herald herald, Listener listener) {
    this.herald = herald;
    this.listener = listener;
  }

  /** Runs every question, retrieving {@code k} passages for each. */
  public RealTimeQaReport run(List<RealTimeQaQuestion> questions, int k) throws IOException {
    int hits4 = 0;
    int hits10 = 0;
    double rr = 0;
    int correct = 0;
    for (RealTimeQaQuestion q : questions) {
      Instant asOf = LocalDate.parse(q.date()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      Set<String> gold = q.goldUrls().stream().map(RealTimeQaEval::normaliseUrl).collect(Collectors.toSet());
      Retrieval r = herald.search(SearchRequest.of(q.question(), Math.max(k, 10), asOf));
      List<ScoredPassage> ps = r.passages();
      int first = -1;
      for (int i = 0; i < Math.min(ps.size(), Math.max(k, 10)); i++) {
        if (gold.contains(normaliseUrl(ps.get(i).passage().url()))) {
          first = i + 1;
          break;
        }
      }
      if (first > 0 && first <= 4) {
        hits4++;
      }
      if (first > 0 && first <= 10) {
        hits10++;
        rr += 1.0 / first;
      }
      Answer a = herald.ask(q.question(), asOf);
      boolean ok = answerCorrect(a.text(), q.choices(), q.answer());
      if (ok) {
        correct++;
      }
      listener.question(q, first, a, ok);
    }
    int n = Math.max(1, questions.size());
    return new RealTimeQaReport(questions.size(), (double) hits4 / n, (double) hits10 / n, rr / n, (double) correct / n);
  }

  /** Whether {@code answer} mentions every correct choice and no wrong one. */
  public static boolean answerCorrect(String answer, List<String> choices, List<String> correct) {
    String a = fold(answer);
    Set<String> right = correct.stream().map(RealTimeQaEval::fold).collect(Collectors.toSet());
    for (String c : choices) {
      String fc = fold(c);
      if (fc.isEmpty()) {
        continue;
      }
      boolean present = mentions(a, fc);
      if (right.contains(fc) != present) {
        return false;
      }
    }
    return !right.isEmpty();
  }

  /**
   * Whether {@code choice} stands in {@code answer} from the start of a word, and a number as a whole
   * number: "15" is not in "15th", "2015" or "1.15"; "Europe" is in "European", "Asia" is not in "Malaysia".
   */
  static boolean mentions(String answer, String choice) {
    for (int at = answer.indexOf(choice); at >= 0; at = answer.indexOf(choice, at + 1)) {
      int end = at + choice.length();
      char last = choice.charAt(choice.length() - 1);
      // A word may go on ("Europe" in "European", "Google" in "Google's"); a number may not.
      if (!joined(answer, at - 1, -1, choice.charAt(0)) && !(Character.isDigit(last) && joined(answer, end, 1, last))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the character at {@code i} continues the word or number that ends (or starts) with {@code edge}. */
  private static boolean joined(String s, int i, int step, char edge) {
    if (i < 0 || i >= s.length() || !Character.isLetterOrDigit(edge)) {
      return false;
    }
    char c = s.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // "5" is not in "5.5" or "1,500": a decimal point or thousands comma between digits joins them.
    int next = i + step;
    return Character.isDigit(edge) && (c == '.' || c == ',') && next >= 0 && next < s.length()
        && Character.isDigit(s.charAt(next));
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[“”\"‘’'«»]", "").replaceAll("\\s+", " ").strip();
  }

  /** Normalises a url for comparison. */
  public static String normaliseUrl(String url) {
    try {
      URI u = new URI(url.strip());
      if (u.getHost() == null) {
        return url.strip();
      }
      String host = u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
      return host + path;
    } catch (URISyntaxException e) {
      return url.strip().replaceAll("#.*$", "");
    }
  }
}

package dev.herald.quotes;

import java.time.Instant;
import java.util.List;

/**
 * One attributed statement found in an article: a direct quotation (possibly split around its cue) or
 * reported speech.
 *
 * @param id {@code articleId~n}, unique within the index
 * @param articleId the article it was found in
 * @param speaker who said it, as the article names them (full name where resolvable; "X, according to
 *     Y" when reported by someone else)
 * @param role the speaker's role when the article gives it, else {@code null}
 * @param cue the attributing verb or phrase ("said", "according to")
 * @param direct true for words in quotation marks, false for reported speech
 * @param parts the quoted text, as one or more exact substrings of the article (a quotation split around
 *     its cue has two)
 * @param starts the character offset in the article text of each part
 * @param title article headline
 * @param url article url
 * @param source outlet
 * @param published article publication moment
 */
public record Quote(
    String id,
    String articleId,
    String speaker,
    String role,
    String cue,
    boolean direct,
    List<String> parts,
    List<Integer> starts,
    String title,
    String url,
    String source,
    Instant published) {

  /** The quoted words for display, parts joined by " … ". */
  public String text() {
    return String.join(" … ", parts);
  }

  /** Whether every part stands at its offset in {@code articleText}, character for character. */
  public boolean verbatimIn(String articleText) {
    for (int i = 0; i < parts.size(); i++) {
      int s = starts.get(i);
      String p = parts.get(i);
      if (s < 0 || s + p.length() > articleText.length() || !articleText.startsWith(p, s)) {
        return false;
      }
    }
    return true;
  }
}

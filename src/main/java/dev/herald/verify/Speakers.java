package dev.herald.verify;

import dev.herald.verify.Clause.Name;
import dev.herald.verify.Tokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Holds the speaker a claim names to the words the sources give that speaker: "Qatar said Tehran had given
 * advance notice" is dropped when the source sentence that shares most of the reported words is a statement by
 * someone else ("Trump said Tehran had given advance notice"), the claim's speaker is not written in it, and no
 * sentence that mentions the claim's speaker comes as close to the reported words.
 */
public final class Speakers {

  /**
   * One source sentence as the speaker rule reads it.
   *
   * @param content the stems of its content words
   * @param names the names it writes
   * @param mentioned keys of the names it mentions, with those a pronoun or a subject-less clause carries over (a
   *     "he said" that cannot be narrowed to one of them gives the words to them all)
   * @param speakers the names written as doers of its cue words ("Trump said", "according to Trump")
   * @param speakerKeys keys of the people a pronoun before a cue stands for ("he said"), when it cannot be narrowed
   * @param rejecters the names written as doers of a verb that rejects what follows ("Powell pushed back against
   *     expectations that ...")
   */
  record Sentence(Set<String> content, List<Name> names, Set<String> mentioned, List<Name> speakers, Set<String> speakerKeys,
      List<Name> rejecters) {

    boolean statement() {
      return !speakers.isEmpty() || !speakerKeys.isEmpty();
    }
  }

  // Verbs of speech: their doer is who the words after them belong to.
  static final Set<String> CUES = Set.of("said", "says", "say", "told", "tells", "added", "argued", "warned", "insisted",
      "stressed", "noted", "claimed", "cautioned", "replied", "observed", "declared", "wrote", "according");
  // Verbs by which someone rejects the words that follow: "rejected", "dismissed", "denied", "disputed", "pushed back
  // (against)", "played down". Stems.
  private static final Set<String> REJECTING = Set.of("reject", "dismiss", "deni", "disput");
  private static final Set<String> REJECTING_FIRST = Set.of("push", "play");
  private static final Set<String> REJECTING_SECOND = Set.of("back", "down");
  // Words of the attribution itself, not of what was said.
  private static final Set<String> FRAME = Set.of("report", "journalist", "statement", "interview", "publicli", "afterward");
  private static final int MIN_SHARED = 3;

  private Speakers() {}

  /**
   * Reads one source sentence from its clauses. {@code subject} is the name the previous sentence opens with (its
   * subject, which a "he said" usually points back to), or null.
   */
  static Sentence sentence(List<SourceClause> clauses, Name subject) {
    Set<String> content = new HashSet<>();
    List<Name> names = new ArrayList<>();
    Set<String> mentioned = new HashSet<>();
    List<Name> speakers = new ArrayList<>();
    Set<String> speakerKeys = new HashSet<>();
    List<Name> rejecters = new ArrayList<>();
    for (SourceClause s : clauses) {
      Clause c = s.clause();
      content.addAll(c.content());
      names.addAll(c.names());
      mentioned.addAll(s.names());
      List<Token> t = c.tokens();
      for (int k = 0; k < t.size(); k++) {
        String low = t.get(k).surface().toLowerCase(Locale.ROOT);
        if (rejecting(t, k)) {
          Roles.Doer d = Roles.doer(c, k);
          if (d != null) {
            rejecters.addAll(d.names());
          }
          continue;
        }
        if (!CUES.contains(low)) {
          continue;
        }
        if (low.equals("according")) {
          Name after = nameAfter(c, k + 1);
          if (after != null) {
            speakers.add(after);
          }
          continue;
        }
        Roles.Doer d = Roles.doer(c, k);
        if (d == null) {
          continue;
        }
        if (!d.names().isEmpty()) {
          speakers.addAll(d.names());
        } else if (d.pronoun()) {
          if (subject != null) {
            speakers.add(subject);
          } else {
            speakerKeys.addAll(s.names());
          }
        }
      }
    }
    return new Sentence(content, names, mentioned, speakers, speakerKeys, rejecters);
  }

  private static boolean rejecting(List<Token> t, int k) {
    String stem = t.get(k).stem();
    return REJECTING.contains(stem)
        || REJECTING_FIRST.contains(stem) && k + 1 < t.size() && REJECTING_SECOND.contains(t.get(k + 1).surface().toLowerCase(Locale.ROOT));
  }

  /** The name a sentence opens with, its likely subject, or null. */
  static Name opening(List<SourceClause> clauses) {
    if (clauses.isEmpty()) {
      return null;
    }
    Clause c = clauses.get(0).clause();
    return !c.names().isEmpty() && c.names().get(0).start() == 0 ? c.names().get(0) : null;
  }

  /**
   * Returns why the speaker {@code claim} names ("X said ...") is not who the sources give its reported words to,
   * or empty. {@code claimClauses} are the claim's clauses, the first naming the speaker.
   */
  public static Optional<String> misattributed(List<Clause> claimClauses, List<Sentence> sources) {
    List<Name> speaker = null;
    Token cue = null;
    for (Clause c : claimClauses) {
      for (int k = 0; k < c.tokens().size() && speaker == null; k++) {
        String low = c.tokens().get(k).surface().toLowerCase(Locale.ROOT);
        if (CUES.contains(low) && !low.equals("according")) {
          Roles.Doer d = Roles.doer(c, k);
          if (d != null && !d.names().isEmpty()) {
            speaker = d.names();
            cue = c.tokens().get(k);
          }
        }
      }
      if (speaker != null) {
        break;
      }
    }
    if (speaker == null) {
      return Optional.empty();
    }
    Set<String> said = new HashSet<>();
    for (Clause c : claimClauses) {
      said.addAll(c.content());
    }
    for (Name n : speaker) {
      Tokens.of(n.text()).forEach(t -> said.remove(t.stem()));
    }
    said.remove(cue.stem());
    said.removeAll(FRAME);
    int best = 0;
    int given = 0;
    int rejected = 0;
    for (Sentence s : sources) {
      if (s.statement()) {
        best = Math.max(best, shared(said, s));
      }
      if (gives(s, speaker)) {
        given = Math.max(given, shared(said, s));
      } else if (rejects(s, speaker)) {
        rejected = Math.max(rejected, shared(said, s));
      }
    }
    // "Powell said another cut was all but certain" against "Powell pushed back against expectations that another cut
    // was all but certain": the words are those the speaker rejected, and no statement of theirs comes closer.
    if (rejected >= 2 && rejected >= given && 2 * rejected >= said.size()) {
      return Optional.of(speaker.get(0).text() + " rejected what the claim has them say");
    }
    if (best < MIN_SHARED || 2 * best < said.size()) {
      return Optional.empty();
    }
    Name other = null;
    for (Sentence s : sources) {
      int k = shared(said, s);
      boolean mentions = mentions(s, speaker);
      if (mentions && k >= best - 1) {
        return Optional.empty(); // a sentence naming the claim's speaker says about as much: no evidence either way
      }
      if (s.statement() && k == best) {
        if (gives(s, speaker)) {
          return Optional.empty();
        }
        if (other == null && !s.speakers().isEmpty()) {
          other = s.speakers().get(0);
        }
      }
    }
    if (other == null) {
      return Optional.empty();
    }
    return Optional.of(speaker.get(0).text() + " is not who the source gives these words to (" + other.text() + " is)");
  }

  private static int shared(Set<String> said, Sentence s) {
    return Tokens.countIn(said, s.content());
  }

  private static boolean gives(Sentence s, List<Name> speaker) {
    for (Name n : speaker) {
      if (s.speakerKeys().contains(n.key()) || s.speakers().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
        return true;
      }
    }
    return false;
  }

  private static boolean rejects(Sentence s, List<Name> speaker) {
    return s.rejecters().stream().anyMatch(o -> speaker.stream().anyMatch(n -> EntityTies.sameEntity(n, o)));
  }

  private static boolean mentions(Sentence s, List<Name> speaker) {
    for (Name n : speaker) {
      if (s.names().stream().anyMatch(o -> EntityTies.sameEntity(n, o))) {
        return true;
      }
    }
    return false;
  }

  // "according to Treasury Secretary Scott Bessent": the name after "to".
  private static Name nameAfter(Clause c, int k) {
    List<Token> t = c.tokens();
    if (k >= t.size() || !t.get(k).surface().equalsIgnoreCase("to") || k + 1 >= t.size()) {
      return null;
    }
    int at = t.get(k + 1).start();
    for (Name n : c.names()) {
      if (n.start() == at) {
        return n;
      }
    }
    return null;
  }
}
